package org.metriclearn4j.deep.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RetrievalEvaluatorTest {

  private static float[] at(double degrees, double radius) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) (radius * Math.cos(r)), (float) (radius * Math.sin(r))};
  }

  @Test
  void metricsMatchAHandComputedExample() {
    // A at 0, 10, 30 degrees; B at 25, 90, 100 degrees; R = 2 for every query.
    // query: top-2 classes -> AP@R, R-precision, P@1
    // 0 (A): A B -> 0.5, 0.5, 1 | 10 (A): A B -> 0.5, 0.5, 1 | 30 (A): B A -> 0.25, 0.5, 0
    // 25 (B): A A -> 0, 0, 0    | 90 (B): B A -> 0.5, 0.5, 1  | 100 (B): B A -> 0.5, 0.5, 1
    float[][] e = {at(0, 1), at(10, 3), at(30, 0.5), at(25, 2), at(90, 1), at(100, 7)};
    int[] labels = {0, 0, 0, 1, 1, 1};
    RetrievalEvaluator.Scores m = RetrievalEvaluator.score(e, labels);
    assertEquals(4.0 / 6, m.precisionAt1(), 1e-12);
    assertEquals(2.5 / 6, m.rPrecision(), 1e-12);
    assertEquals(2.25 / 6, m.mapAtR(), 1e-12);
    // ranks of the two relevant references over the whole ranking, AP = (1/r1 + 2/r2) / 2:
    // 0 -> 1, 3 | 10 -> 1, 3 | 30 -> 2, 3 | 25 -> 4, 5 | 90 -> 1, 3 | 100 -> 1, 3
    double map = (4 * (1 + 2.0 / 3) + (0.5 + 2.0 / 3) + (0.25 + 0.4)) / 12;
    assertEquals(map, m.meanAveragePrecision(), 1e-12);
    assertEquals((1 + 1 + 0.5 + 0.25 + 1 + 1) / 6, m.meanReciprocalRank(), 1e-12);
  }

  @Test
  void separatedClustersScorePerfectly() {
    float[][] e = {at(0, 1), at(5, 1), at(3, 1), at(180, 1), at(170, 1)};
    RetrievalEvaluator.Scores m = RetrievalEvaluator.score(e, new int[] {2, 2, 2, 0, 0});
    assertEquals(1.0, m.mapAtR(), 0.0);
    assertEquals(1.0, m.precisionAt1(), 0.0);
  }

  @Test
  void singletonClassesAreNotQueries() {
    // the lone class-1 sample is skipped; the two class-0 samples find each other
    float[][] e = {at(0, 1), at(90, 1), at(45, 1)};
    RetrievalEvaluator.Scores m = RetrievalEvaluator.score(e, new int[] {0, 0, 1});
    assertEquals(0.0, m.precisionAt1(), 0.0);
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> RetrievalEvaluator.score(new float[][] {at(0, 1), at(1, 1)}, new int[] {0, 1}));
    assertEquals(
        "labels: expected a class with at least two samples, found none", none.getMessage());
  }
}
