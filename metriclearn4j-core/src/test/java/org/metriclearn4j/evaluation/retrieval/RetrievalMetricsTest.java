package org.metriclearn4j.evaluation.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;

class RetrievalMetricsTest {
  private static final double EPS = 1e-12;

  /**
   * Six points on a line, classes A (0) and B (1) with three members each, evaluated against
   * themselves. Rankings (nearest first, the query excluded, ties by index):
   *
   * <pre>
   * q0 x=0   A: 1A 2B 3A 4B 5B   relevant ranks 1,3  AP (1 + 2/3)/2 = 5/6  MAP@R 1/2  RP 1/2  RR 1
   * q1 x=1   A: 0A 2B 3A 4B 5B   (0 and 2 tie at 1; index 0 first), same as q0
   * q2 x=2   B: 3A 1A 0A 4B 5B   relevant ranks 4,5  AP (1/4 + 2/5)/2 = 0.325  MAP@R 0  RP 0  RR 1/4
   * q3 x=2.6 A: 2B 1A 4B 0A 5B   relevant ranks 2,4  AP (1/2 + 2/4)/2 = 1/2  MAP@R (1/2)/2  RP 1/2  RR 1/2
   * q4 x=5   B: 5B 3A 2B 1A 0A   relevant ranks 1,3  same as q0
   * q5 x=6   B: 4B 3A 2B 1A 0A   same as q0
   * </pre>
   */
  @Test
  void sixPointExampleCountedByHand() {
    double[][] x = {{0}, {1}, {2}, {2.6}, {5}, {6}};
    int[] y = {0, 0, 1, 0, 1, 1};
    RetrievalReport r = RetrievalMetrics.builder().recallAt(1, 2, 4).build().evaluate(x, y);
    assertEquals(6, r.queries());
    assertEquals(0, r.skippedQueries());
    assertEquals(4.0 / 6, r.precisionAt1(), EPS);
    assertEquals((0.5 + 0.5 + 0 + 0.5 + 0.5 + 0.5) / 6, r.rPrecision(), EPS);
    assertEquals((0.5 + 0.5 + 0 + 0.25 + 0.5 + 0.5) / 6, r.mapAtR(), EPS);
    assertEquals((4 * 5.0 / 6 + 0.325 + 0.5) / 6, r.meanAveragePrecision(), EPS);
    assertEquals((1 + 1 + 0.25 + 0.5 + 1 + 1) / 6, r.meanReciprocalRank(), EPS);
    assertEquals(4.0 / 6, r.recallAt(1), EPS);
    assertEquals(5.0 / 6, r.recallAt(2), EPS);
    assertEquals(1.0, r.recallAt(4), EPS);
  }

