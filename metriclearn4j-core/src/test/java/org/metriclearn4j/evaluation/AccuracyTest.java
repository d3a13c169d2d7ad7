package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccuracyTest {

  @Test
  void isTheFractionOfCorrectPredictions() {
    assertEquals(0.75, Accuracy.score(new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 2}));
    assertEquals(0.0, Accuracy.score(new int[] {1}, new int[] {0}));
    assertEquals(1.0, Accuracy.score(new int[] {3, 3}, new int[] {3, 3}));
  }

  @Test
  void rejectsEmptyOrMismatchedInput() {
    assertThrows(IllegalArgumentException.class, () -> Accuracy.score(new int[0], new int[0]));
    assertThrows(
        IllegalArgumentException.class, () -> Accuracy.score(new int[] {1, 2}, new int[] {1}));
  }
}
