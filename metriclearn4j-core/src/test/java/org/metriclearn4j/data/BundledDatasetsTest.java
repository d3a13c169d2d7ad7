package org.metriclearn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledDatasetsTest {
  /** Each dataset is parsed once per test class; datasets are immutable. */
  private static final Map<String, LabeledDataset> LOADED = new ConcurrentHashMap<>();

  private static LabeledDataset load(String name) {
    return LOADED.computeIfAbsent(name, BundledDatasets::load);
  }

  /** Rows, features and classes from the table of the datasets' README. */
  @ParameterizedTest
  @CsvSource({
    "iris, 150, 4, 3",
    "wine, 178, 13, 3",
    "breast_cancer, 569, 30, 2",
    "digits, 1797, 64, 10",
    "ionosphere, 351, 34, 2",
    "sonar, 208, 60, 2",
    "glass, 214, 9, 6",
    "vehicle, 846, 18, 4",
    "vowel, 990, 10, 11",
    "letter, 20000, 16, 26",
    "segment, 2310, 19, 7",
    "balance_scale, 625, 4, 3"
  })
  void everyBundledDatasetLoadsWithItsDocumentedShape(
      String name, int rows, int features, int classes) {
    LabeledDataset data = load(name);
    assertEquals(name, data.name());
    assertEquals(rows, data.size());
    assertEquals(features, data.dimension());
    assertEquals(classes, data.numClasses());
    assertEquals(classes, data.numPresentClasses());
    assertEquals(features, data.featureNames().size());
    DatasetInfo info = BundledDatasets.info(name);
    assertEquals(
        List.of(rows, features, classes), List.of(info.rows(), info.features(), info.classes()));
    assertFalse(BundledDatasets.citation(name).isBlank());
  }

  /** Per-class counts from the datasets' README, keyed by class name in class-index order. */
  @Test
  void classCountsAndClassOrderMatchTheDocumentation() {
    assertCounts(
        "iris",
        Map.of("setosa", 50, "versicolor", 50, "virginica", 50),
        List.of("setosa", "versicolor", "virginica"));
    assertCounts(
        "wine",
        Map.of("class_0", 59, "class_1", 71, "class_2", 48),
        List.of("class_0", "class_1", "class_2"));
    assertCounts(
        "breast_cancer", Map.of("benign", 357, "malignant", 212), List.of("benign", "malignant"));
    assertCounts("ionosphere", Map.of("good", 225, "bad", 126), List.of("bad", "good"));
    assertCounts("sonar", Map.of("M", 111, "R", 97), List.of("M", "R"));
    assertCounts(
        "glass",
        Map.of("1", 70, "2", 76, "3", 17, "5", 13, "6", 9, "7", 29),
        List.of("1", "2", "3", "5", "6", "7"));
    assertCounts(
        "vehicle",
        Map.of("bus", 218, "opel", 212, "saab", 217, "van", 199),
        List.of("bus", "opel", "saab", "van"));
    assertCounts("balance_scale", Map.of("L", 288, "R", 288, "B", 49), List.of("B", "L", "R"));
  }

  @Test
  void integerLabelledSetsAreOrderedNumerically() {
    LabeledDataset vowel = load("vowel");
    assertEquals(
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), vowel.classNames());
    for (int count : vowel.classCounts()) {
      assertEquals(90, count);
    }
    LabeledDataset digits = load("digits");
    assertEquals("9", digits.classNames().get(9));
    for (int count : digits.classCounts()) {
      assertTrue(count >= 174 && count <= 183, "digits class count " + count);
    }
  }

  @Test
  void largerSetsHaveTheirDocumentedClassSizes() {
    LabeledDataset letter = load("letter");
    assertEquals("A", letter.classNames().get(0));
    assertEquals("Z", letter.classNames().get(25));
    for (int count : letter.classCounts()) {
      assertTrue(count >= 734 && count <= 813, "letter class count " + count);
    }
    for (int count : load("segment").classCounts()) {
      assertEquals(330, count);
    }
  }

  @Test
  void firstRowsAreParsedExactly() {
    assertArrayEquals(new double[] {5.1, 3.5, 1.4, 0.2}, load("iris").row(0));
    LabeledDataset glass = load("glass");
    assertArrayEquals(
        new double[] {1.52101, 13.64, 4.49, 1.1, 71.78, 0.06, 8.75, 0, 0}, glass.row(0));
    assertEquals(
        List.of("ri", "na", "mg", "al", "si", "k", "ca", "ba", "fe"), glass.featureNames());
  }

  @Test
  void digitsHasTheDocumentedConstantZeroPixels() {
    LabeledDataset digits = load("digits");
    for (String pixel : List.of("pixel_0_0", "pixel_4_0", "pixel_4_7")) {
      int column = digits.featureNames().indexOf(pixel);
      for (int i = 0; i < digits.size(); i++) {
        assertEquals(0.0, digits.value(i, column), pixel);
      }
    }
  }

  @Test
  void namesAreSortedAndCoverEveryBundledCsv() throws IOException, URISyntaxException {
    List<String> names = BundledDatasets.names();
    assertEquals(names.stream().sorted().collect(Collectors.toList()), names);
    assertEquals(12, names.size());
    URL iris =
        Objects.requireNonNull(
            BundledDatasets.class.getResource("/org/metriclearn4j/datasets/iris.csv"));
    Path dir = Path.of(iris.toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      List<String> csvNames =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".csv") && !f.equals("reference-folds.csv"))
              .map(f -> f.substring(0, f.length() - 4))
              .sorted()
              .collect(Collectors.toList());
      assertEquals(csvNames, names);
    }
    assertTrue(BundledDatasets.contains("iris"));
    assertFalse(BundledDatasets.contains("Iris"));
    assertEquals(names, BundledDatasets.infos().stream().map(DatasetInfo::name).toList());
  }

  @Test
  void unknownNameListsTheAvailableNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BundledDatasets.load("mnist"));
    assertTrue(String.valueOf(e.getMessage()).contains("'mnist'"));
    assertTrue(String.valueOf(e.getMessage()).contains(BundledDatasets.names().toString()));
    IllegalArgumentException upper =
        assertThrows(IllegalArgumentException.class, () -> BundledDatasets.citation("Wine"));
    assertTrue(String.valueOf(upper.getMessage()).contains("lower case"));
  }

  /**
   * The reference folds carry the class index scikit-learn used for each row: LabelEncoder's order
   * (ours) for iris, wine and digits, and load_breast_cancer's own targets (0 = malignant) for
   * breast_cancer. The folds must be a stratified 5-fold split of our rows.
   */
  @Test
  void referenceFoldLabelsMatchOurClassIndicesAndFoldsAreStratified() {
    for (String name : BundledDatasets.referenceFoldNames()) {
      LabeledDataset data = load(name);
      int[][] table = BundledDatasets.referenceFoldTable(name);
      int[] expected = data.labels();
      if (name.equals("breast_cancer")) {
        int malignant = data.classNames().indexOf("malignant");
        for (int i = 0; i < expected.length; i++) {
          expected[i] = expected[i] == malignant ? 0 : 1;
        }
      }
      assertArrayEquals(expected, table[0], name);
      int[] folds = BundledDatasets.referenceFolds(name);
      assertEquals(data.size(), folds.length);
      int[][] perFold = new int[5][data.numClasses()];
      for (int i = 0; i < folds.length; i++) {
        perFold[folds[i]][data.label(i)]++;
      }
      for (int c = 0; c < data.numClasses(); c++) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int f = 0; f < 5; f++) {
          min = Math.min(min, perFold[f][c]);
          max = Math.max(max, perFold[f][c]);
        }
        assertTrue(max - min <= 1, name + " class " + c + " spread " + min + ".." + max);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> BundledDatasets.referenceFolds("glass"));
  }

  @Test
  void datasetInfoRejectsNonPositiveCounts() {
    assertThrows(IllegalArgumentException.class, () -> new DatasetInfo("x", "X", 0, 1, 1, "c"));
  }

  private static void assertCounts(
      String name, Map<String, Integer> expected, List<String> classOrder) {
    LabeledDataset data = load(name);
    assertEquals(classOrder, data.classNames(), name);
    int[] counts = data.classCounts();
    for (int c = 0; c < counts.length; c++) {
      assertEquals(expected.get(data.classNames().get(c)), counts[c], name + " " + c);
    }
  }
}
