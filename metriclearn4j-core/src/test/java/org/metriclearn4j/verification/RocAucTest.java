package org.metriclearn4j.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.metric.MahalanobisMetric;

class RocAucTest {

  /** The definition: the fraction of (positive, negative) pairs ranked correctly, ties half. */
  private static double pairwise(double[] scores, boolean[] positive) {
    double good = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (positive[i] && !positive[j]) {
          pairs++;
          if (scores[i] > scores[j]) {
            good += 1;
          } else if (scores[i] == scores[j]) {
            good += 0.5;
          }
        }
      }
    }
    return good / pairs;
  }

  @Test
  void matchesThePairwiseCountOnRandomScoresWithTies() {
    Random random = new Random(1);
    for (int trial = 0; trial < 100; trial++) {
      int n = 2 + random.nextInt(40);
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(6) + (random.nextBoolean() ? 0.5 : 0);
        positive[i] = random.nextBoolean();
      }
      positive[0] = true;
      positive[1] = false;
      assertEquals(pairwise(scores, positive), RocAuc.of(scores, positive), 1e-12);
    }
  }

  @Test
  void handComputedValues() {
    boolean[] labels = {true, false, true, false};
    assertEquals(1.0, RocAuc.of(new double[] {4, 1, 3, 2}, labels));
    assertEquals(0.0, RocAuc.of(new double[] {1, 4, 2, 3}, labels));
    // positives 3, 2; negatives 3, 1: (0.5 + 1 + 0 + 1) / 4
    assertEquals(0.625, RocAuc.of(new double[] {3, 3, 2, 1}, labels));
    assertEquals(0.5, RocAuc.of(new double[] {7, 7, 7, 7}, labels));
    // infinities are ordinary, extreme scores
    assertEquals(
        1.0,
        RocAuc.of(new double[] {Double.POSITIVE_INFINITY, 0, 1, Double.NEGATIVE_INFINITY}, labels));
  }

  @Test
  void distancesCountSmallerAsMoreLikelyTheSame() {
    double[] distances = {0.1, 3, 0.2, 2};
    boolean[] same = {true, false, true, false};
    assertEquals(1.0, RocAuc.ofDistances(distances, same));
    double[][] x = {{0}, {0.1}, {3}, {3.2}};
    Pairs pairs =
        Pairs.of(
            x,
            new int[] {0, 2, 0, 1},
            new int[] {1, 3, 2, 3},
            new boolean[] {true, true, false, false});
    assertEquals(1.0, RocAuc.ofPairs(MahalanobisMetric.identity(1), pairs));
  }

  @Test
  void rejectsMismatchedNanAndSingleLabelInput() {
    assertThrows(
        IllegalArgumentException.class, () -> RocAuc.of(new double[] {1, 2}, new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RocAuc.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RocAuc.of(new double[] {1, 2}, new boolean[] {false, false}));
  }
}
