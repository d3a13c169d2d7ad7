package org.metriclearn4j.deep.miner;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a miner chose: either {@link Pairs} or {@link Triplets}, with their counts. Immutable.
 *
 * <p>Any loss accepts either kind; the conversions are those of pytorch-metric-learning: {@link
 * #pairs()} of triplets is the anchor-positive and anchor-negative pair of each triplet (so an
 * anchor-negative pair can appear several times), and {@link #triplets()} of pairs combines every
 * positive pair with every negative pair that has the same anchor.
 *
 * <p>The counts describe what was mined: a pair result has {@link #numTriplets()} 0, a triplet
 * result has {@link #numPositivePairs()} and {@link #numNegativePairs()} 0.
 */
public final class MinerResult {

  /** The kind of tuples a result holds. */
  public enum Kind {
    /** Anchor-positive and anchor-negative pairs. */
    PAIRS,
    /** Anchor, positive, negative triplets. */
    TRIPLETS
  }

  private final @Nullable Pairs pairs;
  private final @Nullable Triplets triplets;

  private MinerResult(@Nullable Pairs pairs, @Nullable Triplets triplets) {
    this.pairs = pairs;
    this.triplets = triplets;
  }

  /**
   * Wraps pairs.
   *
   * @param pairs the mined pairs
   * @return a result of kind {@link Kind#PAIRS}
   */
  public static MinerResult of(Pairs pairs) {
    return new MinerResult(Objects.requireNonNull(pairs, "pairs"), null);
  }

  /**
   * Wraps triplets.
   *
   * @param triplets the mined triplets
   * @return a result of kind {@link Kind#TRIPLETS}
   */
  public static MinerResult of(Triplets triplets) {
    return new MinerResult(null, Objects.requireNonNull(triplets, "triplets"));
  }

  /**
   * Returns the kind of tuples this result holds.
   *
   * @return the kind of tuples this result holds
   */
  public Kind kind() {
    return pairs != null ? Kind.PAIRS : Kind.TRIPLETS;
  }

  /**
   * Returns the number of mined anchor-positive pairs (0 for a triplet result).
   *
   * @return the number of mined anchor-positive pairs (0 for a triplet result)
   */
  public int numPositivePairs() {
    return pairs != null ? pairs.numPositivePairs() : 0;
  }

  /**
   * Returns the number of mined anchor-negative pairs (0 for a triplet result).
   *
   * @return the number of mined anchor-negative pairs (0 for a triplet result)
   */
  public int numNegativePairs() {
    return pairs != null ? pairs.numNegativePairs() : 0;
  }

  /**
   * Returns the number of mined triplets (0 for a pair result).
   *
   * @return the number of mined triplets (0 for a pair result)
   */
  public int numTriplets() {
    return triplets != null ? triplets.size() : 0;
  }

  /**
   * Returns the tuples as pairs: the mined pairs, or for triplets the pair {@code (a, p)} and the
   * pair {@code (a, n)} of each triplet {@code (a, p, n)}, in triplet order.
   *
   * @return the pairs
   */
  public Pairs pairs() {
    if (pairs != null) {
      return pairs;
    }
    Triplets t = Objects.requireNonNull(triplets);
    int[] anchors = t.anchors();
    return Pairs.wrap(anchors, t.positives(), anchors.clone(), t.negatives());
  }

  /**
   * Returns the tuples as triplets: the mined triplets, or for pairs every combination of a
   * positive pair {@code (a, p)} with a negative pair {@code (a, n)} of the same anchor, ordered by
   * positive pair and then by negative pair.
   *
   * @return the triplets
   * @throws IllegalArgumentException if the pairs combine into more than about 2^31 triplets
   */
  public Triplets triplets() {
    if (triplets != null) {
      return triplets;
    }
    Pairs p = Objects.requireNonNull(pairs);
    int maxAnchor = Math.max(IntList.max(p.positiveAnchors()), IntList.max(p.negativeAnchors()));
    // Negative pairs grouped by anchor, keeping their order.
    int[] negativeAnchors = p.negativeAnchors();
    int[] negatives = p.negatives();
    int[] start = new int[maxAnchor + 2];
    for (int a : negativeAnchors) {
      start[a + 1]++;
    }
    for (int a = 0; a <= maxAnchor; a++) {
      start[a + 1] += start[a];
    }
    int[] grouped = new int[negatives.length];
    int[] fill = start.clone();
    for (int i = 0; i < negatives.length; i++) {
      grouped[fill[negativeAnchors[i]]++] = negatives[i];
    }
    int[] positiveAnchors = p.positiveAnchors();
    int[] positives = p.positives();
    long total = 0;
    for (int a : positiveAnchors) {
      total += start[a + 1] - start[a];
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "the pairs combine into " + total + " triplets, more than one array can hold");
    }
    int n = (int) total;
    int[] ta = new int[n];
    int[] tp = new int[n];
    int[] tn = new int[n];
    int k = 0;
    for (int i = 0; i < positiveAnchors.length; i++) {
      int a = positiveAnchors[i];
      for (int j = start[a]; j < start[a + 1]; j++) {
        ta[k] = a;
        tp[k] = positives[i];
        tn[k] = grouped[j];
        k++;
      }
    }
    return Triplets.wrap(ta, tp, tn);
  }

  /**
   * Checks that every index is below {@code batchSize}.
   *
   * @param batchSize the number of embeddings in the batch
   * @throws IllegalArgumentException naming the largest index found if it is out of range
   */
  public void checkIndices(long batchSize) {
    int max = pairs != null ? pairs.maxIndex() : Objects.requireNonNull(triplets).maxIndex();
    if (max >= batchSize) {
      throw new IllegalArgumentException(
          "tuples must index a batch of "
              + batchSize
              + " embeddings (indices 0.."
              + (batchSize - 1)
              + "), found index "
              + max);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MinerResult r
        && Objects.equals(pairs, r.pairs)
        && Objects.equals(triplets, r.triplets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pairs, triplets);
  }

  @Override
  public String toString() {
    return pairs != null
        ? "MinerResult["
            + pairs.numPositivePairs()
            + " positive pairs, "
            + pairs.numNegativePairs()
            + " negative pairs]"
        : "MinerResult[" + numTriplets() + " triplets]";
  }
}
