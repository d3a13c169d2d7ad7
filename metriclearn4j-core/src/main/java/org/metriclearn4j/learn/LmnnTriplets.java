package org.metriclearn4j.learn;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.constraints.Triplets;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.optim.Lbfgs;

/**
 * LMNN's objective on explicit relative comparisons (K. Q. Weinberger and L. K. Saul, "Distance
 * metric learning for large margin nearest neighbor classification", JMLR 10, 2009, eq. 14), for
 * triplets {@code (a, p, n)} meaning "{@code a} is closer to {@code p} than to {@code n}" instead
 * of target neighbours and impostors found from labels (requested in metric-learn issues #210 and
 * #352). With {@code d_xy = ||L (x_x - x_y)||^2}:
 *
 * <pre>
 *   e(L) = (1 - mu) sum_{(a, p) in P} d_ap + mu sum_{(a, p, n)} h(1 + d_ap - d_an)
 * </pre>
 *
 * where {@code P} holds each distinct (anchor, similar) pair once, however many triplets share it,
 * and {@code h} is the hinge {@code [m]_+} with its kink smoothed over 0.1 margin units, as in
 * {@link Lmnn}. {@link Lbfgs} minimises {@code e(L) / T} ({@code T} triplets) over {@code A = L
 * diag(sd)}, the components in the coordinates of the standardised points, stopping when the
 * largest gradient entry or the relative decrease per iteration is at most {@code tolerance}; every
 * triplet is evaluated at every step, so the reported objective is exact.
 *
 * <p>Defaults: push weight {@code mu = 0.5}, output dimension {@code d}, {@code maxIterations}
 * 1000, {@code tolerance} 1e-5, {@code init} {@link Initialization#AUTO} (per-feature inverse
 * standard deviation of the points, scaled as for {@link Nca}; PCA when the output dimension is
 * below {@code d}), seed 0 (used only by {@link Initialization#RANDOM}). {@link Initialization#LDA}
 * needs class labels and is rejected. Immutable; the same triplets and seed give bit-identical
 * components for any thread count.
 */
public final class LmnnTriplets extends ProjectionLearner implements TripletsMetricLearner {
  private final double pushWeight;

  private LmnnTriplets(Builder b, ProjectionOptions options) {
    super(options);
    this.pushWeight = b.pushWeight;
  }

  /**
   * Returns a builder with the defaults of the class comment.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code mu}, the weight of the hinge term; the pull term has {@code 1 - mu}. */
  public double pushWeight() {
    return pushWeight;
  }

  /**
   * Returns a short name for reports.
   *
   * @return {@code "lmnn-triplets"}
   */
  @Override
  public String name() {
    return "lmnn-triplets";
  }

  /**
   * Learns the metric from the triplets.
   *
   * @param triplets the comparisons and the points they index (not modified)
   * @return the metric on the points' {@code d} features; its fit summary holds the L-BFGS
   *     iterations, convergence and the final {@code e(L)}
   * @throws IllegalArgumentException if the output dimension exceeds the number of features
   */
  @Override
  public MahalanobisMetric fit(Triplets triplets) {
    int d = triplets.dimension();
    int r = options.outputDimension(d, "the points");
    int[] anchors = triplets.anchors();
    int[] positives = triplets.positives();
    int[] negatives = triplets.negatives();
    int t = anchors.length;
    // distinct pairs: (anchor, similar) pairs pull, (anchor, dissimilar) pairs only push
    Map<Long, Integer> index = new HashMap<>();
    int[] first = new int[2 * t];
    int[] second = new int[2 * t];
    double[] pull = new double[2 * t];
    int[] positive = new int[t];
    int[] negative = new int[t];
    int pairs = 0;
    for (int q = 0; q < t; q++) {
      long key = ((long) anchors[q] << 32) | positives[q];
      Integer p = index.get(key);
      if (p == null) {
        p = pairs++;
        index.put(key, p);
        first[p] = anchors[q];
        second[p] = positives[q];
      }
      pull[p] = 1 - pushWeight;
      positive[q] = p;
    }
    for (int q = 0; q < t; q++) {
      long key = ((long) anchors[q] << 32) | negatives[q];
      Integer p = index.get(key);
      if (p == null) {
        p = pairs++;
        index.put(key, p);
        first[p] = anchors[q];
        second[p] = negatives[q];
      }
      negative[q] = p;
    }
    DMatrixRMaj points = triplets.pointsMatrix();
    Standardization standardization = Standardization.of(points);
    DMatrixRMaj xs = standardization.standardized();
    DMatrixRMaj start = options.start(standardization, new int[points.numRows], 1, r);
    LmnnObjective loss =
        new LmnnObjective(
            xs,
            java.util.Arrays.copyOf(first, pairs),
            java.util.Arrays.copyOf(second, pairs),
            java.util.Arrays.copyOf(pull, pairs),
            positive,
            negative,
            pushWeight);
    return options.fit(loss::valueAndGradient, t, standardization, start, provenance(triplets, r));
  }

  private Provenance provenance(Triplets triplets, int r) {
    Map<String, String> hyper = new LinkedHashMap<>();
    hyper.put("pushWeight", Double.toString(pushWeight));
    options.addTo(hyper, r);
    hyper.put("triplets", Integer.toString(triplets.size()));
    return new Provenance(
        name(), hyper, triplets.numPoints(), triplets.dimension(), options.seed());
  }

  @Override
  public String toString() {
    return "LmnnTriplets[pushWeight=" + pushWeight + ", " + options + "]";
  }

  /** Builder of {@link LmnnTriplets}; {@link #build()} validates. */
  public static final class Builder extends ProjectionLearnerBuilder<Builder, LmnnTriplets> {
    private double pushWeight = 0.5;

    private Builder() {
      super(1000);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets {@code mu}, the weight of the hinge term (default 0.5).
     *
     * @param mu in {@code (0, 1)}
     * @return this builder
     */
    public Builder pushWeight(double mu) {
      this.pushWeight = mu;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    @Override
    public LmnnTriplets build() {
      if (!(pushWeight > 0 && pushWeight < 1)) {
        throw new IllegalArgumentException(
            "pushWeight: expected a value in (0, 1), found " + pushWeight);
      }
      ProjectionOptions options = this.options.build();
      if (options.init() == Initialization.LDA) {
        throw new IllegalArgumentException(
            "init: LDA needs class labels, which triplets do not have; use AUTO, PCA, IDENTITY or"
                + " RANDOM");
      }
      return new LmnnTriplets(this, options);
    }
  }
}
