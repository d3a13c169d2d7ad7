package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.metriclearn4j.deep.distance.LpDistance;

/**
 * Distance-weighted sampling of negatives (Wu, Manmatha, Smola &amp; Krähenbühl, "Sampling Matters
 * in Deep Embedding Learning", ICCV 2017; pytorch-metric-learning's {@code DistanceWeightedMiner}).
 *
 * <p>Embeddings are L2-normalised and compared with the Euclidean distance {@code d}. On the unit
 * sphere of dimension {@code D} pairwise distances have density {@code q(d) ~ d^(D-2) (1 -
 * d^2/4)^((D-3)/2)}; negatives are drawn with probability proportional to {@code 1 / q(max(d,
 * cutoff))}, which spreads them evenly over distances, and only among negatives with {@code d <
 * nonzeroLossCutoff} (the others would not contribute to a margin loss). One triplet is drawn for
 * every anchor-positive pair {@code (a, p)}, {@code p != a}, whose anchor has at least one such
 * negative; triplets come in anchor, then positive order.
 *
 * <p>Randomness comes only from the seed, combined with a hash of the batch (labels and embedding
 * values): the miner is stateless, the same batch gives the same triplets and different batches
 * give independent draws. Defaults (pytorch-metric-learning 2.8.1): {@code cutoff = 0.5}, {@code
 * nonzeroLossCutoff = 1.4}; seed 0.
 */
public final class DistanceWeightedMiner implements Miner {
  private static final LpDistance DISTANCE = LpDistance.create();

  private final double cutoff;
  private final double nonzeroLossCutoff;
  private final long seed;

  private DistanceWeightedMiner(Builder builder) {
    this.cutoff = builder.cutoff;
    this.nonzeroLossCutoff = builder.nonzeroLossCutoff;
    this.seed = builder.seed;
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
    double[] m = MinerSupport.distanceMatrix(DISTANCE, embeddings);
    int b = y.length;
    long dim = embeddings.getShape().get(1);
    int[][] same = MinerSupport.sameLabel(y);
    int[][] other = MinerSupport.otherLabel(y);
    SplittableRandom random =
        new SplittableRandom(MinerSupport.mix(seed ^ MinerSupport.batchHash(embeddings, y)));
    TripletList drawn = new TripletList();
    for (int a = 0; a < b; a++) {
      int[] negatives = other[a];
      if (same[a].length < 2 || negatives.length == 0) {
        continue;
      }
      double[] cumulative = weights(m, a * b, negatives, dim);
      double total = cumulative[cumulative.length - 1];
      if (!(total > 0)) {
        continue;
      }
      for (int p : same[a]) {
        if (p == a) {
          continue;
        }
        drawn.add(a, p, negatives[draw(cumulative, random.nextDouble() * total)]);
      }
    }
    return drawn.toResult();
  }

  /**
   * Returns the cumulative sampling weights of the negatives of one anchor.
   *
   * @param m the distance matrix
   * @param row the offset of the anchor's row
   * @param negatives the negatives of the anchor
   * @param dim the embedding width
   * @return cumulative weights, one per negative; the last is the total (0 if none is eligible)
   */
  private double[] weights(double[] m, int row, int[] negatives, long dim) {
    double[] logWeights = new double[negatives.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < negatives.length; k++) {
      double raw = m[row + negatives[k]];
      double d = Math.max(raw, cutoff);
      double lw = (2.0 - dim) * Math.log(d) - ((dim - 3.0) / 2.0) * Math.log(1.0 - 0.25 * d * d);
      if (!Double.isFinite(lw) || !(d < nonzeroLossCutoff)) {
        lw = Double.NEGATIVE_INFINITY;
      }
      logWeights[k] = lw;
      max = Math.max(max, lw);
    }
    double[] cumulative = new double[negatives.length];
    double sum = 0;
    for (int k = 0; k < negatives.length; k++) {
      if (max > Double.NEGATIVE_INFINITY && logWeights[k] > Double.NEGATIVE_INFINITY) {
        sum += Math.exp(logWeights[k] - max);
      }
      cumulative[k] = sum;
    }
    return cumulative;
  }

  /**
   * Returns the first index whose cumulative weight exceeds {@code u}.
   *
   * @return the first index whose cumulative weight exceeds {@code u}
   */
  private static int draw(double[] cumulative, double u) {
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * Returns the distance below which distances are clamped before weighting.
   *
   * @return the distance below which distances are clamped before weighting
   */
  public double cutoff() {
    return cutoff;
  }

  /**
   * Returns the distance at and beyond which negatives are never drawn.
   *
   * @return the distance at and beyond which negatives are never drawn
   */
  public double nonzeroLossCutoff() {
    return nonzeroLossCutoff;
  }

  /**
   * Returns the seed.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  @Override
  public String name() {
    return "distance-weighted";
  }

  @Override
  public String toString() {
    return "DistanceWeightedMiner[cutoff="
        + cutoff
        + ", nonzeroLossCutoff="
        + nonzeroLossCutoff
        + ", seed="
        + seed
        + "]";
  }

  /** Builder of {@link DistanceWeightedMiner}; {@link #build()} validates. */
  public static final class Builder {
    private double cutoff = 0.5;
    private double nonzeroLossCutoff = 1.4;
    private long seed;

    private Builder() {}

    /**
     * Sets the distance below which distances are clamped (default 0.5).
     *
     * @param cutoff a positive distance
     * @return this builder
     */
    public Builder optCutoff(double cutoff) {
      this.cutoff = cutoff;
      return this;
    }

    /**
     * Sets the distance at and beyond which negatives are never drawn (default 1.4).
     *
     * @param cutoff a distance larger than the clamping cutoff
     * @return this builder
     */
    public Builder optNonzeroLossCutoff(double cutoff) {
      this.nonzeroLossCutoff = cutoff;
      return this;
    }

    /**
     * Sets the seed of the draws (default 0).
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Validates the settings and builds the miner.
     *
     * @return the miner
     * @throws IllegalArgumentException if {@code cutoff} is not positive or {@code
     *     nonzeroLossCutoff} is not larger than it
     */
    public DistanceWeightedMiner build() {
      Checks.positive("cutoff", cutoff);
      Checks.positive("nonzeroLossCutoff", nonzeroLossCutoff);
      if (!(nonzeroLossCutoff > cutoff)) {
        throw new IllegalArgumentException(
            "nonzeroLossCutoff must be larger than cutoff ("
                + cutoff
                + "), found "
                + nonzeroLossCutoff);
      }
      return new DistanceWeightedMiner(this);
    }
  }
}
