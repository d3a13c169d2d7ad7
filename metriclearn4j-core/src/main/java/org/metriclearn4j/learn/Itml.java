package org.metriclearn4j.learn;

import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * Information-Theoretic Metric Learning (ITML): J. V. Davis, B. Kulis, P. Jain, S. Sra, I. S.
 * Dhillon, "Information-theoretic metric learning", ICML 2007.
 *
 * <p>Objective, over {@code M} positive definite and slack targets {@code xi}:
 *
 * <pre>
 *   min  D_ld(M, M_0) + gamma * sum_c D_ld(xi_c, xi0_c)
 *   s.t. d_M(x_i, x_j) &lt;= xi_c  for every similar pair c = (i, j),
 *        d_M(x_i, x_j) &gt;= xi_c  for every dissimilar pair,
 * </pre>
 *
 * where {@code d_M(x, y) = (x - y)^T M (x - y)} is the squared distance, {@code D_ld(A, B) = tr(A
 * B^-1) - log det(A B^-1) - d} the LogDet divergence, and the initial targets {@code xi0} are the
 * upper bound {@code u} for similar pairs and the lower bound {@code l} for dissimilar ones. It is
 * solved, as in the paper's Algorithm 1, by Bregman projections: each pass visits every pair once,
 * in a new random order drawn with the seed (see below), and applies a rank-one update {@code M +=
 * beta M v v^T M}; the dual variables {@code lambda} keep the projections exact.
 *
 * <p>Defaults: {@code gamma = 1} (slack; {@code Double.POSITIVE_INFINITY} gives hard constraints),
 * at most {@code maxIterations = 1000} passes, convergence when the relative change of the dual
 * variables over a pass, {@code ||lambda - lambda_old||_1 / (||lambda||_2 + ||lambda_old||_2)}, is
 * below {@code tolerance = 1e-3} (the authors' criterion), a random order in every pass ({@code
 * randomOrder = true}), prior {@link Prior#RANGE} (see below), bounds {@code u} and {@code l} the
 * 5th and 95th percentiles of the squared distances under the prior between the points the pairs
 * use (all pairs of those points, or 200,000 drawn with the seed when there are more), as in the
 * paper. The covariance prior is the inverse of the covariance of those points plus a ridge of
 * {@code 1e-3} times its mean variance. Pairs that join two identical points carry no information
 * and are skipped. The fit reports whether it converged or stopped at the iteration limit, and as
 * objective the final value of the objective above.
 *
 * <p><b>Why a random order in every pass.</b> The projections are coordinate ascent on the dual of
 * the problem above, and the order only decides how fast it converges: any order that visits every
 * pair within a bounded number of steps (a new permutation every pass visits each within {@code 2m
 * - 1} steps of {@code m} pairs) keeps the convergence of Bregman's method (Y. Censor, S. A.
 * Zenios, <i>Parallel Optimization</i>, 1997, almost cyclic control). With the default percentile
 * bounds most pairs conflict (on iris, 162 of 180 similar pairs are farther than {@code u} and 167
 * of 180 dissimilar pairs nearer than {@code l} under the prior; 213 of the 360 constraints are
 * active at the optimum), and all of them act on the same few entries of {@code M}: a coupled dual,
 * the case where a fixed cyclic order is slow and a fresh random permutation every pass is not
 * (C.-P. Lee, S. J. Wright, "Random permutations fix a worst case for cyclic coordinate descent",
 * IMA J. Numer. Anal. 39(3), 2019). Measured with {@link ItmlSupervised} on the five reference
 * folds of iris, the fixed order (every similar pair, then every dissimilar one, as metric-learn
 * does; {@link Builder#randomOrder(boolean) randomOrder(false)}) needs 2,775 to 4,476 passes to
 * meet the authors' criterion and stops unconverged at the default 1,000; the random order meets it
 * in 15 or 16 (wine 14-15, breast_cancer 13-14, digits 16), at the same optimum (same kNN
 * accuracy). On letter (first of five shuffled folds, 13,520 pairs of each kind) the fixed order's
 * iterate after 1,000 passes is still far from the optimum, kNN k=3/k=5 0.850/0.847 against
 * 0.917/0.921 at the optimum the random order reaches in 20 passes (Euclidean: 0.950/0.951; the
 * rest of that gap is ITML's objective on 26 classes, not the solver).
 *
 * <p><b>Why the range prior.</b> The prior should not depend on the units of the features:
 * metric-learn's default, the identity, does, and loses accuracy on unscaled data (on wine, whose
 * proline varies 10^5 times more than its other features, metric-learn's ITML reaches kNN accuracy
 * 0.950/0.967 (k=3/k=5) on the raw data against 0.983/0.989 after standardising). {@link
 * Prior#VARIANCE} and {@link Prior#RANGE} are both unit-free (a feature multiplied by a constant
 * gives the same metric). They differ in what they equalise: inverse variances give every feature
 * the same <em>average</em> contribution to a squared distance, so a feature that is almost always
 * the same gets a weight without bound and dominates whenever it does change (the border pixels of
 * digits, variance 0.0006 against 18 for a typical pixel, weigh 30,000 times more); inverse squared
 * ranges give every feature the same <em>largest</em> contribution, 1, so that no feature
 * dominates, and features on a common scale (pixels) keep their Euclidean geometry. Measured with
 * {@link ItmlSupervised} on the five reference folds, kNN k=3/k=5 after the metric (the same on raw
 * and standardised data): variance prior against range prior, digits 0.971/0.973 and 0.981/0.978
 * (metric-learn: raw 0.984/0.979, standardised 0.978/0.978), iris 0.960/0.960 and 0.967/0.967, wine
 * 0.994/0.994 and 1.000/0.989, breast_cancer 0.965/0.965 and 0.961/0.961 (metric-learn at most
 * 0.954/0.958). The price: one outlying value shrinks the weight of its feature.
 */
public final class Itml implements PairsMetricLearner {
  /** The prior metric {@code M_0} that ITML stays close to. */
  public enum Prior {
    /** The Euclidean metric {@code M_0 = I}. */
    IDENTITY,
    /** The inverse of the (ridge-regularised) covariance of the points the pairs use. */
    COVARIANCE,
    /**
     * The diagonal of inverse variances of the points the pairs use: the Euclidean metric after
     * standardising each feature (a feature without variance gets weight {@code 1 / mean
     * variance}).
     */
    VARIANCE,
    /**
     * The diagonal of inverse squared ranges ({@code 1 / (max - min)^2}) of the points the pairs
     * use: the Euclidean metric after min-max scaling, under which each feature adds at most 1 to a
     * squared distance (a feature without range gets weight {@code 1 / mean squared range}).
     */
    RANGE
  }

  /**
   * The relative ridge added to the covariance before inverting it for {@link Prior#COVARIANCE}.
   */
  static final double COVARIANCE_RIDGE = 1e-3;

  private final double gamma;
  private final int maxIterations;
  private final double tolerance;
  private final Prior prior;
  private final double lowerPercentile;
  private final double upperPercentile;
  private final @Nullable Double upperBound;
  private final @Nullable Double lowerBound;
  private final boolean randomOrder;
  private final long seed;

  private Itml(Builder b) {
    this.gamma = b.gamma;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
    this.prior = b.prior;
    this.lowerPercentile = b.lowerPercentile;
    this.upperPercentile = b.upperPercentile;
    this.upperBound = b.upperBound;
    this.lowerBound = b.lowerBound;
    this.randomOrder = b.randomOrder;
    this.seed = b.seed;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this learner's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.gamma = gamma;
    b.maxIterations = maxIterations;
    b.tolerance = tolerance;
    b.prior = prior;
    b.lowerPercentile = lowerPercentile;
    b.upperPercentile = upperPercentile;
    b.upperBound = upperBound;
    b.lowerBound = lowerBound;
    b.randomOrder = randomOrder;
    b.seed = seed;
    return b;
  }

  /** Returns the slack parameter {@code gamma}. */
  public double gamma() {
    return gamma;
  }

  /** Returns the maximum number of passes over the pairs. */
  public int maxIterations() {
    return maxIterations;
  }

  /** Returns the convergence tolerance on the dual variables. */
  public double tolerance() {
    return tolerance;
  }

  /** Returns the prior metric. */
  public Prior prior() {
    return prior;
  }

  /**
   * Returns whether each pass visits the pairs in a new random order (otherwise: similar pairs,
   * then dissimilar ones, in their given order, every pass).
   */
  public boolean randomOrder() {
    return randomOrder;
  }

  /**
   * Returns the seed of the order in which the passes visit the pairs and of the sample of
   * distances for the bounds on large inputs.
   */
  public long seed() {
    return seed;
  }

  @Override
  public String name() {
    return "itml";
  }

  /**
   * Learns the metric from labelled pairs.
   *
   * @param pairs similar and dissimilar pairs (either kind may be absent)
   * @return the metric; its hyperparameters record the bounds {@code u} and {@code l} used
   * @throws IllegalArgumentException if every pair joins two identical points
   */
  @Override
  public MahalanobisMetric fit(Pairs pairs) {
    DMatrixRMaj x = pairs.pointsMatrix();
    int d = x.numCols;
    int[] first = pairs.first();
    int[] second = pairs.second();
    boolean[] similar = pairs.similar();
    DMatrixRMaj allDiffs = WeakMetricSupport.differences(x, first, second);
    // keep informative pairs, similar first then dissimilar (the authors' order)
    int[] order = informativeOrder(allDiffs, similar);
    if (order.length == 0) {
      throw new IllegalArgumentException(
          "pairs: every pair joins two identical points, so ITML has nothing to learn; expected"
              + " at least one pair of distinct points");
    }
    int[] used = WeakMetricSupport.usedPoints(x.numRows, first, second);
    DMatrixRMaj prior0 =
        switch (prior) {
          case IDENTITY -> CommonOps_DDRM.identity(d);
          case COVARIANCE ->
              WeakMetricSupport.regularisedInverse(
                  WeakMetricSupport.covariance(x, used), COVARIANCE_RIDGE);
          case VARIANCE -> WeakMetricSupport.inverseVariances(x, used);
          case RANGE -> inverseSquaredRanges(x, used);
        };
    double u;
    double l;
    if (upperBound != null && lowerBound != null) {
      u = upperBound;
      l = lowerBound;
    } else {
      double[] dist = WeakMetricSupport.squaredDistanceSample(x, used, prior0, seed);
      u = WeakMetricSupport.percentile(dist, lowerPercentile);
      l = WeakMetricSupport.percentile(dist, upperPercentile);
      double largest = dist[dist.length - 1];
      if (!(l > 0)) {
        l = largest > 0 ? largest : 1.0;
      }
      if (!(u > 0)) {
        u = 1e-9 * l;
      }
    }

    int m = order.length;
    double[][] v = new double[m][];
    boolean[] sim = new boolean[m];
    double[] target = new double[m];
    double[] target0 = new double[m];
    for (int k = 0; k < m; k++) {
      int p = order[k];
      v[k] = new double[d];
      System.arraycopy(allDiffs.data, p * d, v[k], 0, d);
      sim[k] = similar[p];
      target[k] = sim[k] ? u : l;
      target0[k] = target[k];
    }
    double[] a = prior0.data.clone();
    double[] lambda = new double[m];
    double[] lambdaOld = new double[m];
    double[] av = new double[d];
    double gammaProj = Double.isInfinite(gamma) ? 1.0 : gamma / (gamma + 1.0);
    double invGamma = Double.isInfinite(gamma) ? 0.0 : 1.0 / gamma;
    int[] visit = new int[m];
    for (int k = 0; k < m; k++) {
      visit[k] = k;
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean converged = false;
    int iterations = 0;
    while (iterations < maxIterations) {
      iterations++;
      if (randomOrder) {
        shuffle(visit, random);
      }
      for (int k : visit) {
        double[] vk = v[k];
        double wtw = multiply(a, vk, av, d);
        if (!(wtw > 0)) {
          continue;
        }
        double alpha;
        double beta;
        if (sim[k]) {
          alpha = Math.min(lambda[k], gammaProj * (1.0 / wtw - 1.0 / target[k]));
          if (alpha == 0) {
            continue;
          }
          lambda[k] -= alpha;
          beta = alpha / (1.0 - alpha * wtw);
          target[k] = 1.0 / (1.0 / target[k] + alpha * invGamma);
        } else {
          alpha = Math.min(lambda[k], gammaProj * (1.0 / target[k] - 1.0 / wtw));
          if (alpha == 0) {
            continue;
          }
          lambda[k] -= alpha;
          beta = -alpha / (1.0 + alpha * wtw);
          target[k] = 1.0 / (1.0 / target[k] - alpha * invGamma);
        }
        rankOneUpdate(a, av, beta, d);
      }
      double normSum = norm2(lambda) + norm2(lambdaOld);
      if (normSum == 0) {
        converged = true;
        break;
      }
      double change = 0;
      for (int k = 0; k < m; k++) {
        change += Math.abs(lambdaOld[k] - lambda[k]);
      }
      if (change / normSum < tolerance) {
        converged = true;
        break;
      }
      System.arraycopy(lambda, 0, lambdaOld, 0, m);
    }
    DMatrixRMaj learned = new DMatrixRMaj(d, d, true, a);
    Kernels.symmetrize(learned);
    double objective = objective(learned, prior0, target, target0);
    Map<String, String> hp =
        WeakMetricSupport.hyperparameters(
            "gamma", gamma,
            "maxIterations", maxIterations,
            "tolerance", tolerance,
            "randomOrder", randomOrder,
            "prior", prior,
            "boundPercentiles", lowerPercentile + "," + upperPercentile,
            "upperBound", u,
            "lowerBound", l);
    return WeakMetricSupport.metricOf(
        learned,
        new FitSummary(iterations, converged, objective),
        new Provenance(name(), hp, pairs.numPoints(), d, seed));
  }

  /**
   * Returns {@code diag(1 / range_t^2)} over the given rows, {@code range_t = max - min} of feature
   * {@code t}; a feature whose range is at most {@code 1e-6} times the root mean squared range gets
   * weight {@code 1 / mean squared range} (weight 1 when every feature is constant), so that the
   * prior stays positive definite.
   */
  static DMatrixRMaj inverseSquaredRanges(DMatrixRMaj x, int[] rows) {
    int d = x.numCols;
    double[] lo = new double[d];
    double[] hi = new double[d];
    java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
    for (int r : rows) {
      for (int t = 0; t < d; t++) {
        double v = x.data[r * d + t];
        lo[t] = Math.min(lo[t], v);
        hi[t] = Math.max(hi[t], v);
      }
    }
    double[] squared = new double[d];
    double mean = 0;
    for (int t = 0; t < d; t++) {
      double range = hi[t] - lo[t];
      squared[t] = range * range;
      mean += squared[t] / d;
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (int t = 0; t < d; t++) {
      double v = squared[t] > 1e-12 * mean ? squared[t] : mean;
      out.set(t, t, v > 0 ? 1.0 / v : 1.0);
    }
    return out;
  }

  private static int[] informativeOrder(DMatrixRMaj diffs, boolean[] similar) {
    int d = diffs.numCols;
    int[] order = new int[similar.length];
    int count = 0;
    for (int pass = 0; pass < 2; pass++) {
      boolean wantSimilar = pass == 0;
      for (int p = 0; p < similar.length; p++) {
        if (similar[p] != wantSimilar) {
          continue;
        }
        boolean nonZero = false;
        for (int t = 0; t < d && !nonZero; t++) {
          nonZero = diffs.data[p * d + t] != 0;
        }
        if (nonZero) {
          order[count++] = p;
        }
      }
    }
    return java.util.Arrays.copyOf(order, count);
  }

  /** Fisher-Yates shuffle of {@code a} in place. */
  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Writes {@code out = A v} for a symmetric {@code A} and returns {@code v^T A v}. Computed as a
   * sum of scaled rows so that the inner loop vectorises.
   */
  static double multiply(double[] a, double[] v, double[] out, int d) {
    java.util.Arrays.fill(out, 0, d, 0.0);
    for (int r = 0; r < d; r++) {
      double vr = v[r];
      if (vr == 0) {
        continue;
      }
      int off = r * d;
      for (int c = 0; c < d; c++) {
        out[c] += vr * a[off + c];
      }
    }
    double q = 0;
    for (int c = 0; c < d; c++) {
      q += out[c] * v[c];
    }
    return q;
  }

  /** {@code A += beta * w w^T}. */
  static void rankOneUpdate(double[] a, double[] w, double beta, int d) {
    for (int r = 0; r < d; r++) {
      double s = beta * w[r];
      int off = r * d;
      for (int c = 0; c < d; c++) {
        a[off + c] += s * w[c];
      }
    }
  }

  private static double norm2(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return Math.sqrt(s);
  }

  private double objective(
      DMatrixRMaj learned, DMatrixRMaj prior0, double[] target, double[] target0) {
    int d = learned.numRows;
    // D_ld(M, M0) = tr(M M0^-1) - log det(M M0^-1) - d, via the eigenvalues of M0^-1/2 M M0^-1/2
    SymmetricEigen p = Kernels.symmetricEigen(prior0);
    DMatrixRMaj invSqrt = new DMatrixRMaj(d, d);
    for (int c = 0; c < d; c++) {
      double s = 1.0 / Math.sqrt(Math.max(p.values()[c], Double.MIN_NORMAL));
      for (int r = 0; r < d; r++) {
        invSqrt.set(r, c, p.vectors().get(r, c) * s);
      }
    }
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj whitened = new DMatrixRMaj(d, d);
    Gemm.multTransA(invSqrt, learned, tmp);
    Gemm.mult(tmp, invSqrt, whitened);
    double[] ev = Kernels.symmetricEigen(whitened).values();
    double ld = 0;
    for (double e : ev) {
      double pos = Math.max(e, Double.MIN_NORMAL);
      ld += pos - Math.log(pos) - 1;
    }
    if (!Double.isInfinite(gamma)) {
      double slack = 0;
      for (int k = 0; k < target.length; k++) {
        double ratio = target[k] / target0[k];
        slack += ratio - Math.log(ratio) - 1;
      }
      ld += gamma * slack;
    }
    return ld;
  }

  /** Builds an {@link Itml}; {@link #build()} validates. */
  public static final class Builder {
    private double gamma = 1.0;
    private int maxIterations = 1000;
    private double tolerance = 1e-3;
    private Prior prior = Prior.RANGE;
    private double lowerPercentile = 5;
    private double upperPercentile = 95;
    private @Nullable Double upperBound;
    private @Nullable Double lowerBound;
    private boolean randomOrder = true;
    private long seed;

    private Builder() {}

    /**
     * Sets the slack parameter (default 1); larger values enforce the constraints more strictly.
     *
     * @param gamma {@code > 0}, or {@code Double.POSITIVE_INFINITY} for hard constraints
     * @return this builder
     */
    public Builder gamma(double gamma) {
      this.gamma = gamma;
      return this;
    }

    /**
     * Sets the maximum number of passes over the pairs (default 1000).
     *
     * @param maxIterations {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets the convergence tolerance on the relative change of the dual variables (default 1e-3).
     *
     * @param tolerance {@code > 0}
     * @return this builder
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the prior metric (default {@link Prior#RANGE}).
     *
     * @param prior the prior
     * @return this builder
     */
    public Builder prior(Prior prior) {
      this.prior = prior;
      return this;
    }

    /**
     * Sets the percentiles of the squared distances under the prior that give the bounds {@code u}
     * (similar pairs) and {@code l} (dissimilar pairs); defaults 5 and 95. Ignored when explicit
     * {@link #bounds} are set.
     *
     * @param lower the percentile for {@code u}, in {@code [0, 100)}
     * @param upper the percentile for {@code l}, in {@code (lower, 100]}
     * @return this builder
     */
    public Builder boundPercentiles(double lower, double upper) {
      this.lowerPercentile = lower;
      this.upperPercentile = upper;
      return this;
    }

    /**
     * Sets explicit bounds on squared distances instead of percentiles.
     *
     * @param upper {@code u}: similar pairs should have {@code d_M <= u}, finite and {@code > 0}
     * @param lower {@code l}: dissimilar pairs should have {@code d_M >= l}, finite and {@code > 0}
     * @return this builder
     */
    public Builder bounds(double upper, double lower) {
      this.upperBound = upper;
      this.lowerBound = lower;
      return this;
    }

    /**
     * Sets whether each pass visits the pairs in a new random order drawn with the seed (default
     * {@code true}); {@code false} visits every similar pair, then every dissimilar pair, in the
     * given order, every pass (metric-learn's order), which converges far more slowly (see the
     * class documentation).
     *
     * @param randomOrder whether to shuffle the pairs before every pass
     * @return this builder
     */
    public Builder randomOrder(boolean randomOrder) {
      this.randomOrder = randomOrder;
      return this;
    }

    /**
     * Sets the seed of the order of the passes and of the sample of point pairs used to estimate
     * the bounds on large inputs (default 0).
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
    public Itml build() {
      if (!(gamma > 0)) {
        throw new IllegalArgumentException(
            "gamma: expected > 0 (or POSITIVE_INFINITY for hard constraints), found " + gamma);
      }
      WeakMetricSupport.checkAtLeast("maxIterations", maxIterations, 1);
      WeakMetricSupport.checkPositive("tolerance", tolerance);
      if (!(lowerPercentile >= 0 && lowerPercentile < upperPercentile && upperPercentile <= 100)) {
        throw new IllegalArgumentException(
            "boundPercentiles: expected 0 <= lower < upper <= 100, found "
                + lowerPercentile
                + " and "
                + upperPercentile);
      }
      if (upperBound != null && lowerBound != null) {
        WeakMetricSupport.checkPositive("bounds upper (u)", upperBound);
        WeakMetricSupport.checkPositive("bounds lower (l)", lowerBound);
      }
      return new Itml(this);
    }
  }
}
