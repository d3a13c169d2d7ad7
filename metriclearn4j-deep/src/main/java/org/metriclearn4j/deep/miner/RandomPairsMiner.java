package org.metriclearn4j.deep.miner;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random balanced pairs: up to {@code maxPairsPerKind} positive pairs drawn uniformly without
 * replacement from all ordered positive pairs of the batch, and as many negative pairs drawn
 * uniformly without replacement from all ordered negative pairs (fewer if the batch has fewer).
 * Balancing keeps the rare positive pairs from being drowned by the many negative ones. Pairs come
 * in row-major order.
 *
 * <p>Randomness comes only from the seed, combined with a hash of the batch (labels and embedding
 * values): the miner is stateless, the same batch gives the same pairs and different batches give
 * independent draws. Defaults: every positive pair ({@code maxPairsPerKind} unbounded), seed 0.
 */
public final class RandomPairsMiner implements Miner {
  private final int maxPairsPerKind;
  private final long seed;

  private RandomPairsMiner(Builder builder) {
    this.maxPairsPerKind = builder.maxPairsPerKind;
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
    Pairs all = AllPairsMiner.allPairs(y);
    SplittableRandom random =
        new SplittableRandom(MinerSupport.mix(seed ^ MinerSupport.batchHash(embeddings, y)));
    int numPositive = Math.min(all.numPositivePairs(), maxPairsPerKind);
    int numNegative = Math.min(numPositive, all.numNegativePairs());
    int[] chosenPositive = choose(all.numPositivePairs(), numPositive, random);
    int[] chosenNegative = choose(all.numNegativePairs(), numNegative, random);
    return MinerResult.of(
        Pairs.wrap(
            pick(all.positiveAnchors(), chosenPositive),
            pick(all.positives(), chosenPositive),
            pick(all.negativeAnchors(), chosenNegative),
            pick(all.negatives(), chosenNegative)));
  }

  /** Chooses {@code k} of {@code 0..n-1} uniformly without replacement, in increasing order. */
  private static int[] choose(int n, int k, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (k < n) {
      // Partial Fisher-Yates: the first k entries become a uniform sample.
      for (int i = 0; i < k; i++) {
        int j = i + random.nextInt(n - i);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    int[] chosen = Arrays.copyOf(order, k);
    Arrays.sort(chosen);
    return chosen;
  }

  private static int[] pick(int[] values, int[] positions) {
    int[] result = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      result[i] = values[positions[i]];
    }
    return result;
  }

  /**
   * Returns the largest number of pairs of each kind.
   *
   * @return the largest number of pairs of each kind
   */
  public int maxPairsPerKind() {
    return maxPairsPerKind;
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
    return "random-pairs";
  }

  @Override
  public String toString() {
    return "RandomPairsMiner[maxPairsPerKind=" + maxPairsPerKind + ", seed=" + seed + "]";
  }

  /** Builder of {@link RandomPairsMiner}; {@link #build()} validates. */
  public static final class Builder {
    private int maxPairsPerKind = Integer.MAX_VALUE;
    private long seed;

    private Builder() {}

    /**
     * Sets the largest number of pairs of each kind (default: unbounded, so every positive pair and
     * as many negative pairs).
     *
     * @param max a positive count
     * @return this builder
     */
    public Builder optMaxPairsPerKind(int max) {
      this.maxPairsPerKind = max;
      return this;
    }

    /**
     * Sets the seed (default 0).
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
     * @throws IllegalArgumentException if {@code maxPairsPerKind} is not positive
     */
    public RandomPairsMiner build() {
      if (maxPairsPerKind < 1) {
        throw new IllegalArgumentException(
            "maxPairsPerKind must be positive, found " + maxPairsPerKind);
      }
      return new RandomPairsMiner(this);
    }
  }
}
