package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import java.util.Objects;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.LpDistance;

/**
 * Keeps the triplets whose negative is not yet far enough beyond the positive
 * (pytorch-metric-learning's {@code TripletMarginMiner}, after Schroff, Kalenichenko &amp; Philbin,
 * "FaceNet: A Unified Embedding for Face Recognition and Clustering", CVPR 2015).
 *
 * <p>With the triplet margin {@code t = d(a, n) - d(a, p)} for a distance (or {@code s(a, p) - s(a,
 * n)} for a similarity), the kinds keep:
 *
 * <ul>
 *   <li>{@link Type#ALL}: {@code t <= margin} (every triplet with a non-zero triplet loss);
 *   <li>{@link Type#HARD}: {@code t <= 0} (the negative is at least as close as the positive);
 *   <li>{@link Type#SEMIHARD}: {@code 0 < t <= margin};
 *   <li>{@link Type#EASY}: {@code t > margin}.
 * </ul>
 *
 * <p>Defaults (pytorch-metric-learning 2.8.1): {@code margin = 0.2}, type {@link Type#ALL},
 * distance {@link LpDistance#create()}. Triplets are enumerated anchor by anchor without a cubic
 * mask.
 */
public final class TripletMarginMiner implements Miner {

  /** Which triplets to keep. */
  public enum Type {
    /** Triplets with {@code t <= margin}. */
    ALL,
    /** Triplets with {@code t <= 0}. */
    HARD,
    /** Triplets with {@code 0 < t <= margin}. */
    SEMIHARD,
    /** Triplets with {@code t > margin}. */
    EASY
  }

  private final double margin;
  private final Type type;
  private final BatchDistance distance;

  private TripletMarginMiner(Builder builder) {
    this.margin = builder.margin;
    this.type = builder.type;
    this.distance = builder.distance;
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public MinerResult mine(NDArray embeddings, NDArray labels) {
    int[] y = BatchInput.labels(embeddings, labels);
    double[] m = MinerSupport.distanceMatrix(distance, embeddings);
    int b = y.length;
    int[][] same = MinerSupport.sameLabel(y);
    int[][] other = MinerSupport.otherLabel(y);
    TripletList kept = new TripletList();
    for (int a = 0; a < b; a++) {
      for (int p : same[a]) {
        if (p == a) {
          continue;
        }
        double ap = m[a * b + p];
        for (int n : other[a]) {
          if (keeps(distance.margin(m[a * b + n], ap))) {
            kept.add(a, p, n);
          }
        }
      }
    }
    return kept.toResult();
  }

  private boolean keeps(double t) {
    return switch (type) {
      case ALL -> t <= margin;
      case HARD -> t <= margin && t <= 0;
      case SEMIHARD -> t <= margin && t > 0;
      case EASY -> t > margin;
    };
  }

  /**
   * Returns the margin.
   *
   * @return the margin
   */
  public double margin() {
    return margin;
  }

  /**
   * Returns which triplets are kept.
   *
   * @return which triplets are kept
   */
  public Type type() {
    return type;
  }

  /**
   * Returns the distance.
   *
   * @return the distance
   */
  public BatchDistance distance() {
    return distance;
  }

  @Override
  public String name() {
    return "triplet-margin";
  }

  @Override
  public String toString() {
    return "TripletMarginMiner[margin="
        + margin
        + ", type="
        + type
        + ", distance="
        + distance
        + "]";
  }

  /** Builder of {@link TripletMarginMiner}; {@link #build()} validates. */
  public static final class Builder extends MinerBuilder<Builder> {
    private double margin = 0.2;
    private Type type = Type.ALL;

    private Builder() {
      super(LpDistance.create());
    }

    /**
     * Sets the margin (default 0.2).
     *
     * @param margin a finite, non-negative margin
     * @return this builder
     */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /**
     * Sets which triplets are kept (default {@link Type#ALL}).
     *
     * @param type the kind of triplets
     * @return this builder
     */
    public Builder optType(Type type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Validates the settings and builds the miner.
     *
     * @return the miner
     * @throws IllegalArgumentException if the margin is negative or not finite
     */
    public TripletMarginMiner build() {
      Checks.nonNegative("margin", margin);
      return new TripletMarginMiner(this);
    }
  }
}
