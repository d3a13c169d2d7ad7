package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.Map;
import org.metriclearn4j.constraints.Chunks;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * RCA from class labels (metric-learn's {@code RCA_Supervised}): forms chunklets from the labels
 * and fits {@link Rca} on them.
 *
 * <p><b>Default: one chunklet per class.</b> Bar-Hillel et al. (JMLR 6, 2005) form chunklets as the
 * transitive closure of the known equivalence constraints; with every label known, that closure is
 * each class, and RCA's within-chunklet covariance becomes the pooled within-class covariance. The
 * estimate is then deterministic and uses {@code n - c} degrees of freedom ({@code n} samples,
 * {@code c} classes), against {@code n / 2} for disjoint pairs: drawn pairs only add sampling noise
 * to the same quantity. On breast_cancer (the one reference dataset where metric-learn's default
 * works), five reference folds, kNN k=5 after the metric: ten seeds of the pair draw give 0.905 to
 * 0.923 (metric-learn's own draws: 0.919 with 100 chunks, 0.898 with 50), one chunklet per class
 * gives 0.910 every time.
 *
 * <p><b>Drawn chunks</b> (metric-learn's behaviour) when {@code numChunks} or {@code chunkSize} is
 * set: {@code numChunks} disjoint same-class chunks of {@code chunkSize} samples drawn with {@link
 * ConstraintSampler#chunks}; {@code chunkSize} defaults to 2 there, and {@code numChunks} to {@code
 * sum over classes of floor(count / chunkSize)}, the most the data can hold. metric-learn's fixed
 * default of 100 chunks fails on iris and wine folds (120 and 142 samples hold at most 60 and 71
 * pairs). Seed 0 (used only by the draw).
 */
public final class RcaSupervised implements SupervisedMetricLearner {
  /** The chunk size of drawn chunks when only {@code numChunks} is set (metric-learn's). */
  static final int DRAWN_CHUNK_SIZE = 2;

  private final Rca rca;
  private final int numChunks;
  private final int chunkSize;
  private final long seed;

  private RcaSupervised(Builder b) {
    this.rca = b.rca;
    this.numChunks = b.numChunks;
    this.chunkSize = b.chunkSize;
    this.seed = b.seed;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "rca_supervised";
  }

  /**
   * Forms chunklets from the labels (one per class, or drawn chunks) and fits RCA.
   *
   * @param data the training data
   * @return the metric
   * @throws IllegalArgumentException if fewer than two classes have samples, no class has two
   *     samples (or {@code chunkSize} samples when chunks are drawn), or an explicit {@code
   *     numChunks} exceeds what the data hold (the message gives the maximum)
   */
  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    // RCA could whiten a single class, but that metric says nothing about what separates classes
    SupervisedSupport.requireTwoClasses(data, name());
    boolean wholeClasses = numChunks == 0 && chunkSize == 0;
    int size = chunkSize > 0 ? chunkSize : DRAWN_CHUNK_SIZE;
    int max = ConstraintSampler.maxChunks(data, size);
    if (max == 0) {
      throw new IllegalArgumentException(
          "data: "
              + name()
              + " needs a class with at least "
              + size
              + " samples to form a chunk, found class counts "
              + Arrays.toString(data.classCounts())
              + (wholeClasses ? "; add samples" : "; lower chunkSize or add samples"));
    }
    Chunks chunks;
    Map<String, String> hyperparameters;
    if (wholeClasses) {
      chunks = Chunks.of(data.features(), data.labels());
      hyperparameters = WeakMetricSupport.hyperparameters("chunklets", "classes");
    } else {
      int count = numChunks > 0 ? numChunks : max;
      chunks = ConstraintSampler.withSeed(seed).chunks(data, count, size);
      hyperparameters = WeakMetricSupport.hyperparameters("numChunks", count, "chunkSize", size);
    }
    MahalanobisMetric weak = rca.fit(chunks);
    return SupervisedSupport.relabel(weak, name(), hyperparameters, data, seed);
  }

  /** Builds an {@link RcaSupervised}; {@link #build()} validates. */
  public static final class Builder {
    private Rca rca = Rca.builder().build();
    private int numChunks;
    private int chunkSize;
    private long seed;

    private Builder() {}

    /**
     * Sets the RCA settings (default {@code Rca.builder().build()}).
     *
     * @param rca the weak learner
     * @return this builder
     */
    public Builder rca(Rca rca) {
      this.rca = rca;
      return this;
    }

    /**
     * Sets the number of chunks to draw (default 0: one chunklet per class, or, when {@code
     * chunkSize} is set, as many chunks as the data hold).
     *
     * @param numChunks {@code >= 0}
     * @return this builder
     */
    public Builder numChunks(int numChunks) {
      this.numChunks = numChunks;
      return this;
    }

    /**
     * Sets the number of samples per drawn chunk (default 0: one chunklet per class, or chunks of 2
     * when {@code numChunks} is set).
     *
     * @param chunkSize {@code >= 2}, or {@code 0} for the default
     * @return this builder
     */
    public Builder chunkSize(int chunkSize) {
      this.chunkSize = chunkSize;
      return this;
    }

    /**
     * Sets the seed of the chunk draw (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public RcaSupervised build() {
      WeakMetricSupport.checkAtLeast("numChunks", numChunks, 0);
      if (chunkSize != 0 && chunkSize < 2) {
        throw new IllegalArgumentException(
            "chunkSize: expected >= 2 (or 0 for the default), found " + chunkSize);
      }
      return new RcaSupervised(this);
    }
  }
}
