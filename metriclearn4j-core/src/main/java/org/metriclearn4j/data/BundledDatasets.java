package org.metriclearn4j.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark datasets that ship inside the core jar, so that examples, tests and benchmarks need
 * no network: iris, wine, breast_cancer, digits, ionosphere, sonar, glass, vehicle, vowel, letter,
 * segment and balance_scale.
 *
 * <p>Each is a CSV resource under {@code org/metriclearn4j/datasets/} read with {@link
 * CsvDatasetReader}, so class indices follow scikit-learn's {@code LabelEncoder} (sorted label
 * strings, numerically for integer labels). Sources and licences are listed in {@code
 * org/metriclearn4j/datasets/NOTICE.txt} and by {@link #info(String)}.
 *
 * <p>The shuffled stratified 5-fold split of the metric-learn reference runs is available for iris,
 * wine, breast_cancer and digits through {@link #referenceFolds(String)}.
 */
public final class BundledDatasets {
  private static final String ROOT = "/org/metriclearn4j/datasets/";
  private static final String UCI =
      "; via the UCI Machine Learning Repository (D. Dua, C. Graff), CC BY 4.0";

  private static final Map<String, DatasetInfo> INFO = new TreeMap<>();

  static {
    add(
        "iris",
        "Iris",
        150,
        4,
        3,
        "R. A. Fisher, \"The use of multiple measurements in taxonomic problems\", Annals of"
            + " Eugenics 7 (1936); scikit-learn's copy");
    add("wine", "Wine", 178, 13, 3, "M. Forina et al., PARVUS, Genoa; UCI Wine" + UCI);
    add(
        "breast_cancer",
        "Breast Cancer Wisconsin (Diagnostic)",
        569,
        30,
        2,
        "W. N. Street, W. H. Wolberg, O. L. Mangasarian (1993)" + UCI);
    add(
        "digits",
        "Digits 8x8 (optdigits, scikit-learn part)",
        1797,
        64,
        10,
        "E. Alpaydin, C. Kaynak, Optical Recognition of Handwritten Digits (1998)" + UCI);
    add(
        "ionosphere",
        "Ionosphere",
        351,
        34,
        2,
        "V. Sigillito et al., Johns Hopkins APL (1989)" + UCI);
    add(
        "sonar",
        "Sonar (mines vs. rocks)",
        208,
        60,
        2,
        "R. P. Gorman, T. J. Sejnowski (1988)" + UCI);
    add("glass", "Glass identification", 214, 9, 6, "B. German, Glass Identification" + UCI);
    add(
        "vehicle",
        "Vehicle silhouettes (Statlog)",
        846,
        18,
        4,
        "J. P. Siebert, Turing Institute (1987)" + UCI);
    add(
        "vowel",
        "Vowel (Deterding)",
        990,
        10,
        11,
        "D. H. Deterding (1989), T. Robinson; rows 1-528 train, 529-990 test" + UCI);
    add(
        "letter",
        "Letter recognition",
        20000,
        16,
        26,
        "P. W. Frey, D. J. Slate (1991); first 16000 rows train, last 4000 test" + UCI);
    add(
        "segment",
        "Image segmentation",
        2310,
        19,
        7,
        "Vision Group, University of Massachusetts (1990)" + UCI);
    add("balance_scale", "Balance scale", 625, 4, 3, "R. S. Siegler (1976)" + UCI);
  }

  private BundledDatasets() {}

  private static void add(
      String name, String title, int rows, int features, int classes, String citation) {
    INFO.put(name, new DatasetInfo(name, title, rows, features, classes, citation));
  }

  /** {@return the names of the bundled datasets, sorted} */
  public static List<String> names() {
    return List.copyOf(INFO.keySet());
  }

  /**
   * Returns whether a dataset of this name is bundled.
   *
   * @param name a dataset name, for example {@code "iris"}
   * @return true if {@link #load(String)} accepts it
   */
  public static boolean contains(String name) {
    return INFO.containsKey(name);
  }

  /** {@return the descriptions of all bundled datasets, sorted by name} */
  public static List<DatasetInfo> infos() {
    return List.copyOf(INFO.values());
  }

  /**
   * Returns the description of one bundled dataset.
   *
   * @param name a bundled dataset name
   * @return its title, shape and citation
   * @throws IllegalArgumentException if no dataset has this name, listing the available names
   */
  public static DatasetInfo info(String name) {
    DatasetInfo info = INFO.get(name);
    if (info == null) {
      throw unknown(name);
    }
    return info;
  }

  /**
   * Returns the one-line source to cite for a bundled dataset.
   *
   * @param name a bundled dataset name
   * @return the citation
   * @throws IllegalArgumentException if no dataset has this name, listing the available names
   */
  public static String citation(String name) {
    return info(name).citation();
  }

  /**
   * Loads a bundled dataset. Each call parses the resource again and returns a new dataset.
   *
   * @param name a bundled dataset name, for example {@code "iris"}
   * @return the dataset, with the CSV's feature names and the sorted label strings as class names
   * @throws IllegalArgumentException if no dataset has this name, listing the available names
   * @throws IllegalStateException if the resource is missing from the class path
   */
  public static LabeledDataset load(String name) {
    info(name);
    String file = name + ".csv";
    try (Reader reader = open(file)) {
      return CsvDatasetReader.read(reader, file, null);
    } catch (IOException e) {
      throw new UncheckedIOException("reading bundled dataset resource " + ROOT + file, e);
    }
  }

  /** {@return the names of the datasets that have reference folds, sorted} */
  public static List<String> referenceFoldNames() {
    return List.of("breast_cancer", "digits", "iris", "wine");
  }

  /**
   * Returns the test fold of every row of a bundled dataset in the shuffled, stratified 5-fold
   * split used by the metric-learn 0.7.0 reference runs (scikit-learn 1.2.1 {@code
   * StratifiedKFold(5, shuffle=True, random_state=0)}). The folds belong to rows, so they apply
   * unchanged to the class indices of {@link #load(String)} (which for breast_cancer are
   * scikit-learn's {@code load_breast_cancer} targets swapped: there 0 = malignant).
   *
   * @param name one of {@link #referenceFoldNames()}
   * @return for each row (in the order of the dataset) its test fold in {@code [0, 5)}
   * @throws IllegalArgumentException if there are no reference folds for this name
   */
  public static int[] referenceFolds(String name) {
    if (!referenceFoldNames().contains(name)) {
      throw new IllegalArgumentException(
          "name: expected one of "
              + referenceFoldNames()
              + " (datasets with reference folds), found '"
              + name
              + "'");
    }
    return referenceFoldTable(name)[1];
  }

  /**
   * Returns the reference-fold table of one dataset as two arrays: {@code [0]} the class index
   * scikit-learn gave each row, {@code [1]} the row's test fold.
   */
  static int[][] referenceFoldTable(String name) {
    String file = "reference-folds.csv";
    List<int[]> rows = new ArrayList<>();
    try (Reader reader = open(file);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(reader)) {
      boolean header = true;
      for (CsvRecord record : csv) {
        if (header) {
          header = false;
        } else if (record.getField(0).equals(name)) {
          rows.add(
              new int[] {
                Integer.parseInt(record.getField(1)),
                Integer.parseInt(record.getField(2)),
                Integer.parseInt(record.getField(3))
              });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading bundled resource " + ROOT + file, e);
    }
    int n = rows.size();
    int[] labels = new int[n];
    int[] folds = new int[n];
    boolean[] seen = new boolean[n];
    for (int[] r : rows) {
      int index = r[0];
      if (index < 0 || index >= n || seen[index]) {
        throw new IllegalStateException(
            "reference-folds.csv: expected each row index of " + name + " once, found " + index);
      }
      seen[index] = true;
      labels[index] = r[1];
      folds[index] = r[2];
    }
    return new int[][] {labels, folds};
  }

  private static Reader open(String file) {
    @Nullable InputStream in = BundledDatasets.class.getResourceAsStream(ROOT + file);
    if (in == null) {
      throw new IllegalStateException(
          "bundled resource " + ROOT + file + " is missing from the class path");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException unknown(String name) {
    String hint =
        INFO.containsKey(name.strip().toLowerCase(Locale.ROOT)) ? " (names are lower case)" : "";
    return new IllegalArgumentException(
        "name: expected a bundled dataset, one of " + names() + ", found '" + name + "'" + hint);
  }
}
