package org.metriclearn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {

  private static LabeledDataset read(String text, @Nullable String label) throws IOException {
    return CsvDatasetReader.read(new StringReader(text), "test.csv", label);
  }

  private static DatasetFormatException failure(String text, @Nullable String label) {
    return assertThrows(DatasetFormatException.class, () -> read(text, label));
  }

  @Test
  void readsFeaturesLabelsAndNamesWithLastColumnAsLabel() throws IOException {
    LabeledDataset data = read("a,b,label\n1.5,-2,y\n3e2,.5,x\n0,7.,y\n", null);
    assertEquals("test", data.name());
    assertEquals(3, data.size());
    assertEquals(List.of("a", "b"), data.featureNames());
    assertEquals(List.of("x", "y"), data.classNames());
    assertArrayEquals(new double[] {1.5, -2}, data.row(0));
    assertArrayEquals(new double[] {300, 0.5}, data.row(1));
    assertArrayEquals(new double[] {0, 7}, data.row(2));
    assertArrayEquals(new int[] {1, 0, 1}, data.labels());
  }

  @Test
  void labelColumnCanBeChosenByNameAnywhere() throws IOException {
    LabeledDataset data = read("kind,a,b\nq,1,2\np,3,4\n", "kind");
    assertEquals(List.of("a", "b"), data.featureNames());
    assertArrayEquals(new double[] {1, 2}, data.row(0));
    assertArrayEquals(new int[] {1, 0}, data.labels());
  }

  @Test
  void integerLabelsAreOrderedNumericallyLikeLabelEncoder() throws IOException {
    LabeledDataset data = read("a,label\n1,10\n2,2\n3,-1\n4,2\n", null);
    assertEquals(List.of("-1", "2", "10"), data.classNames());
    assertArrayEquals(new int[] {2, 1, 0, 1}, data.labels());
  }

  @Test
  void mixedLabelsAreOrderedLexicographically() throws IOException {
    LabeledDataset data = read("a,label\n1,10\n2,2\n3,b\n4,B\n", null);
    assertEquals(List.of("10", "2", "B", "b"), data.classNames());
    assertArrayEquals(new int[] {0, 1, 3, 2}, data.labels());
  }

  @Test
  void blankLinesAndSpacesAroundCellsAreIgnored() throws IOException {
    LabeledDataset data = read("a , b,label\n 1 , 2 ,x\n\n3,4,y\n", null);
    assertEquals(List.of("a", "b"), data.featureNames());
    assertArrayEquals(new double[] {3, 4}, data.row(1));
  }

  @Test
  void readsAFileAndNamesTheDatasetAfterIt(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("tiny.data.csv");
    Files.writeString(file, "\uFEFFx,label\n1,a\n2,b\n", StandardCharsets.UTF_8);
    LabeledDataset data = CsvDatasetReader.read(file);
    assertEquals("tiny.data", data.name());
    assertEquals(List.of("x"), data.featureNames());
    assertEquals(2, data.numClasses());
  }

  @Test
  void missingFileIsAnIoException(@TempDir Path dir) {
    assertThrows(NoSuchFileException.class, () -> CsvDatasetReader.read(dir.resolve("no.csv")));
  }

  @Test
  void nonNumericCellNamesLineAndColumn() {
    String text =
        "sepal_length_cm,petal_width_cm,label\n"
            + "1,2,a\n1,2,a\n1,2,a\n1,2,a\n1,2,a\n"
            + "1,abc,a\n";
    DatasetFormatException e = failure(text, null);
    assertEquals(
        "test.csv line 7, column 'petal_width_cm': expected a finite number, found 'abc'",
        e.getMessage());
    assertEquals(7, e.lineNumber());
    assertEquals("petal_width_cm", e.column());
    assertEquals("test.csv", e.source());
  }

  @Test
  void nonFiniteCellsAreRejectedWithTheirPosition() {
    for (String bad : new String[] {"NaN", "Infinity", "-inf", "1e999"}) {
      DatasetFormatException e = failure("a,b,label\n1,2,x\n3," + bad + ",y\n", null);
      assertEquals(3, e.lineNumber(), bad);
      assertEquals("b", e.column(), bad);
      assertTrue(e.getMessage().contains("expected a finite number, found '" + bad + "'"), bad);
    }
  }

  @Test
  void emptyCellIsRejected() {
    DatasetFormatException e = failure("a,b,label\n1,,x\n", null);
    assertEquals(2, e.lineNumber());
    assertEquals("b", e.column());
    assertTrue(e.getMessage().contains("empty cell"));
  }

  @Test
  void emptyLabelIsRejected() {
    DatasetFormatException e = failure("a,label\n1,x\n2, \n", null);
    assertEquals(3, e.lineNumber());
    assertEquals("label", e.column());
  }

  @Test
  void emptyFileIsRejected() {
    DatasetFormatException e = failure("", null);
    assertEquals(1, e.lineNumber());
    assertNull(e.column());
    assertTrue(e.getMessage().contains("empty file"), e.getMessage());
  }

  @Test
  void headerOnlyIsRejected() {
    DatasetFormatException e = failure("a,b,label\n", null);
    assertEquals(2, e.lineNumber());
    assertTrue(e.getMessage().contains("found only the header"), e.getMessage());
  }

  @Test
  void shortRowNamesTheFirstMissingColumn() {
    DatasetFormatException e = failure("a,b,label\n1,2,x\n\n3,4\n", null);
    assertEquals(4, e.lineNumber());
    assertEquals("label", e.column());
    assertTrue(e.getMessage().contains("expected 3 fields as in the header, found 2"));
  }

  @Test
  void longRowIsRejected() {
    DatasetFormatException e = failure("a,b,label\n1,2,x,9\n", null);
    assertEquals(2, e.lineNumber());
    assertNull(e.column());
    assertTrue(e.getMessage().contains("expected 3 fields as in the header, found 4"));
  }

  @Test
  void missingLabelColumnListsTheColumnsFound() {
    DatasetFormatException e = failure("a,b,label\n1,2,x\n", "class");
    assertEquals(1, e.lineNumber());
    assertEquals("class", e.column());
    assertTrue(e.getMessage().contains("[a, b, label]"), e.getMessage());
  }

  @Test
  void duplicateColumnNamesAreRejected() {
    DatasetFormatException e = failure("a,b,a,label\n1,2,3,x\n", null);
    assertEquals(1, e.lineNumber());
    assertEquals("a", e.column());
    assertTrue(e.getMessage().contains("columns 1 and 3"), e.getMessage());
  }

  @Test
  void headerWithOnlyALabelIsRejected() {
    DatasetFormatException e = failure("label\nx\n", null);
    assertEquals(1, e.lineNumber());
  }

  @Test
  void decimalSyntaxAcceptsPlainNumbersOnly() {
    for (String ok : new String[] {"0", "-1", "+2.", ".5", "1.25e-3", "7E+2", "12"}) {
      assertTrue(CsvDatasetReader.isDecimal(ok), ok);
    }
    for (String bad : new String[] {"", "-", ".", "1e", "1e+", "0x10", "1d", "1f", "1.2.3", "e5"}) {
      assertFalse(CsvDatasetReader.isDecimal(bad), bad);
    }
  }

  @Test
  void formatErrorsAreIllegalArgumentExceptions() {
    assertThrows(IllegalArgumentException.class, () -> read("a,label\n1\n", null));
  }
}
