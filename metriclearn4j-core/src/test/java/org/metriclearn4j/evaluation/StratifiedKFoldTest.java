package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;

class StratifiedKFoldTest {

  private static LabeledDataset labelled(int... labels) {
    double[][] x = new double[labels.length][1];
    for (int i = 0; i < labels.length; i++) {
      x[i][0] = i;
    }
    return LabeledDataset.of("toy", x, labels);
  }

  @Test
  void unshuffledFollowsTheRuleOnAThreeClassToyWithUnevenCounts() {
    // labels 2 x3, 0 x7, 1 x3, interleaved. Worked by hand with the rule: classes in order of
    // appearance (2, 0, 1); sorted codes 0 0 0 1 1 1 1 1 1 1 2 2 2; fold f takes positions
    // f, f+3, ...: fold 0 gets (1, 3, 1) of classes (2, 0, 1), folds 1 and 2 get (1, 2, 1).
    // Class 2 (rows 0, 4, 8) -> folds 0, 1, 2; class 0 (rows 1, 2, 5, 7, 9, 10, 12) ->
    // 0, 0, 0, 1, 1, 2, 2; class 1 (rows 3, 6, 11) -> 0, 1, 2.
    LabeledDataset data = labelled(2, 0, 0, 1, 2, 0, 1, 0, 2, 0, 0, 1, 0);
    Folds folds = StratifiedKFold.unshuffled(3).split(data);
    assertArrayEquals(new int[] {0, 0, 0, 0, 1, 0, 1, 1, 2, 1, 2, 2, 2}, folds.assignment());
    assertArrayEquals(new int[] {0, 1, 2, 3, 5}, folds.testIndices(0));
  }

  @Test
  void unshuffledNumbersClassesInOrderOfFirstAppearance() {
    // labels 2 2 0 0 1 1 1, k = 3. In order of appearance the sorted codes are A A B B C C C
    // (A = label 2, B = label 0, C = label 1): fold 0 takes positions 0, 3, 6 = A, B, C; fold 1
    // takes 1, 4 = A, C; fold 2 takes 2, 5 = B, C. Sorting by label value instead would send
    // label 2's rows to folds 0 and 2.
    Folds folds = StratifiedKFold.unshuffled(3).split(labelled(2, 2, 0, 0, 1, 1, 1));
    assertArrayEquals(new int[] {0, 1, 0, 2, 0, 1, 2}, folds.assignment());
  }

  @Test
  void unshuffledOnIrisShapedLabelsPutsRowsZeroToNineOfEachClassInFoldZero() {
    int[] labels = new int[150];
    for (int i = 0; i < 150; i++) {
      labels[i] = i / 50;
    }
    Folds folds = StratifiedKFold.unshuffled(5).split(labelled(labels));
    for (int f = 0; f < 5; f++) {
      int[] expected = new int[30];
      for (int c = 0; c < 3; c++) {
        for (int r = 0; r < 10; r++) {
          expected[c * 10 + r] = c * 50 + f * 10 + r;
        }
      }
      assertArrayEquals(expected, folds.testIndices(f), "fold " + f);
    }
  }

  @Test
  void shuffledKeepsThePerClassCountsOfEachFoldAndDependsOnlyOnTheSeed() {
    LabeledDataset data = labelled(2, 0, 0, 1, 2, 0, 1, 0, 2, 0, 0, 1, 0, 1, 1, 0, 0, 2, 2, 2);
    Folds plain = StratifiedKFold.unshuffled(4).split(data);
    Folds a = StratifiedKFold.shuffled(4, 7).split(data);
    Folds b = StratifiedKFold.shuffled(4, 7).split(data);
    assertEquals(a, b);
    for (int f = 0; f < 4; f++) {
      assertArrayEquals(
          classCounts(data, plain.testIndices(f)), classCounts(data, a.testIndices(f)));
    }
    boolean anyDifferent = false;
    for (long seed = 0; seed < 5; seed++) {
      anyDifferent |= !StratifiedKFold.shuffled(4, seed).split(data).equals(plain);
    }
    assertTrue(anyDifferent);
    assertTrue(StratifiedKFold.shuffled(4, 7).isShuffled());
    assertFalse(StratifiedKFold.unshuffled(4).isShuffled());
  }

  private static int[] classCounts(LabeledDataset data, int[] rows) {
    int[] counts = new int[data.numClasses()];
    for (int r : rows) {
      counts[data.label(r)]++;
    }
    return counts;
  }

  @Test
  void allowsClassesSmallerThanTheNumberOfFolds() {
    Folds folds = StratifiedKFold.unshuffled(4).split(labelled(0, 0, 0, 0, 0, 0, 1, 1));
    assertEquals(4, folds.numFolds());
    int[] classOneFolds = {folds.foldOf(6), folds.foldOf(7)};
    assertEquals(2, Arrays.stream(classOneFolds).distinct().count());
  }

  @Test
  void rejectsMoreFoldsThanSamplesAndFewerThanTwoFolds() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StratifiedKFold.unshuffled(5).split(labelled(0, 1, 0, 1)));
    assertTrue(
        String.valueOf(e.getMessage()).contains("(4)")
            && String.valueOf(e.getMessage()).contains("5"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.unshuffled(1));
    assertThrows(IllegalArgumentException.class, () -> StratifiedKFold.shuffled(0, 1));
  }
}
