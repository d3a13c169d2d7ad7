package org.metriclearn4j.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable labelled dataset: {@code n} samples of {@code d} real features, each with a class
 * index in {@code [0, numClasses)}, plus the names of classes and features.
 *
 * <p>Features are stored row-major in one array. Accessors return copies, so no caller can change a
 * dataset after it was built. Every feature is finite; constructors reject NaN and infinities with
 * the position of the first offending cell.
 */
public final class LabeledDataset {
  private final String name;
  private final int size;
  private final int dimension;
  private final double[] values;
  private final int[] labels;
  private final List<String> classNames;
  private final List<String> featureNames;

  private LabeledDataset(
      String name,
      int size,
      int dimension,
      double[] values,
      int[] labels,
      List<String> classNames,
      List<String> featureNames) {
    this.name = name;
    this.size = size;
    this.dimension = dimension;
    this.values = values;
    this.labels = labels;
    this.classNames = classNames;
    this.featureNames = featureNames;
  }

  /**
   * Builds a dataset from rows of features and class indices.
   *
   * @param name a short name used in reports and model provenance
   * @param features {@code n} rows of equal length {@code d >= 1}, all finite (copied)
   * @param labels {@code n} class indices in {@code [0, classNames.size())} (copied)
   * @param classNames the name of each class index
   * @param featureNames {@code d} feature names
   * @return the dataset
   * @throws IllegalArgumentException if shapes disagree, a value is not finite or a label is out of
   *     range
   */
  public static LabeledDataset of(
      String name,
      double[][] features,
      int[] labels,
      List<String> classNames,
      List<String> featureNames) {
    int n = features.length;
    if (n == 0) {
      throw new IllegalArgumentException("features: expected at least one row, found none");
    }
    int d = features[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("features: expected at least one column, found none");
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(
          "labels: expected " + n + " labels (one per row of features), found " + labels.length);
    }
    if (featureNames.size() != d) {
      throw new IllegalArgumentException(
          "featureNames: expected " + d + " names, found " + featureNames.size());
    }
    double[] values = new double[n * d];
    for (int i = 0; i < n; i++) {
      if (features[i].length != d) {
        throw new IllegalArgumentException(
            "features: row " + i + " has " + features[i].length + " columns, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        double v = features[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "features: expected finite values, found " + v + " at row " + i + ", column " + j);
        }
        values[i * d + j] = v;
      }
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            "labels: expected class indices in [0, "
                + classNames.size()
                + "), found "
                + labels[i]
                + " at row "
                + i);
      }
    }
    return new LabeledDataset(
        name, n, d, values, labels.clone(), List.copyOf(classNames), List.copyOf(featureNames));
  }

  /**
   * Builds a dataset with generated names: classes {@code "0".."c-1"} where {@code c} is one more
   * than the largest label, features {@code "x0".."x(d-1)"}.
   *
   * @param name a short name
   * @param features the rows (copied)
   * @param labels class indices, all {@code >= 0} (copied)
   * @return the dataset
   */
  public static LabeledDataset of(String name, double[][] features, int[] labels) {
    int maxLabel = -1;
    for (int label : labels) {
      maxLabel = Math.max(maxLabel, label);
    }
    List<String> classes = new ArrayList<>();
    for (int c = 0; c <= maxLabel; c++) {
      classes.add(Integer.toString(c));
    }
    int d = features.length == 0 ? 0 : features[0].length;
    return of(name, features, labels, classes, defaultFeatureNames(d));
  }

  /**
   * Returns {@code "x0".."x(d-1)"}.
   *
   * @param dimension the number of names
   * @return generated feature names
   */
  public static List<String> defaultFeatureNames(int dimension) {
    List<String> names = new ArrayList<>(dimension);
    for (int j = 0; j < dimension; j++) {
      names.add("x" + j);
    }
    return names;
  }

  /** Returns the dataset's name. */
  public String name() {
    return name;
  }

  /** Returns the number of samples {@code n}. */
  public int size() {
    return size;
  }

  /** Returns the number of features {@code d}. */
  public int dimension() {
    return dimension;
  }

  /** Returns the number of classes (including classes with no sample in this subset). */
  public int numClasses() {
    return classNames.size();
  }

  /** Returns the class names, indexed by label. */
  public List<String> classNames() {
    return classNames;
  }

  /** Returns the feature names, one per column. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Returns a copy of the features as {@code n} rows. */
  public double[][] features() {
    double[][] rows = new double[size][];
    for (int i = 0; i < size; i++) {
      rows[i] = Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
    }
    return rows;
  }

  /** Returns a copy of the features, row-major in one array of length {@code n * d}. */
  public double[] featuresRowMajor() {
    return values.clone();
  }

  /**
   * Returns a copy of one row.
   *
   * @param index the row, in {@code [0, size())}
   * @return its {@code d} features
   */
  public double[] row(int index) {
    return Arrays.copyOfRange(values, index * dimension, (index + 1) * dimension);
  }

  /**
   * Returns one feature value.
   *
   * @param row the row
   * @param column the column
   * @return the value
   */
  public double value(int row, int column) {
    return values[row * dimension + column];
  }

  /** Returns a copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Returns one label.
   *
   * @param index the row
   * @return its class index
   */
  public int label(int index) {
    return labels[index];
  }

  /** Returns how many samples each class has, indexed by label. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  /** Returns the number of classes that have at least one sample. */
  public int numPresentClasses() {
    int present = 0;
    for (int count : classCounts()) {
      if (count > 0) {
        present++;
      }
    }
    return present;
  }

  /**
   * Returns the rows at the given indices, in that order, keeping all class names.
   *
   * @param indices row indices, each in {@code [0, size())}; repeats are allowed
   * @return the subset
   */
  public LabeledDataset subset(int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("indices: expected at least one row, found none");
    }
    double[] sub = new double[indices.length * dimension];
    int[] subLabels = new int[indices.length];
    for (int r = 0; r < indices.length; r++) {
      int i = indices[r];
      if (i < 0 || i >= size) {
        throw new IllegalArgumentException(
            "indices: expected rows in [0, " + size + "), found " + i);
      }
      System.arraycopy(values, i * dimension, sub, r * dimension, dimension);
      subLabels[r] = labels[i];
    }
    return new LabeledDataset(
        name, indices.length, dimension, sub, subLabels, classNames, featureNames);
  }

  /**
   * Returns a dataset with the same labels and new features, for example after a transform.
   *
   * @param newFeatures {@code n} rows of any common width, all finite
   * @return the new dataset; feature names are kept when the width is unchanged
   */
  public LabeledDataset withFeatures(double[][] newFeatures) {
    if (newFeatures.length != size) {
      throw new IllegalArgumentException(
          "newFeatures: expected " + size + " rows, found " + newFeatures.length);
    }
    int d = newFeatures.length == 0 ? 0 : newFeatures[0].length;
    List<String> names = d == dimension ? featureNames : defaultFeatureNames(d);
    return of(name, newFeatures, labels, classNames, names);
  }

  @Override
  public String toString() {
    return name
        + " ("
        + size
        + " samples, "
        + dimension
        + " features, "
        + numClasses()
        + " classes)";
  }
}
