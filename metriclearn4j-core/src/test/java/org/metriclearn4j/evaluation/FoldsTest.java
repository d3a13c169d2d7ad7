package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FoldsTest {

  @Test
  void testAndTrainIndicesAreAscendingAndComplementary() {
    Folds folds = Folds.fromAssignment(new int[] {1, 0, 2, 1, 0, 2, 2});
    assertEquals(3, folds.numFolds());
    assertEquals(7, folds.size());
    assertArrayEquals(new int[] {1, 4}, folds.testIndices(0));
    assertArrayEquals(new int[] {0, 2, 3, 5, 6}, folds.trainIndices(0));
    assertArrayEquals(new int[] {0, 3}, folds.testIndices(1));
    assertArrayEquals(new int[] {1, 2, 4, 5, 6}, folds.trainIndices(1));
    assertArrayEquals(new int[] {2, 5, 6}, folds.testIndices(2));
    assertArrayEquals(new int[] {0, 1, 3, 4}, folds.trainIndices(2));
    assertEquals(2, folds.foldOf(6));
  }

  @Test
  void isImmutable() {
    int[] assignment = {0, 1, 0, 1};
    Folds folds = Folds.fromAssignment(assignment);
    assignment[0] = 1;
    folds.testIndices(0)[0] = 3;
    folds.assignment()[1] = 0;
    assertArrayEquals(new int[] {0, 2}, folds.testIndices(0));
    assertArrayEquals(new int[] {0, 1, 0, 1}, folds.assignment());
    assertEquals(Folds.fromAssignment(new int[] {0, 1, 0, 1}), folds);
  }

  @Test
  void rejectsAnEmptyFold() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Folds.fromAssignment(new int[] {0, 2, 0, 2}));
    assertTrue(String.valueOf(e.getMessage()).contains("fold 1 empty"), e.getMessage());
  }

  @Test
  void rejectsNegativeFoldsAndASingleFold() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Folds.fromAssignment(new int[] {0, -1}));
    assertTrue(
        String.valueOf(e.getMessage()).contains("-1")
            && String.valueOf(e.getMessage()).contains("sample 1"));
    assertThrows(IllegalArgumentException.class, () -> Folds.fromAssignment(new int[] {0, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> Folds.fromAssignment(new int[0]));
  }

  @Test
  void rejectsOutOfRangeFoldAndSample() {
    Folds folds = Folds.fromAssignment(new int[] {0, 1});
    assertThrows(IllegalArgumentException.class, () -> folds.testIndices(2));
    assertThrows(IllegalArgumentException.class, () -> folds.trainIndices(-1));
    assertThrows(IllegalArgumentException.class, () -> folds.foldOf(2));
  }
}
