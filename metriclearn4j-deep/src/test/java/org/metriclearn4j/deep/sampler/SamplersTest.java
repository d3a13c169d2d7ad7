package org.metriclearn4j.deep.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;
import org.metriclearn4j.deep.miner.Triplets;

class SamplersTest {

  /** 10 classes of unequal size: class c has 5 + 2c samples (140 in all). */
  private static int[] labels() {
    int n = 0;
    for (int c = 0; c < 10; c++) {
      n += 5 + 2 * c;
    }
    int[] labels = new int[n];
    int k = 0;
    for (int c = 0; c < 10; c++) {
      for (int r = 0; r < 5 + 2 * c; r++) {
        labels[k++] = c;
      }
    }
    return labels;
  }

  private static int[] flatten(List<Batch> batches) {
    return batches.stream().flatMapToInt(b -> Arrays.stream(b.indices())).toArray();
  }

  @Test
  void shuffledEpochVisitsEverySampleOnce() {
    int[] labels = labels();
    List<Batch> batches = ShuffledBatchSampler.of(32, false, 5).epoch(labels, 1);
    assertEquals(5, batches.size()); // 32+32+32+32+12
    assertEquals(12, batches.get(4).size());
    int[] all = flatten(batches);
    Arrays.sort(all);
    for (int i = 0; i < labels.length; i++) {
      assertEquals(i, all[i]);
    }
    assertEquals(4, ShuffledBatchSampler.of(32, true, 5).epoch(labels, 1).size());
  }

  @Test
  void shuffledBatchesDependOnSeedAndEpochOnly() {
    int[] labels = labels();
    ShuffledBatchSampler s = ShuffledBatchSampler.of(32, false, 5);
    assertArrayEquals(flatten(s.epoch(labels, 3)), flatten(s.epoch(labels, 3)));
    assertFalse(Arrays.equals(flatten(s.epoch(labels, 3)), flatten(s.epoch(labels, 4))));
    assertFalse(
        Arrays.equals(
            flatten(s.epoch(labels, 3)),
            flatten(ShuffledBatchSampler.of(32, false, 6).epoch(labels, 3))));
  }

  @Test
  void shuffledDropsASingletonLastBatch() {
    List<Batch> batches = ShuffledBatchSampler.of(4, false, 0).epoch(new int[9], 1);
    assertEquals(2, batches.size());
  }

  @Test
  void mPerClassBatchesHoldExactlyMOfEachOfTheirClasses() {
    int[] labels = labels();
    MPerClassSampler s = MPerClassSampler.of(4, 32, 11);
    List<Batch> batches = s.epoch(labels, 1);
    assertEquals(labels.length / 32, batches.size());
    for (Batch b : batches) {
      assertEquals(32, b.size());
      int[] counts = new int[10];
      for (int i : b.indices()) {
        counts[labels[i]]++;
      }
      int classes = 0;
      for (int c : counts) {
        assertTrue(c == 0 || c == 4, "class count " + c + " in " + Arrays.toString(counts));
        classes += c == 4 ? 1 : 0;
      }
      assertEquals(8, classes);
    }
    assertArrayEquals(flatten(batches), flatten(MPerClassSampler.of(4, 32, 11).epoch(labels, 1)));
  }

  @Test
  void mPerClassNeverRepeatsASampleOfAClassWithAtLeastMSamplesWithinABatch() {
    int[] labels = labels();
    for (int epoch = 1; epoch <= 20; epoch++) {
      for (Batch b : MPerClassSampler.of(4, 32, 3).epoch(labels, epoch)) {
        assertEquals(32, Arrays.stream(b.indices()).distinct().count());
      }
    }
  }

  @Test
  void mPerClassRejectsTooFewClassesAndBadSizes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MPerClassSampler.of(2, 8, 0).epoch(new int[] {0, 0, 1, 1, 2, 2}, 1));
    assertTrue(
        String.valueOf(e.getMessage()).contains("needs 4 classes"), String.valueOf(e.getMessage()));
    assertThrows(IllegalArgumentException.class, () -> MPerClassSampler.of(3, 32, 0));
    assertThrows(IllegalArgumentException.class, () -> MPerClassSampler.of(4, 4, 0));
  }

  @Test
  void pairSamplerGivesBalancedValidPairs() {
    int[] labels = labels();
    List<Batch> batches = PairSampler.of(16, 9).epoch(labels, 1);
    int anchors = 0;
    for (Batch b : batches) {
      int[] idx = b.indices();
      MinerResult r = b.tuples().orElseThrow();
      assertEquals(MinerResult.Kind.PAIRS, r.kind());
      Pairs t = r.pairs();
      int pairs = idx.length / 2;
      anchors += pairs;
      assertEquals(pairs, r.numPositivePairs() + r.numNegativePairs());
      assertEquals(pairs / 2, r.numPositivePairs(), "half the pairs are positive");
      int[] pa = t.positiveAnchors();
      int[] p = t.positives();
      for (int k = 0; k < pa.length; k++) {
        assertEquals(labels[idx[pa[k]]], labels[idx[p[k]]]);
        assertNotEquals(idx[pa[k]], idx[p[k]]);
      }
      int[] na = t.negativeAnchors();
      int[] n = t.negatives();
      for (int k = 0; k < na.length; k++) {
        assertNotEquals(labels[idx[na[k]]], labels[idx[n[k]]]);
      }
    }
    assertEquals(labels.length, anchors, "every sample is an anchor once per epoch");
  }

  @Test
  void tripletSamplerGivesValidTriplets() {
    int[] labels = labels();
    for (Batch b : TripletSampler.of(10, 2).epoch(labels, 1)) {
      int[] idx = b.indices();
      Triplets t = b.tuples().orElseThrow().triplets();
      int[] a = t.anchors();
      int[] p = t.positives();
      int[] n = t.negatives();
      for (int k = 0; k < a.length; k++) {
        assertEquals(labels[idx[a[k]]], labels[idx[p[k]]]);
        assertNotEquals(idx[a[k]], idx[p[k]]);
        assertNotEquals(labels[idx[a[k]]], labels[idx[n[k]]]);
      }
    }
  }

  @Test
  void pairSamplerNeedsTwoClasses() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PairSampler.of(4, 0).epoch(new int[5], 1));
    assertTrue(
        String.valueOf(e.getMessage()).contains("two classes"), String.valueOf(e.getMessage()));
  }
}
