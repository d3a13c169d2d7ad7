package org.metriclearn4j.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.distance.Distances;
import org.metriclearn4j.metric.MahalanobisMetric;

class ThresholdCalibrationTest {
  // hand-built: distances with labels (S = same, D = different), ties at 2.0 and 4.0
  //   0.5 S, 1.0 S, 1.5 D, 2.0 S, 2.0 D, 3.0 S, 4.0 D, 4.0 S, 5.0 D, 6.0 D
  private static final double[] DIST = {0.5, 1.0, 1.5, 2.0, 2.0, 3.0, 4.0, 4.0, 5.0, 6.0};
  private static final boolean[] SAME = {
    true, true, false, true, false, true, false, true, false, false
  };

  /** Counts of {TP, FP, TN, FN} when pairs with distance <= t are accepted. */
  private static long[] confusion(double t, double[] d, boolean[] same) {
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < d.length; i++) {
      boolean accepted = d[i] <= t;
      if (same[i]) {
        if (accepted) {
          tp++;
        } else {
          fn++;
        }
      } else if (accepted) {
        fp++;
      } else {
        tn++;
      }
    }
    return new long[] {tp, fp, tn, fn};
  }

  private static double accuracy(long[] c) {
    return (c[0] + c[2]) / (double) (c[0] + c[1] + c[2] + c[3]);
  }

  private static double fBeta(long[] c, double beta) {
    double b2 = beta * beta;
    return c[0] == 0 ? 0 : (1 + b2) * c[0] / ((1 + b2) * c[0] + b2 * c[3] + c[1]);
  }

  private static double tpr(long[] c) {
    return c[0] / (double) (c[0] + c[3]);
  }

  private static double tnr(long[] c) {
    return c[2] / (double) (c[2] + c[1]);
  }

  /**
   * The best value of {@code criterion} over every threshold that changes the decisions (each
   * distance, and below the smallest), among thresholds that satisfy {@code feasible}.
   */
  private static double bruteForceBest(
      double[] d,
      boolean[] same,
      ToDoubleBiFunction<long[], Double> criterion,
      java.util.function.Predicate<long[]> feasible) {
    double best = Double.NEGATIVE_INFINITY;
    double[] candidates = new double[d.length + 1];
    candidates[0] = -1;
    System.arraycopy(d, 0, candidates, 1, d.length);
    for (double t : candidates) {
      long[] c = confusion(t, d, same);
      if (feasible.test(c)) {
        best = Math.max(best, criterion.applyAsDouble(c, t));
      }
    }
    return best;
  }

  @Test
  void accuracyMatchesHandComputationAndBruteForce() {
    double t = ThresholdCalibration.accuracy().threshold(DIST, SAME);
    // accepting up to 1.0 gives 2 TP + 5 TN = 0.7, up to 3.0 4 TP + 3 TN = 0.7, up to 4.0 5 TP + 2
    // TN = 0.7, and every other threshold less: ties go to the smallest threshold
    assertEquals(1.0, t);
    assertEquals(0.7, accuracy(confusion(t, DIST, SAME)), 1e-12);
    assertEquals(
        bruteForceBest(DIST, SAME, (c, x) -> accuracy(c), c -> true),
        accuracy(confusion(t, DIST, SAME)),
        1e-12);
  }

  @Test
  void fBetaMatchesBruteForceForSeveralBetas() {
    for (double beta : new double[] {0.3, 1, 3}) {
      double t = ThresholdCalibration.fBeta(beta).threshold(DIST, SAME);
      assertEquals(
          bruteForceBest(DIST, SAME, (c, x) -> fBeta(c, beta), c -> true),
          fBeta(confusion(t, DIST, SAME), beta),
          1e-12,
          "beta " + beta);
    }
    // F1 by hand: up to 3.0 gives TP 4, FP 2, FN 1: 8 / 11 = 0.727; up to 4.0 TP 5, FP 3, FN 0:
    // 10 / 13 = 0.769; up to 5.0 10 / 14
    assertEquals(4.0, ThresholdCalibration.fBeta(1).threshold(DIST, SAME));
  }

  @Test
  void maxTprAtMinTnrMatchesBruteForceAndKeepsTheMinimum() {
    for (double minTnr : new double[] {0, 0.4, 0.6, 0.8, 1.0}) {
      double t = ThresholdCalibration.maxTprAtMinTnr(minTnr).threshold(DIST, SAME);
      long[] c = confusion(t, DIST, SAME);
      assertTrue(tnr(c) >= minTnr, "TNR " + tnr(c) + " below " + minTnr);
      assertEquals(
          bruteForceBest(DIST, SAME, (k, x) -> tpr(k), k -> tnr(k) >= minTnr),
          tpr(c),
          1e-12,
          "minTnr " + minTnr);
    }
    // TNR >= 0.8 allows one false positive: up to 2.0 has two (the tie at 2.0), so the best TPR is
    // 2/5, reached at 1.0 and at 1.5; the smaller threshold wins the tie (it has the higher TNR)
    assertEquals(1.0, ThresholdCalibration.maxTprAtMinTnr(0.8).threshold(DIST, SAME));
  }

  @Test
  void maxTnrAtMinTprMatchesBruteForceAndKeepsTheMinimum() {
    for (double minTpr : new double[] {0, 0.2, 0.5, 0.8, 1.0}) {
      double t = ThresholdCalibration.maxTnrAtMinTpr(minTpr).threshold(DIST, SAME);
      long[] c = confusion(t, DIST, SAME);
      assertTrue(tpr(c) >= minTpr, "TPR " + tpr(c) + " below " + minTpr);
      assertEquals(
          bruteForceBest(DIST, SAME, (k, x) -> tnr(k), k -> tpr(k) >= minTpr),
          tnr(c),
          1e-12,
          "minTpr " + minTpr);
    }
    // TPR >= 1 needs every similar pair: up to 4.0, TNR 2/5
    assertEquals(4.0, ThresholdCalibration.maxTnrAtMinTpr(1.0).threshold(DIST, SAME));
    // among thresholds with TNR 1 (up to 1.0) the larger one keeps more similar pairs
    assertEquals(1.0, ThresholdCalibration.maxTnrAtMinTpr(0).threshold(DIST, SAME));
  }

  @Test
  void randomSetsWithTiesMatchBruteForceForEveryStrategy() {
    Random random = new Random(1);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(30);
      double[] d = new double[n];
      boolean[] same = new boolean[n];
      for (int i = 0; i < n; i++) {
        d[i] = random.nextInt(8) * 0.5;
        same[i] = random.nextDouble() < 0.5 / (1 + d[i]) + 0.2;
      }
      same[0] = true;
      same[1] = false;
      double rate = random.nextDouble();
      long[] c = confusion(ThresholdCalibration.accuracy().threshold(d, same), d, same);
      assertEquals(bruteForceBest(d, same, (k, x) -> accuracy(k), k -> true), accuracy(c), 1e-12);
      c = confusion(ThresholdCalibration.fBeta(2).threshold(d, same), d, same);
      assertEquals(bruteForceBest(d, same, (k, x) -> fBeta(k, 2), k -> true), fBeta(c, 2), 1e-12);
      c = confusion(ThresholdCalibration.maxTprAtMinTnr(rate).threshold(d, same), d, same);
      assertEquals(bruteForceBest(d, same, (k, x) -> tpr(k), k -> tnr(k) >= rate), tpr(c), 1e-12);
      assertTrue(tnr(c) >= rate);
      c = confusion(ThresholdCalibration.maxTnrAtMinTpr(rate).threshold(d, same), d, same);
      assertEquals(bruteForceBest(d, same, (k, x) -> tnr(k), k -> tpr(k) >= rate), tnr(c), 1e-12);
      assertTrue(tpr(c) >= rate);
    }
  }

  @Test
  void rejectingEveryPairIsAValidThreshold() {
    // all similar pairs are farther than all dissimilar ones: accuracy is best when nothing is
    // accepted
    double[] d = {1, 2, 3, 4, 5};
    boolean[] same = {false, false, false, true, false};
    double t = ThresholdCalibration.accuracy().threshold(d, same);
    assertTrue(t < 1, "threshold below every distance: " + t);
    assertEquals(0, confusion(t, d, same)[0] + confusion(t, d, same)[1]);
  }

  @Test
  void calibratesAPairClassifierOnLabelledPairs() {
    double[][] x = {{0, 0}, {1, 0}, {0, 3}, {5, 5}};
    Pairs pairs =
        Pairs.of(
            x,
            new int[] {0, 0, 1, 2},
            new int[] {1, 2, 3, 3},
            new boolean[] {true, true, false, false});
    MahalanobisMetric euclidean = MahalanobisMetric.identity(2);
    PairClassifier classifier = ThresholdCalibration.accuracy().calibrate(euclidean, pairs);
    assertEquals(3.0, classifier.threshold(), 1e-12);
    assertEquals(1.0, classifier.accuracy(pairs));
    assertEquals(
        3.0,
        ThresholdCalibration.accuracy().calibrate(Distances.byName("euclidean"), pairs).threshold(),
        1e-12);
  }

  @Test
  void rejectsBadArgumentsWithClearMessages() {
    assertThrows(IllegalArgumentException.class, () -> ThresholdCalibration.fBeta(0));
    assertThrows(IllegalArgumentException.class, () -> ThresholdCalibration.fBeta(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ThresholdCalibration.maxTprAtMinTnr(1.5));
    assertThrows(IllegalArgumentException.class, () -> ThresholdCalibration.maxTnrAtMinTpr(-0.1));
    ThresholdCalibration accuracy = ThresholdCalibration.accuracy();
    IllegalArgumentException oneLabel =
        assertThrows(
            IllegalArgumentException.class,
            () -> accuracy.threshold(new double[] {1, 2}, new boolean[] {true, true}));
    assertTrue(String.valueOf(oneLabel.getMessage()).contains("both"), oneLabel.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> accuracy.threshold(new double[] {1, Double.NaN}, new boolean[] {true, false}));
    assertThrows(
        IllegalArgumentException.class,
        () -> accuracy.threshold(new double[] {1, 2}, new boolean[] {true}));
    assertEquals(
        ThresholdCalibration.Strategy.MAX_TNR, ThresholdCalibration.maxTnrAtMinTpr(0.5).strategy());
    assertEquals(0.5, ThresholdCalibration.maxTnrAtMinTpr(0.5).minRate());
    assertEquals(2.0, ThresholdCalibration.fBeta(2).beta());
    assertTrue(ThresholdCalibration.maxTprAtMinTnr(0.9).toString().contains("max_tpr"));
  }
}
