package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.distance.LpDistance;
import org.metriclearn4j.deep.miner.AllTripletsMiner;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Triplets;
import org.metriclearn4j.deep.reduce.MeanOverNonZeroReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The triplet margin loss (Schroff, Kalenichenko &amp; Philbin, "FaceNet: A Unified Embedding for
 * Face Recognition and Clustering", CVPR 2015; pytorch-metric-learning's {@code
 * TripletMarginLoss}).
 *
 * <p>Each triplet costs {@code [d(a, p) - d(a, n) + margin]_+} (for a similarity {@code [s(a, n) -
 * s(a, p) + margin]_+}, through {@link BatchDistance#margin}). With {@code swap} (Balntas et al.,
 * BMVC 2016) the negative distance is the closer of {@code d(a, n)} and {@code d(p, n)}. With
 * {@code smooth} the hinge {@code [x]_+} is replaced by the soft-plus {@code log(1 + e^x)}.
 *
 * <p>Tuples: triplets (pairs are combined into every triplet of a positive and a negative pair with
 * the same anchor); without tuples every triplet of the batch, enumerated without a cubic mask.
 * Defaults (pytorch-metric-learning 2.8.1): {@code margin = 0.05}, no swap, no smoothing, distance
 * {@link LpDistance#create()}, reducer {@link MeanOverNonZeroReducer}.
 */
public final class TripletMarginLoss extends TupleLoss {
  private final double margin;
  private final boolean swap;
  private final boolean smooth;

  private TripletMarginLoss(Builder builder) {
    super(builder);
    this.margin = builder.margin;
    this.swap = builder.swap;
    this.smooth = builder.smooth;
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
  public NDArray compute(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    int[] y = LossSupport.checkBatch(embeddings, labels, tuples);
    NDArray matrix = distance.matrix(embeddings, embeddings);
    if (tuples == null && !swap) {
      return reducer.reduce(allTripletLosses(matrix, y));
    }
    Triplets triplets = tuples == null ? AllTripletsMiner.allTriplets(y) : tuples.triplets();
    int[] anchors = triplets.anchors();
    int[] positives = triplets.positives();
    int[] negatives = triplets.negatives();
    NDArray ap = LossSupport.gather(matrix, anchors, positives);
    NDArray an = LossSupport.gather(matrix, anchors, negatives);
    if (swap) {
      an = distance.closest(an, LossSupport.gather(matrix, positives, negatives));
    }
    return reducer.reduce(hinge(distance.margin(ap, an)));
  }

  private NDArray hinge(NDArray margins) {
    NDArray violation = margins.add(margin);
    return smooth ? Activation.softPlus(violation) : Activation.relu(violation);
  }

  /**
   * The losses of every triplet of the batch without listing the triplets: for each anchor the
   * distances to its positives ({@code B x P}) and to its negatives ({@code B x N}) are gathered
   * once and combined by broadcasting into {@code B x P x N}, padded where classes differ in size;
   * the padding is dropped before reduction. This gathers {@code B (P + N)} values instead of two
   * per triplet. Same losses as the listed triplets, in another order.
   */
  private NDArray allTripletLosses(NDArray matrix, int[] y) {
    int b = y.length;
    int[] classSize = new int[b];
    int maxPositives = 0;
    int maxNegatives = 0;
    for (int a = 0; a < b; a++) {
      for (int label : y) {
        classSize[a] += label == y[a] ? 1 : 0;
      }
      maxPositives = Math.max(maxPositives, classSize[a] - 1);
      maxNegatives = Math.max(maxNegatives, b - classSize[a]);
    }
    int[] rowsP = new int[b * maxPositives];
    int[] colsP = new int[b * maxPositives];
    int[] rowsN = new int[b * maxNegatives];
    int[] colsN = new int[b * maxNegatives];
    boolean padded = false;
    boolean[] valid = new boolean[b * maxPositives * maxNegatives];
    for (int a = 0; a < b; a++) {
      int kp = 0;
      int kn = 0;
      for (int j = 0; j < b; j++) {
        if (j == a) {
          continue;
        }
        if (y[j] == y[a]) {
          rowsP[a * maxPositives + kp] = a;
          colsP[a * maxPositives + kp++] = j;
        } else {
          rowsN[a * maxNegatives + kn] = a;
          colsN[a * maxNegatives + kn++] = j;
        }
      }
      // Padding points at the anchor itself; it is dropped below.
      for (int k = kp; k < maxPositives; k++) {
        rowsP[a * maxPositives + k] = a;
        colsP[a * maxPositives + k] = a;
      }
      for (int k = kn; k < maxNegatives; k++) {
        rowsN[a * maxNegatives + k] = a;
        colsN[a * maxNegatives + k] = a;
      }
      padded |= kp < maxPositives || kn < maxNegatives;
      for (int p = 0; p < kp; p++) {
        int base = (a * maxPositives + p) * maxNegatives;
        Arrays.fill(valid, base, base + kn, true);
      }
    }
    NDArray ap = LossSupport.gather(matrix, rowsP, colsP).reshape(b, maxPositives, 1);
    NDArray an = LossSupport.gather(matrix, rowsN, colsN).reshape(b, 1, maxNegatives);
    NDArray losses = hinge(distance.margin(ap, an)).reshape(-1);
    return padded ? losses.booleanMask(matrix.getManager().create(valid)) : losses;
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
   * Returns whether the negative distance is the closer of anchor-negative and positive-negative.
   *
   * @return whether the swap is used
   */
  public boolean swap() {
    return swap;
  }

  /**
   * Returns whether the hinge is replaced by the soft-plus.
   *
   * @return whether the hinge is replaced by the soft-plus
   */
  public boolean smooth() {
    return smooth;
  }

  /**
   * Returns the reducer of the triplet losses.
   *
   * @return the reducer of the triplet losses
   */
  public Reducer reducer() {
    return reducer;
  }

  @Override
  public String name() {
    return "triplet-margin";
  }

  @Override
  String settings() {
    return "margin=" + margin + ", swap=" + swap + ", smooth=" + smooth;
  }

  /** Builder of {@link TripletMarginLoss}; {@link #build()} validates. */
  public static final class Builder extends LossBuilder<Builder> {
    private double margin = 0.05;
    private boolean swap;
    private boolean smooth;

    private Builder() {
      super(LpDistance.create(), new MeanOverNonZeroReducer());
    }

    /**
     * Sets the margin (default 0.05).
     *
     * @param margin a finite margin
     * @return this builder
     */
    public Builder optMargin(double margin) {
      this.margin = margin;
      return this;
    }

    /**
     * Sets whether to use the closer of {@code d(a, n)} and {@code d(p, n)} (default false).
     *
     * @param swap whether to swap
     * @return this builder
     */
    public Builder optSwap(boolean swap) {
      this.swap = swap;
      return this;
    }

    /**
     * Sets whether to replace the hinge by the soft-plus (default false).
     *
     * @param smooth whether to smooth
     * @return this builder
     */
    public Builder optSmooth(boolean smooth) {
      this.smooth = smooth;
      return this;
    }

    /**
     * Validates the settings and builds the loss.
     *
     * @return the loss
     * @throws IllegalArgumentException if the margin is not finite
     */
    public TripletMarginLoss build() {
      LossSupport.checkFinite("margin", margin);
      return new TripletMarginLoss(this);
    }
  }
}
