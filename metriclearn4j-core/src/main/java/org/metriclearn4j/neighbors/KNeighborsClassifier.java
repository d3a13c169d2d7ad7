package org.metriclearn4j.neighbors;

import java.util.Locale;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.pipeline.ClassifierLearner;

/**
 * The k-nearest-neighbours classifier (Cover and Hart, "Nearest neighbor pattern classification",
 * IEEE Trans. Information Theory 13(1), 1967): a sample gets the class that wins the vote of its
 * {@code k} nearest training samples in Euclidean distance.
 *
 * <p>It follows scikit-learn's {@code KNeighborsClassifier} exactly: neighbours are ordered by
 * distance, ties in distance taken in training-set order (see {@link ExactKnnIndex}); with {@link
 * Weights#UNIFORM} each neighbour has one vote, with {@link Weights#DISTANCE} a vote of {@code
 * 1/distance}, except that when some neighbours are at distance zero only those vote, one vote
 * each. A tied vote goes to the smallest class index.
 *
 * <p>Defaults: {@code k = 5}, {@link Weights#UNIFORM}. To classify in a learned Mahalanobis metric,
 * put the metric before this classifier in a {@link org.metriclearn4j.pipeline.Pipeline}.
 * Immutable; {@link #fit} returns a new {@link KNeighborsModel}.
 */
public final class KNeighborsClassifier implements ClassifierLearner {
  /** The default number of neighbours, as in scikit-learn. */
  public static final int DEFAULT_K = 5;

  /** How the neighbours' votes are weighted. */
  public enum Weights {
    /** One vote per neighbour. */
    UNIFORM,
    /**
     * A vote of {@code 1/distance} per neighbour; if some neighbours are at distance zero, one vote
     * for each of those and none for the others.
     */
    DISTANCE
  }

  private final int k;
  private final Weights weights;

  private KNeighborsClassifier(Builder builder) {
    this.k = builder.k;
    this.weights = builder.weights;
  }

  /**
   * Returns a builder with the defaults {@code k = 5}, uniform weights.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
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
   * Memorises the training data in an {@link ExactKnnIndex}.
   *
   * @param data the training data (not modified), with at least {@code k} samples
   * @return the fitted model
   * @throws IllegalArgumentException if the data has fewer than {@code k} samples
   */
  @Override
  public KNeighborsModel fit(LabeledDataset data) {
    if (k > data.size()) {
      throw new IllegalArgumentException(
          "k: expected at most the number of training samples (" + data.size() + "), found k=" + k);
    }
    return new KNeighborsModel(
        ExactKnnIndex.of(data.features()), data.labels(), data.numClasses(), k, weights);
  }

  /**
   * Returns {@code "knn(k=5)"}, or {@code "knn(k=5, weights=distance)"} with distance weights.
   *
   * @return {@code "knn(k=5)"}, or {@code "knn(k=5, weights=distance)"} with distance weights
   */
  @Override
  public String name() {
    return weights == Weights.UNIFORM
        ? "knn(k=" + k + ")"
        : "knn(k=" + k + ", weights=" + weights.name().toLowerCase(Locale.ROOT) + ")";
  }

  @Override
  public String toString() {
    return "KNeighborsClassifier[k=" + k + ", weights=" + weights + "]";
  }

  /** Builds a {@link KNeighborsClassifier}; {@link #build()} validates. */
  public static final class Builder {
    private int k = DEFAULT_K;
    private Weights weights = Weights.UNIFORM;

    private Builder() {}

    /**
     * Sets the number of neighbours that vote.
     *
     * @param k {@code >= 1} (default 5)
     * @return this builder
     */
    public Builder k(int k) {
      this.k = k;
      return this;
    }

    /**
     * Sets how votes are weighted.
     *
     * @param weights uniform or distance (default uniform)
     * @return this builder
     */
    public Builder weights(Weights weights) {
      this.weights = weights;
      return this;
    }

    /**
     * Returns the classifier.
     *
     * @return the validated configuration
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public KNeighborsClassifier build() {
      if (k < 1) {
        throw new IllegalArgumentException("k: expected a value >= 1, found " + k);
      }
      return new KNeighborsClassifier(this);
    }
  }
}
