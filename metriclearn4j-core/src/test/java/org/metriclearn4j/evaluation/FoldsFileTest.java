package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;

class FoldsFileTest {
  private static final String HEADER = "dataset,index,label,test_fold\n";

  /** Six samples of classes x, y, z (x x y y z z). */
  private static LabeledDataset data() {
    double[][] rows = new double[6][1];
    return LabeledDataset.of(
        "toy", rows, new int[] {0, 0, 1, 1, 2, 2}, List.of("x", "y", "z"), List.of("f"));
  }

  private static Folds read(String text) throws IOException {
    return FoldsFile.read(new StringReader(text), "folds.csv", "toy", data());
  }

  private static void assertFails(String text, String... fragments) {
    IOException e = assertThrows(IOException.class, () -> read(text));
    for (String fragment : fragments) {
      assertTrue(String.valueOf(e.getMessage()).contains(fragment), e.getMessage());
    }
  }

  @Test
  void readsTheRowsOfOneDatasetInAnyOrderWithRenamedLabels() throws IOException {
    String text =
        HEADER
            + "other,0,a,0\n"
            + "toy,5,c,1\n"
            + "toy,0,a,0\n"
            + "toy,1,a,1\n"
            + "other,1,a,1\n"
            + "toy,2,b,0\n"
            + "toy,3,b,1\n"
            + "toy,4,c,0\n";
    Folds folds = read(text);
    assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, folds.assignment());
  }

  @Test
  void acceptsAByteOrderMark() throws IOException {
    String text =
        "\uFEFF" + HEADER + "toy,0,0,0\ntoy,1,0,1\ntoy,2,1,0\ntoy,3,1,1\ntoy,4,2,0\ntoy,5,2,1\n";
    assertArrayEquals(new int[] {0, 1, 0, 1, 0, 1}, read(text).assignment());
  }

  @Test
  void rejectsAWrongHeader() {
    assertFails("dataset,row,label,fold\ntoy,0,a,0\n", "folds.csv, line 1", "expected the header");
  }

  @Test
  void rejectsEmptyInput() {
    assertFails("", "folds.csv: empty");
  }

  @Test
  void rejectsARowWithTheWrongNumberOfFields() {
    assertFails(HEADER + "toy,0,a\n", "line 2", "expected 4 fields, found 3");
  }

  @Test
  void rejectsNonIntegerAndOutOfRangeIndices() {
    assertFails(HEADER + "toy,zero,a,0\n", "line 2", "expected an integer index", "'zero'");
    assertFails(HEADER + "toy,0,a,0\ntoy,6,a,0\n", "line 3", "[0, 6)", "found 6");
    assertFails(HEADER + "toy,0,a,-1\n", "line 2", "test_fold >= 0");
  }

  @Test
  void rejectsADuplicateIndexNamingBothLines() {
    assertFails(
        HEADER + "toy,0,a,0\ntoy,1,a,1\ntoy,0,a,1\n", "line 4", "index 0 appears twice", "line 2");
  }

  @Test
  void rejectsMissingIndices() {
    assertFails(
        HEADER + "toy,0,a,0\ntoy,1,a,1\ntoy,2,b,0\ntoy,4,c,1\n", "4 rows", "6 samples", "[3, 5]");
  }

  @Test
  void rejectsADatasetWithNoRows() {
    assertFails(HEADER + "other,0,a,0\n", "no rows for dataset 'toy'");
  }

  @Test
  void rejectsALabelThatNamesTwoClasses() {
    // 'a' is used for x (rows 0, 1) and then for y (row 2)
    assertFails(
        HEADER + "toy,0,a,0\ntoy,1,a,1\ntoy,2,a,0\ntoy,3,b,1\ntoy,4,c,0\ntoy,5,c,1\n",
        "line 4",
        "label 'a' of index 2",
        "class 'y'",
        "class 'x'");
  }

  @Test
  void rejectsAClassWithTwoLabels() {
    // class z is labelled 'c' on line 6 and 'd' on line 7
    assertFails(
        HEADER + "toy,0,a,0\ntoy,1,a,1\ntoy,2,b,0\ntoy,3,b,1\ntoy,4,c,0\ntoy,5,d,1\n",
        "line 7",
        "label 'd' of index 5",
        "earlier rows label 'c'");
  }

  @Test
  void rejectsAnEmptyFold() {
    assertFails(
        HEADER + "toy,0,a,0\ntoy,1,a,2\ntoy,2,b,0\ntoy,3,b,2\ntoy,4,c,0\ntoy,5,c,2\n",
        "fold 1 empty");
  }
}
