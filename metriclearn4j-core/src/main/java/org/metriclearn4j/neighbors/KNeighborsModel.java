package org.metriclearn4j.neighbors;

import org.metriclearn4j.neighbors.KNeighborsClassifier.Weights;
import org.metriclearn4j.pipeline.Classifier;

/**
 * A fitted {@link KNeighborsClassifier}: the training samples in an {@link ExactKnnIndex}, their
 * labels and the voting rule. Immutable and thread-safe.
 */
public final class KNeighborsModel implements Classifier {
  private final ExactKnnIndex index;
  private final int[] labels;
  private final int numClasses;
  private final int k;
  private final Weights weights;

  KNeighborsModel(ExactKnnIndex index, int[] labels, int numClasses, int k, Weights weights) {
    this.index = index;
    this.labels = labels;
    this.numClasses = numClasses;
    this.k = k;
    this.weights = weights;
  }

  @Override
  public int inputDimension() {
    return index.dimension();
  }

  /**
   * Returns the number of classes of the training data, the length of a probability vector.
   *
   * @return the number of classes of the training data, the length of a probability vector
   */
  public int numClasses() {
    return numClasses;
  }

  /**
   * Returns the number of neighbours that vote.
   *
   * @return the number of neighbours that vote
   */
  public int k() {
    return k;
  }

  /**
   * Returns how votes are weighted.
   *
   * @return how votes are weighted
   */
  public Weights weights() {
    return weights;
  }

  /**
   * Returns the index over the training samples.
   *
   * @return the index over the training samples
   */
  public KnnIndex index() {
    return index;
  }

  @Override
  public int predict(double[] x) {
    return predict(new double[][] {checkLength(x)})[0];
  }

  /**
   * Predicts the class of every row: the class with the largest vote, the smallest class index on a
   * tie.
   *
   * @param x rows of length {@link #inputDimension()} (read only)
   * @return one class index per row
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite value
   */
  @Override
  public int[] predict(double[][] x) {
    double[][] votes = votes(x);
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      int best = 0;
      for (int c = 1; c < numClasses; c++) {
        if (votes[i][c] > votes[i][best]) {
          best = c;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /**
   * Returns the class probabilities of one sample: each class's share of the vote.
   *
   * @param x a vector of length {@link #inputDimension()} (read only)
   * @return {@link #numClasses()} probabilities summing to 1 (zero for classes absent from the
   *     neighbours)
   * @throws IllegalArgumentException if {@code x} has the wrong length or a non-finite value
   */
  public double[] predictProbabilities(double[] x) {
    return predictProbabilities(new double[][] {checkLength(x)})[0];
  }

  /**
   * Returns the class probabilities of every row: each class's share of the vote.
   *
   * @param x rows of length {@link #inputDimension()} (read only)
   * @return one row of {@link #numClasses()} probabilities per input row, each summing to 1
   * @throws IllegalArgumentException if a row has the wrong length or a non-finite value
   */
  public double[][] predictProbabilities(double[][] x) {
    double[][] votes = votes(x);
    for (double[] row : votes) {
      double total = 0;
      for (double v : row) {
        total += v;
      }
      for (int c = 0; c < row.length; c++) {
        row[c] /= total;
      }
    }
    return votes;
  }

  private double[][] votes(double[][] x) {
    Neighbors neighbors = index.search(x, k);
    double[][] votes = new double[x.length][numClasses];
    for (int i = 0; i < x.length; i++) {
      int[] idx = neighbors.indices(i);
      double[] sq = neighbors.squaredDistances(i);
      boolean exactMatch = weights == Weights.DISTANCE && sq[0] == 0;
      for (int j = 0; j < k; j++) {
        double w;
        if (weights == Weights.UNIFORM) {
          w = 1;
        } else if (exactMatch) {
          w = sq[j] == 0 ? 1 : 0;
        } else {
          w = 1 / Math.sqrt(sq[j]);
        }
        votes[i][labels[idx[j]]] += w;
      }
    }
    return votes;
  }

  private double[] checkLength(double[] x) {
    if (x.length != index.dimension()) {
      throw new IllegalArgumentException(
          "x: expected length " + index.dimension() + ", found " + x.length);
    }
    return x;
  }

  @Override
  public String toString() {
    return "KNeighborsModel[k="
        + k
        + ", weights="
        + weights
        + ", "
        + index.size()
        + " training samples, "
        + numClasses
        + " classes]";
  }
}
