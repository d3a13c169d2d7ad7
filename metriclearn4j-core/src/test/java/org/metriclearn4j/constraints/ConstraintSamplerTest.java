package org.metriclearn4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;

class ConstraintSamplerTest {

  /** {@code counts[c]} samples of class {@code c}, features random. */
  static LabeledDataset data(int... counts) {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(3);
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        rows.add(new double[] {c + r.nextDouble(), r.nextDouble()});
        labels.add(c);
      }
    }
    return LabeledDataset.of(
        "toy",
        rows.toArray(new double[0][]),
        labels.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void pairsAreDistinctCorrectlyLabelledAndReproducible() {
    LabeledDataset data = data(30, 20, 10);
    Pairs pairs = ConstraintSampler.withSeed(5).pairs(data, 40, 50);
    assertEquals(40, pairs.numSimilar());
    assertEquals(50, pairs.numDissimilar());
    int[] y = data.labels();
    Set<String> seen = new HashSet<>();
    for (int p = 0; p < pairs.size(); p++) {
      int a = pairs.first()[p];
      int b = pairs.second()[p];
      assertNotEquals(a, b);
      assertEquals(y[a] == y[b], pairs.similar()[p]);
      assertTrue(seen.add(Math.min(a, b) + "," + Math.max(a, b)), "duplicate pair " + a + "," + b);
    }
    Pairs again = ConstraintSampler.withSeed(5).pairs(data, 40, 50);
    assertArrayEquals(pairs.first(), again.first());
    assertArrayEquals(pairs.second(), again.second());
    Pairs other = ConstraintSampler.withSeed(6).pairs(data, 40, 50);
    assertFalse(Arrays.equals(pairs.first(), other.first()));
  }

  @Test
  void pairsReturnEveryPairWhenFewerExistThanRequested() {
    LabeledDataset data = data(3, 2);
    Pairs pairs = ConstraintSampler.withSeed(1).pairs(data, 100, 100);
    assertEquals(3 + 1, pairs.numSimilar());
    assertEquals(6, pairs.numDissimilar());
  }

  @Test
  void similarPairsAreDrawnUniformlyOverPairsNotClasses() {
    // class 0 holds 45 of the 46 similar pairs (10 samples) and class 1 only one (2 samples)
    LabeledDataset data = data(10, 2);
    int fromSmall = 0;
    for (long seed = 0; seed < 200; seed++) {
      Pairs pairs = ConstraintSampler.withSeed(seed).pairs(data, 1, 0);
      if (data.labels()[pairs.first()[0]] == 1) {
        fromSmall++;
      }
    }
    assertTrue(fromSmall < 20, "class with 1/46 of the pairs drawn " + fromSmall + "/200 times");
  }

  @Test
  void pairsFailClearlyWhenAKindCannotBeDrawn() {
    IllegalArgumentException oneClass =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConstraintSampler.withSeed(0).pairs(data(5), 3, 3));
    assertTrue(
        String.valueOf(oneClass.getMessage()).contains("two classes"), oneClass.getMessage());
    IllegalArgumentException singletons =
        assertThrows(
            IllegalArgumentException.class,
            () -> ConstraintSampler.withSeed(0).pairs(data(1, 1, 1), 3, 3));
    assertTrue(
        String.valueOf(singletons.getMessage()).contains("two samples"), singletons.getMessage());
    assertEquals(3, ConstraintSampler.withSeed(0).pairs(data(1, 1, 1), 0, 3).size());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConstraintSampler.withSeed(0).pairs(data(4, 4), 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> ConstraintSampler.withSeed(0).pairs(data(4, 4), -1, 2));
  }

  @Test
  void randomTripletsHaveSameClassPositiveAndOtherClassNegative() {
    LabeledDataset data = data(8, 6, 5);
    Triplets t = ConstraintSampler.withSeed(2).triplets(data, 200);
    assertEquals(200, t.size());
    int[] y = data.labels();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < t.size(); i++) {
      int a = t.anchors()[i];
      int p = t.positives()[i];
      int n = t.negatives()[i];
      assertNotEquals(a, p);
      assertEquals(y[a], y[p]);
      assertNotEquals(y[a], y[n]);
      assertTrue(seen.add(a + "," + p + "," + n));
    }
    // all 2 ordered (anchor, positive) * 1 negative = 2 triplets of a tiny set
    assertEquals(2, ConstraintSampler.withSeed(2).triplets(data(2, 1), 50).size());
    assertThrows(
        IllegalArgumentException.class,
        () -> ConstraintSampler.withSeed(2).triplets(data(1, 1), 5));
  }

  @Test
  void neighbourTripletsMatchABruteForceNeighbourSearch() {
    double[][] x = {{0}, {1}, {3}, {6}, {10}, {0.5}, {2}, {7}};
    int[] y = {0, 0, 0, 0, 0, 1, 1, 1};
    LabeledDataset data = LabeledDataset.of("line", x, y);
    Triplets t = ConstraintSampler.neighbourTriplets(data, 2, 1);
    // anchor 0 (x=0): genuine 1 (x=1), 2 (x=3); impostor 5 (x=0.5)
    assertArrayEquals(new int[] {0, 0}, Arrays.copyOf(t.anchors(), 2));
    assertArrayEquals(new int[] {1, 2}, Arrays.copyOf(t.positives(), 2));
    assertArrayEquals(new int[] {5, 5}, Arrays.copyOf(t.negatives(), 2));
    // class 1 has 3 members, so each of its anchors has 2 genuine neighbours; 8 anchors * 2 * 1
    assertEquals(16, t.size());
    // anchor 4 (x=10): genuine 3 (x=6), 2 (x=3); impostor 7 (x=7)
    int k = 8;
    assertEquals(4, t.anchors()[k]);
    assertEquals(3, t.positives()[k]);
    assertEquals(2, t.positives()[k + 1]);
    assertEquals(7, t.negatives()[k]);
  }

  @Test
  void neighbourTripletsBreakDistanceTiesByIndex() {
    double[][] x = {{0}, {1}, {-1}, {1}, {-1}};
    int[] y = {0, 0, 0, 1, 1};
    Triplets t = ConstraintSampler.neighbourTriplets(LabeledDataset.of("ties", x, y), 1, 1);
    assertEquals(1, t.positives()[0]);
    assertEquals(3, t.negatives()[0]);
  }

  @Test
  void quadrupletsPairASimilarWithADissimilarPair() {
    LabeledDataset data = data(10, 10);
    Quadruplets q = ConstraintSampler.withSeed(4).quadruplets(data, 30);
    assertEquals(30, q.size());
    int[] y = data.labels();
    for (int i = 0; i < q.size(); i++) {
      assertEquals(y[q.first()[i]], y[q.second()[i]]);
      assertNotEquals(y[q.third()[i]], y[q.fourth()[i]]);
    }
  }

  @Test
  void chunksAreDisjointSameClassAndOfTheRequestedSize() {
    LabeledDataset data = data(7, 5, 4);
    assertEquals(3 + 2 + 2, ConstraintSampler.maxChunks(data, 2));
    Chunks chunks = ConstraintSampler.withSeed(9).chunks(data, 7, 2);
    assertEquals(7, chunks.numChunks());
    assertEquals(14, chunks.numChunkedPoints());
    int[] y = data.labels();
    for (int id : chunks.chunkIds()) {
      int[] m = chunks.members(id);
      assertEquals(2, m.length);
      assertEquals(y[m[0]], y[m[1]]);
    }
    IllegalArgumentException tooMany =
        assertThrows(
            IllegalArgumentException.class, () -> ConstraintSampler.withSeed(9).chunks(data, 8, 2));
    assertTrue(String.valueOf(tooMany.getMessage()).contains("at most 7"), tooMany.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> ConstraintSampler.withSeed(9).chunks(data, 2, 1));
    assertArrayEquals(chunks.chunkOf(), ConstraintSampler.withSeed(9).chunks(data, 7, 2).chunkOf());
  }
}
