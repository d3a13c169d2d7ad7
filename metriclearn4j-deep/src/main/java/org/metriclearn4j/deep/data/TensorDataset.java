package org.metriclearn4j.deep.data;

import java.util.Arrays;
import org.metriclearn4j.data.LabeledDataset;

/**
 * An immutable in-memory dataset for training networks: {@code n} samples of one fixed shape (for
 * example {@code [64]} for 8x8 digits as vectors or {@code [1, 28, 28]} for MNIST images), stored
 * row-major as {@code float}, each with a class index, plus the {@link Preprocessing} that was
 * applied to the raw data to produce the stored values.
 *
 * <p>Accessors copy, so no caller can change a dataset after it was built.
 */
public final class TensorDataset {
  private final String name;
  private final float[] values;
  private final long[] sampleShape;
  private final int featureSize;
  private final int[] labels;
  private final int numClasses;
  private final Preprocessing preprocessing;

  private TensorDataset(
      String name,
      float[] values,
      long[] sampleShape,
      int featureSize,
      int[] labels,
      int numClasses,
      Preprocessing preprocessing) {
    this.name = name;
    this.values = values;
    this.sampleShape = sampleShape;
    this.featureSize = featureSize;
    this.labels = labels;
    this.numClasses = numClasses;
    this.preprocessing = preprocessing;
  }

  /**
   * Builds a dataset from row-major values.
   *
   * @param name a short name for reports
   * @param values {@code n * prod(sampleShape)} finite values, sample after sample (copied)
   * @param sampleShape the shape of one sample, every dimension at least 1 (copied)
   * @param labels {@code n} class indices, all {@code >= 0} (copied)
   * @param preprocessing the map already applied to produce {@code values}
   * @return the dataset; its number of classes is one more than the largest label
   * @throws IllegalArgumentException if shapes disagree, a value is not finite, a label is
   *     negative, or there are no samples
   */
  public static TensorDataset of(
      String name, float[] values, long[] sampleShape, int[] labels, Preprocessing preprocessing) {
    int featureSize = featureSize(sampleShape);
    int n = labels.length;
    if (n == 0) {
      throw new IllegalArgumentException("labels: expected at least one sample, found none");
    }
    if ((long) n * featureSize != values.length) {
      throw new IllegalArgumentException(
          "values: expected "
              + n
              + " samples x "
              + featureSize
              + " = "
              + ((long) n * featureSize)
              + " values for sample shape "
              + Arrays.toString(sampleShape)
              + ", found "
              + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new IllegalArgumentException(
            "values: expected finite values, found "
                + values[i]
                + " in sample "
                + (i / featureSize)
                + " at offset "
                + (i % featureSize));
      }
    }
    int maxLabel = -1;
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            "labels: expected class indices >= 0, found " + labels[i] + " at sample " + i);
      }
      maxLabel = Math.max(maxLabel, labels[i]);
    }
    return new TensorDataset(
        name,
        values.clone(),
        sampleShape.clone(),
        featureSize,
        labels.clone(),
        maxLabel + 1,
        preprocessing);
  }

  /**
   * Converts a core dataset into vectors of {@code dimension()} features after a preprocessing map,
   * e.g. {@code fromLabeled(digits, Preprocessing.divideBy(16, "pixels/16"))}.
   *
   * @param data the dataset
   * @param preprocessing the map applied to every feature
   * @return a dataset with sample shape {@code [d]} and the same labels and name
   */
  public static TensorDataset fromLabeled(LabeledDataset data, Preprocessing preprocessing) {
    double[] raw = data.featuresRowMajor();
    float[] values = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      values[i] = (float) preprocessing.apply(raw[i]);
    }
    return of(data.name(), values, new long[] {data.dimension()}, data.labels(), preprocessing);
  }

  private static int featureSize(long[] sampleShape) {
    if (sampleShape.length == 0) {
      throw new IllegalArgumentException(
          "sampleShape: expected at least one dimension, found none");
    }
    long size = 1;
    for (long dim : sampleShape) {
      if (dim < 1) {
        throw new IllegalArgumentException(
            "sampleShape: expected dimensions >= 1, found " + Arrays.toString(sampleShape));
      }
      size *= dim;
      if (size > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "sampleShape: expected at most "
                + Integer.MAX_VALUE
                + " values per sample, found "
                + Arrays.toString(sampleShape));
      }
    }
    return (int) size;
  }

  /** {@return the dataset's name} */
  public String name() {
    return name;
  }

  /** {@return the number of samples} */
  public int size() {
    return labels.length;
  }

  /** {@return a copy of the shape of one sample} */
  public long[] sampleShape() {
    return sampleShape.clone();
  }

  /** {@return the number of values in one sample (the product of the sample shape)} */
  public int featureSize() {
    return featureSize;
  }

  /** {@return one more than the largest label} */
  public int numClasses() {
    return numClasses;
  }

  /** {@return the preprocessing that produced the stored values} */
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  /** {@return a copy of the labels} */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Returns the label of one sample.
   *
   * @param index the sample index
   * @return its class index
   */
  public int label(int index) {
    return labels[index];
  }

  /**
   * Returns a copy of all values, row-major.
   *
   * @return {@code size() * featureSize()} values
   */
  public float[] values() {
    return values.clone();
  }

  /**
   * Returns a copy of one sample's values.
   *
   * @param index the sample index
   * @return {@code featureSize()} values
   */
  public float[] row(int index) {
    checkIndex(index);
    return Arrays.copyOfRange(values, index * featureSize, (index + 1) * featureSize);
  }

  /**
   * Copies the given samples, in the given order, into one row-major array (a batch).
   *
   * @param indices sample indices, repeats allowed
   * @return {@code indices.length * featureSize()} values
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public float[] gather(int[] indices) {
    float[] out = new float[indices.length * featureSize];
    for (int k = 0; k < indices.length; k++) {
      checkIndex(indices[k]);
      System.arraycopy(values, indices[k] * featureSize, out, k * featureSize, featureSize);
    }
    return out;
  }

  /**
   * Returns the labels of the given samples.
   *
   * @param indices sample indices
   * @return their labels, in order
   */
  public int[] gatherLabels(int[] indices) {
    int[] out = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      checkIndex(indices[k]);
      out[k] = labels[indices[k]];
    }
    return out;
  }

  /**
   * Returns the dataset restricted to the given samples, in the given order.
   *
   * @param indices sample indices, at least one
   * @return the subset, with the same name, shape and preprocessing
   */
  public TensorDataset subset(int[] indices) {
    return new TensorDataset(
        name,
        gather(indices),
        sampleShape,
        featureSize,
        gatherLabels(indices),
        numClasses,
        preprocessing);
  }

  /**
   * Returns the values as {@code double} rows, one per sample (flattened).
   *
   * @return {@code size()} rows of {@code featureSize()} values
   */
  public double[][] toRows() {
    double[][] rows = new double[size()][featureSize];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 0; j < featureSize; j++) {
        rows[i][j] = values[i * featureSize + j];
      }
    }
    return rows;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= labels.length) {
      throw new IndexOutOfBoundsException(
          "sample index: expected [0, " + labels.length + "), found " + index);
    }
  }

  @Override
  public String toString() {
    return "TensorDataset["
        + name
        + ", n="
        + size()
        + ", shape="
        + Arrays.toString(sampleShape)
        + ", classes="
        + numClasses
        + ", preprocessing="
        + preprocessing.description()
        + "]";
  }
}