  /**
   * pytorch-metric-learning 2.8.1's figures for raw pixels on the unseen digits 5-9 (896 samples,
   * pixels / 16, L2-normalised, each sample a query against all others), as published in the
   * project's reference results: P@1 99.1, R-Precision 66.8, MAP@R 60.6, MAP 74.2, MRR 99.4 (%).
   */
  @Test
  void reproducesPytorchMetricLearningOnUnseenDigits() {
    LabeledDataset digits = BundledDatasets.load("digits");
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int i = 0; i < digits.size(); i++) {
      if (digits.label(i) >= 5) {
        double[] row = digits.row(i);
        for (int j = 0; j < row.length; j++) {
          row[j] /= 16;
        }
        rows.add(row);
        labels.add(digits.label(i));
      }
    }
    double[][] x = rows.toArray(new double[0][]);
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    RetrievalReport r =
        RetrievalMetrics.builder().distance(EmbeddingDistance.COSINE).build().evaluate(x, y);
    assertEquals(896, r.queries());
    assertEquals(0.991, r.precisionAt1(), 0.0006);
    assertEquals(0.668, r.rPrecision(), 0.0006);
    assertEquals(0.606, r.mapAtR(), 0.0006);
    assertEquals(0.742, r.meanAveragePrecision(), 0.0006);
    assertEquals(0.994, r.meanReciprocalRank(), 0.0006);
  }

  @Test
  void separateQueriesAndReferencesKeepEveryReference() {
    // references: 0 at x=0 (A), 1 at x=1 (B), 2 at x=3 (A); query at x=1 (A):
    // ranking 1B (0), 0A (1), 2A (2): relevant ranks 2, 3, R = 2
    double[][] refs = {{0}, {1}, {3}};
    int[] refLabels = {0, 1, 0};
    RetrievalReport r =
        RetrievalMetrics.evaluate(
            new double[][] {{1}},
            new int[] {0},
            refs,
            refLabels,
            false,
            EmbeddingDistance.EUCLIDEAN);
    assertEquals(0, r.precisionAt1(), EPS);
    assertEquals(0.5, r.rPrecision(), EPS);
    assertEquals(0.25, r.mapAtR(), EPS);
    assertEquals((0.5 + 2.0 / 3) / 2, r.meanAveragePrecision(), EPS);
    assertEquals(0.5, r.meanReciprocalRank(), EPS);
    assertEquals(0, r.recallAt(1), EPS);
    assertEquals(1, r.recallAt(2), EPS);
  }

  @Test
  void cosineRanksByAngleNotLength() {
    double[][] query = {{1, 0}};
    double[][] refs = {{10, 1}, {0.9, 0.5}}; // same class far but aligned; other class near
    int[] refLabels = {0, 1};
    RetrievalReport euclidean =
        RetrievalMetrics.evaluate(
            query, new int[] {0}, refs, refLabels, false, EmbeddingDistance.EUCLIDEAN);
    RetrievalReport cosine =
        RetrievalMetrics.evaluate(
            query, new int[] {0}, refs, refLabels, false, EmbeddingDistance.COSINE);
    assertEquals(0, euclidean.precisionAt1(), EPS);
    assertEquals(1, cosine.precisionAt1(), EPS);
  }

  @Test
  void queriesWithoutRelevantReferencesAreSkipped() {
    double[][] x = {{0}, {1}, {5}};
    int[] y = {0, 0, 7}; // label 7 occurs once: its only reference would be itself
    RetrievalReport r = RetrievalMetrics.builder().build().evaluate(x, y);
    assertEquals(2, r.queries());
    assertEquals(1, r.skippedQueries());
    assertEquals(1, r.precisionAt1(), EPS);
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> RetrievalMetrics.builder().build().evaluate(x, new int[] {1, 2, 3}));
    assertTrue(String.valueOf(none.getMessage()).contains("found none of 3"));
  }

  @Test
  void agreesWithABruteForceReferenceOnTiedGridData() {
    SplittableRandom random = new SplittableRandom(3);
    double[][] x = new double[120][2];
    int[] y = new int[120];
    for (int i = 0; i < x.length; i++) {
      y[i] = random.nextInt(4);
      x[i][0] = random.nextInt(6) + y[i]; // integer grid: many exact ties
      x[i][1] = random.nextInt(6);
    }
    int[] ks = {1, 3, 10};
    RetrievalMetrics metrics = RetrievalMetrics.builder().recallAt(ks).blockRows(7).build();
    assertReportsEqual(bruteForce(x, y, x, y, true, false, ks), metrics.evaluate(x, y));
    double[][] q = new double[30][];
    int[] qy = new int[30];
    for (int i = 0; i < q.length; i++) {
      q[i] = new double[] {random.nextInt(8), random.nextInt(6)};
      qy[i] = random.nextInt(5); // label 4 has no references: skipped
    }
    assertReportsEqual(
        bruteForce(q, qy, x, y, false, false, ks), metrics.evaluate(q, qy, x, y, false));
  }

  @Test
  void agreesWithABruteForceReferenceForCosine() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] x = new double[80][5];
    int[] y = new int[80];
    for (int i = 0; i < x.length; i++) {
      y[i] = random.nextInt(3);
      for (int j = 0; j < 5; j++) {
        x[i][j] = random.nextGaussian() + (j == y[i] ? 1.5 : 0);
      }
    }
    int[] ks = {1, 5};
    RetrievalReport report =
        RetrievalMetrics.builder()
            .distance(EmbeddingDistance.COSINE)
            .recallAt(ks)
            .build()
            .evaluate(x, y);
    assertReportsEqual(bruteForce(x, y, x, y, true, true, ks), report);
  }

  @Test
  void resultDoesNotDependOnTheBlockSize() {
    SplittableRandom random = new SplittableRandom(5);
    double[][] x = new double[97][3];
    int[] y = new int[97];
    for (int i = 0; i < x.length; i++) {
      y[i] = random.nextInt(5);
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextDouble();
      }
    }
    RetrievalReport whole = RetrievalMetrics.builder().blockRows(1000).build().evaluate(x, y);
    for (int rows : new int[] {1, 2, 13, 96}) {
      assertEquals(whole, RetrievalMetrics.builder().blockRows(rows).build().evaluate(x, y));
    }
  }

  @Test
  void invalidInputsAreRejectedWithTheirPosition() {
    RetrievalMetrics metrics = RetrievalMetrics.builder().build();
    double[][] x = {{0, 1}, {1, 1}};
    int[] y = {0, 0};
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> metrics.evaluate(new double[][] {{0, 1}, {Double.NaN, 1}}, y));
    assertTrue(String.valueOf(nan.getMessage()).contains("row 1, column 0"), nan.getMessage());
    IllegalArgumentException ragged =
        assertThrows(
            IllegalArgumentException.class,
            () -> metrics.evaluate(x, y, new double[][] {{1, 2, 3}}, new int[] {0}, false));
    assertTrue(String.valueOf(ragged.getMessage()).startsWith("referenceEmbeddings:"));
    IllegalArgumentException labels =
        assertThrows(IllegalArgumentException.class, () -> metrics.evaluate(x, new int[] {0}));
    assertTrue(String.valueOf(labels.getMessage()).startsWith("queryLabels:"));
    IllegalArgumentException notSame =
        assertThrows(
            IllegalArgumentException.class,
            () -> metrics.evaluate(x, y, new double[][] {{0, 1}, {1, 2}}, y, true));
    assertTrue(String.valueOf(notSame.getMessage()).contains("row 1"));
    IllegalArgumentException zero =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RetrievalMetrics.builder()
                    .distance(EmbeddingDistance.COSINE)
                    .build()
                    .evaluate(new double[][] {{0, 1}, {0, 0}}, y));
    assertTrue(String.valueOf(zero.getMessage()).contains("zero row at 1"));
    assertThrows(
        IllegalArgumentException.class, () -> RetrievalMetrics.builder().recallAt().build());
    assertThrows(
        IllegalArgumentException.class, () -> RetrievalMetrics.builder().recallAt(0).build());
    assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.builder().blockRows(0));
    RetrievalReport r = metrics.evaluate(x, y);
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> r.recallAt(3));
    assertTrue(String.valueOf(k.getMessage()).contains("[1, 2, 4, 8]"));
  }

  /** Ranks by the literal definitions: a comparator sort, then precision at every position. */
  private static RetrievalReport bruteForce(
      double[][] q, int[] qy, double[][] r, int[] ry, boolean same, boolean cosine, int[] ks) {
    int used = 0;
    double p1 = 0;
    double rp = 0;
    double mapr = 0;
    double map = 0;
    double mrr = 0;
    int[] hits = new int[ks.length];
    for (int i = 0; i < q.length; i++) {
      final int query = i;
      List<Integer> order = new ArrayList<>();
      int relevant = 0;
      for (int j = 0; j < r.length; j++) {
        if (same && j == i) {
          continue;
        }
        order.add(j);
        relevant += ry[j] == qy[i] ? 1 : 0;
      }
      if (relevant == 0) {
        continue;
      }
      used++;
      order.sort(
          Comparator.comparingDouble((Integer j) -> dist(q[query], r[j], cosine))
              .thenComparingInt(j -> j));
      int hitsSoFar = 0;
      double ap = 0;
      double apR = 0;
      int first = -1;
      for (int pos = 0; pos < order.size(); pos++) {
        if (ry[order.get(pos)] == qy[i]) {
          hitsSoFar++;
          double precision = (double) hitsSoFar / (pos + 1);
          ap += precision;
          if (pos < relevant) {
            apR += precision;
          }
          if (first < 0) {
            first = pos;
          }
        }
        if (pos == relevant - 1) {
          rp += (double) hitsSoFar / relevant;
        }
      }
      p1 += first == 0 ? 1 : 0;
      mapr += apR / relevant;
      map += ap / relevant;
      mrr += 1.0 / (first + 1);
      for (int t = 0; t < ks.length; t++) {
        hits[t] += first < ks[t] ? 1 : 0;
      }
    }
    SortedMap<Integer, Double> recall = new TreeMap<>();
    for (int t = 0; t < ks.length; t++) {
      recall.put(ks[t], (double) hits[t] / used);
    }
    return new RetrievalReport(
        used, q.length - used, p1 / used, rp / used, mapr / used, map / used, mrr / used, recall);
  }

  private static double dist(double[] a, double[] b, boolean cosine) {
    double s = 0;
    double na = 0;
    double nb = 0;
    for (int t = 0; t < a.length; t++) {
      s += cosine ? a[t] * b[t] : (a[t] - b[t]) * (a[t] - b[t]);
      na += a[t] * a[t];
      nb += b[t] * b[t];
    }
    return cosine ? 1 - s / Math.sqrt(na * nb) : s;
  }

  private static void assertReportsEqual(RetrievalReport expected, RetrievalReport actual) {
    assertEquals(expected.queries(), actual.queries());
    assertEquals(expected.skippedQueries(), actual.skippedQueries());
    assertEquals(expected.precisionAt1(), actual.precisionAt1(), EPS);
    assertEquals(expected.rPrecision(), actual.rPrecision(), EPS);
    assertEquals(expected.mapAtR(), actual.mapAtR(), EPS);
    assertEquals(expected.meanAveragePrecision(), actual.meanAveragePrecision(), EPS);
    assertEquals(expected.meanReciprocalRank(), actual.meanReciprocalRank(), EPS);
    assertEquals(expected.recallAtK().keySet(), actual.recallAtK().keySet());
    for (int k : expected.recallAtK().keySet()) {
      assertEquals(expected.recallAt(k), actual.recallAt(k), EPS, "Recall@" + k);
    }
  }
}
