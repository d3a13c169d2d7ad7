package org.metriclearn4j.learn;

import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.constraints.Triplets;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * Sparse Compositional Metric Learning (SCML, its global formulation): Y. Shi, A. Bellet, F. Sha,
 * "Sparse compositional metric learning", AAAI 2014.
 *
 * <p>The metric is a sparse non-negative combination of rank-one bases {@code b_i}: {@code M =
 * sum_i w_i b_i b_i^T}, {@code w >= 0}. Objective, over the triplets {@code (a, p, n)}:
 *
 * <pre>
 *   min over w >= 0   (1/T) sum_t [1 + d_w(x_a, x_p) - d_w(x_a, x_n)]_+  +  beta ||w||_1,
 *   d_w(x, y) = sum_i w_i (b_i^T (x - y))^2,
 * </pre>
 *
 * <p>solved by stochastic regularised dual averaging with AdaGrad step sizes (L. Xiao, JMLR 2010;
 * J. Duchi, E. Hazan, Y. Singer, JMLR 2011): each iteration draws {@code batchSize} triplets with
 * the seed, averages their subgradients into the running mean {@code g}, and sets {@code w_i = (t /
 * gamma) * max(0, -(g_i + beta)) / (delta + sqrt(sum of squared gradients_i))} with {@code delta =
 * 1e-3} (the proximal step of the l1 penalty with the non-negativity constraint). Every {@code
 * outputIterations} iterations the objective is evaluated (on all triplets, or on 50,000 drawn with
 * the seed when there are more) and the best weights so far are kept; the fit stops early, and
 * reports convergence, when five evaluations in a row improve the best objective by less than
 * {@code 1e-4} relative.
 *
 * <p>Distances are measured in units of the mean squared projected distance of the triplets' pairs
 * (the weights are rescaled back at the end), so that the unit margin, and the result, do not
 * depend on the overall scale of the features.
 *
 * <p>Bases: by default {@link Basis#TRIPLET_DIFFERENCES}, {@code numBases} unit-length differences
 * of distinct pairs {@code (a, p)} and {@code (a, n)} of the triplets drawn with the seed
 * (metric-learn's {@code 'triplet_diffs'}), taken, like the whole optimisation, on features divided
 * by their standard deviation over the points the triplets use (the components are mapped back to
 * the input units), so that the result does not depend on the units of the features; or explicit
 * bases given with {@link Builder#bases(double[][])} ({@link ScmlSupervised} uses that for its
 * local discriminant bases). The learned components are {@code sqrt(w_i) b_i} over the bases with
 * {@code w_i > 0}, so the metric may have lower rank than {@code d}.
 *
 * <p>Defaults: {@code beta = 1e-5}, {@code gamma = 5e-3} (metric-learn's values), {@code
 * maxIterations = 10000}, {@code batchSize = 10}, {@code outputIterations = 500}, {@code numBases =
 * 0} meaning {@code min(20 d, number of distinct pairs)}, seed 0.
 */
public final class Scml implements TripletsMetricLearner {
  /** How the weak learner builds its bases when none are given. */
  public enum Basis {
    /** Unit differences of pairs taken from the triplets (global bases). */
    TRIPLET_DIFFERENCES
  }

  static final int EVALUATION_SAMPLE = 50_000;

  private final double beta;
  private final double gamma;
  private final int maxIterations;
  private final int batchSize;
  private final int outputIterations;
  private final int numBases;
  private final double @Nullable [][] bases;
  private final long seed;

  private Scml(Builder b) {
    this.beta = b.beta;
    this.gamma = b.gamma;
    this.maxIterations = b.maxIterations;
    this.batchSize = b.batchSize;
    this.outputIterations = b.outputIterations;
    this.numBases = b.numBases;
    this.bases = b.bases;
    this.seed = b.seed;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this learner's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.beta = beta;
    b.gamma = gamma;
    b.maxIterations = maxIterations;
    b.batchSize = batchSize;
    b.outputIterations = outputIterations;
    b.numBases = numBases;
    b.bases = bases;
    b.seed = seed;
    return b;
  }

  @Override
  public String name() {
    return "scml";
  }

  /**
   * Learns the metric from triplets.
   *
   * @param triplets the comparisons {@code d(a, p) < d(a, n)}
   * @return the metric
   * @throws IllegalArgumentException if explicit bases do not have {@code d} columns, if no basis
   *     can be built (every pair of the triplets joins identical points), or if no positive
   *     combination of the bases does better than the zero metric
   */
  @Override
  public MahalanobisMetric fit(Triplets triplets) {
    DMatrixRMaj x = triplets.pointsMatrix();
    int d = x.numCols;
    int[] a = triplets.anchors();
    int[] p = triplets.positives();
    int[] n = triplets.negatives();
    DMatrixRMaj basis;
    String basisKind;
    double @Nullable [] unitScale = null;
    if (bases != null) {
      basis = Kernels.toMatrix(bases);
      if (basis.numCols != d) {
        throw new IllegalArgumentException(
            "bases: expected rows of length "
                + d
                + " (the dimension of the points), found "
                + basis.numCols);
      }
      basisKind = "given";
    } else {
      int t = a.length;
      int[] first = new int[2 * t];
      int[] second = new int[2 * t];
      System.arraycopy(a, 0, first, 0, t);
      System.arraycopy(a, 0, first, t, t);
      System.arraycopy(p, 0, second, 0, t);
      System.arraycopy(n, 0, second, t, t);
      int wanted = numBases > 0 ? numBases : 20 * d;
      // bases and optimisation on standardised features, mapped back at the end
      unitScale =
          WeakMetricSupport.inverseStandardDeviations(
              x, WeakMetricSupport.usedPoints(x.numRows, a, p, n));
      x = WeakMetricSupport.scaleColumns(x, unitScale);
      basis = ScmlBases.pairDifferences(x, first, second, wanted, seed);
      basisKind = Basis.TRIPLET_DIFFERENCES.name();
      if (basis.numRows == 0) {
        throw new IllegalArgumentException(
            "triplets: every pair of the triplets joins two identical points, so no basis can be"
                + " built; expected triplets over distinct points");
      }
    }
    MahalanobisMetric metric = optimise(x, a, p, n, basis, basisKind, triplets.numPoints());
    if (unitScale == null) {
      return metric;
    }
    DMatrixRMaj l = WeakMetricSupport.scaleColumns(metric.componentsMatrix(), unitScale);
    return MahalanobisMetric.of(l, metric.fitSummary(), metric.provenance());
  }

  private MahalanobisMetric optimise(
      DMatrixRMaj x,
      int[] a,
      int[] p,
      int[] n,
      DMatrixRMaj basis,
      String basisKind,
      int numPoints) {
    int d = x.numCols;
    int k = basis.numRows;
    int t = a.length;
    // projections of every point on every basis
    DMatrixRMaj proj = new DMatrixRMaj(x.numRows, k);
    Gemm.multTransB(x, basis, proj);
    SplittableRandom random = new SplittableRandom(seed);
    int[] evalSet = evaluationSet(t, random.split());
    // measure distances in units of their typical size, so that the unit margin does not depend
    // on the units of the features
    double unit = typicalSquaredDistance(proj, a, p, n, evalSet);
    if (unit > 0) {
      CommonOps_DDRM.scale(1.0 / Math.sqrt(unit), proj);
    } else {
      unit = 1;
    }
    double[] w = new double[k];
    double[] avgGrad = new double[k];
    double[] sumSq = new double[k];
    double[] grad = new double[k];
    double[] diff = new double[k];
    double[] best = w.clone();
    double bestObj = objective(proj, a, p, n, evalSet, w);
    double lastImprovedObj = bestObj;
    int stale = 0;
    boolean converged = false;
    int iterations = 0;
    for (int it = 0; it < maxIterations; it++) {
      iterations = it + 1;
      java.util.Arrays.fill(grad, 0);
      for (int b = 0; b < batchSize; b++) {
        int idx = random.nextInt(t);
        double slack = 1 + distanceDifference(proj, a[idx], p[idx], n[idx], w, diff);
        if (slack > 0) {
          for (int i = 0; i < k; i++) {
            grad[i] += diff[i] / batchSize;
          }
        }
      }
      double scale = (it + 1) / gamma;
      for (int i = 0; i < k; i++) {
        avgGrad[i] = (it * avgGrad[i] + grad[i]) / (it + 1);
        sumSq[i] += grad[i] * grad[i];
        double shrunk = -(avgGrad[i] + beta);
        w[i] = shrunk > 0 ? scale * shrunk / (1e-3 + Math.sqrt(sumSq[i])) : 0;
      }
      if ((it + 1) % outputIterations == 0 || it + 1 == maxIterations) {
        double obj = objective(proj, a, p, n, evalSet, w);
        if (obj < bestObj) {
          bestObj = obj;
          best = w.clone();
        }
        if (bestObj < lastImprovedObj * (1 - 1e-4) - 1e-12) {
          lastImprovedObj = bestObj;
          stale = 0;
        } else if (++stale >= 5) {
          converged = true;
          break;
        }
      }
    }
    int active = 0;
    for (double v : best) {
      if (v > 0) {
        active++;
      }
    }
    if (active == 0) {
      throw new IllegalArgumentException(
          "triplets: no non-negative combination of the "
              + k
              + " bases satisfies the triplets better than the zero metric; give other bases or"
              + " check that the triplets are consistent");
    }
    DMatrixRMaj components = new DMatrixRMaj(active, d);
    int r = 0;
    for (int i = 0; i < k; i++) {
      if (best[i] > 0) {
        double s = Math.sqrt(best[i] / unit);
        for (int c = 0; c < d; c++) {
          components.set(r, c, s * basis.get(i, c));
        }
        r++;
      }
    }
    Map<String, String> hp =
        WeakMetricSupport.hyperparameters(
            "beta", beta,
            "gamma", gamma,
            "maxIterations", maxIterations,
            "batchSize", batchSize,
            "outputIterations", outputIterations,
            "basis", basisKind,
            "numBases", k,
            "activeBases", active);
    return MahalanobisMetric.of(
        components,
        new FitSummary(iterations, converged, bestObj),
        new Provenance(name(), hp, numPoints, d, seed));
  }

  /**
   * Returns the mean over the triplets in {@code set} of the squared distance of both pairs of each
   * triplet under the metric with all weights one.
   */
  private static double typicalSquaredDistance(
      DMatrixRMaj proj, int[] a, int[] p, int[] n, int[] set) {
    int k = proj.numCols;
    double total = 0;
    for (int idx : set) {
      int oa = a[idx] * k;
      int op = p[idx] * k;
      int on = n[idx] * k;
      double s = 0;
      for (int i = 0; i < k; i++) {
        double u = proj.data[oa + i] - proj.data[op + i];
        double v = proj.data[oa + i] - proj.data[on + i];
        s += u * u + v * v;
      }
      total += s / 2.0;
    }
    return total / set.length;
  }

  private static int[] evaluationSet(int t, SplittableRandom random) {
    if (t <= EVALUATION_SAMPLE) {
      return WeakMetricSupport.allRows(t);
    }
    int[] all = WeakMetricSupport.allRows(t);
    for (int i = 0; i < EVALUATION_SAMPLE; i++) {
      int j = i + random.nextInt(t - i);
      int tmp = all[i];
      all[i] = all[j];
      all[j] = tmp;
    }
    return java.util.Arrays.copyOf(all, EVALUATION_SAMPLE);
  }

  /**
   * Writes {@code diff_i = (b_i^T(x_a - x_p))^2 - (b_i^T(x_a - x_n))^2} and returns {@code diff .
   * w}.
   */
  private static double distanceDifference(
      DMatrixRMaj proj, int a, int p, int n, double[] w, double[] diff) {
    int k = proj.numCols;
    int oa = a * k;
    int op = p * k;
    int on = n * k;
    double s = 0;
    for (int i = 0; i < k; i++) {
      double u = proj.data[oa + i] - proj.data[op + i];
      double v = proj.data[oa + i] - proj.data[on + i];
      diff[i] = u * u - v * v;
      s += diff[i] * w[i];
    }
    return s;
  }

  private double objective(DMatrixRMaj proj, int[] a, int[] p, int[] n, int[] set, double[] w) {
    int k = proj.numCols;
    int[] activeIdx = new int[k];
    int active = 0;
    double reg = 0;
    for (int i = 0; i < k; i++) {
      if (w[i] > 0) {
        activeIdx[active++] = i;
        reg += w[i];
      }
    }
    double loss = 0;
    for (int idx : set) {
      int oa = a[idx] * k;
      int op = p[idx] * k;
      int on = n[idx] * k;
      double s = 1;
      for (int j = 0; j < active; j++) {
        int i = activeIdx[j];
        double u = proj.data[oa + i] - proj.data[op + i];
        double v = proj.data[oa + i] - proj.data[on + i];
        s += w[i] * (u * u - v * v);
      }
      if (s > 0) {
        loss += s;
      }
    }
    return loss / set.length + beta * reg;
  }

  /** Builds an {@link Scml}; {@link #build()} validates. */
  public static final class Builder {
    private double beta = 1e-5;
    private double gamma = 5e-3;
    private int maxIterations = 10000;
    private int batchSize = 10;
    private int outputIterations = 500;
    private int numBases;
    private double @Nullable [][] bases;
    private long seed;

    private Builder() {}

    /**
     * Sets the l1 penalty {@code beta} (default 1e-5).
     *
     * @param beta finite, {@code >= 0}
     * @return this builder
     */
    public Builder beta(double beta) {
      this.beta = beta;
      return this;
    }

    /**
     * Sets the learning-rate parameter {@code gamma} (default 5e-3; smaller means larger steps).
     *
     * @param gamma finite, {@code > 0}
     * @return this builder
     */
    public Builder gamma(double gamma) {
      this.gamma = gamma;
      return this;
    }

    /**
     * Sets the number of stochastic iterations (default 10000).
     *
     * @param maxIterations {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets the number of triplets per iteration (default 10).
     *
     * @param batchSize {@code >= 1}
     * @return this builder
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * Sets how often the objective is evaluated to keep the best weights (default every 500
     * iterations).
     *
     * @param outputIterations {@code >= 1}
     * @return this builder
     */
    public Builder outputIterations(int outputIterations) {
      this.outputIterations = outputIterations;
      return this;
    }

    /**
     * Sets the number of triplet-difference bases (default 0: {@code min(20 d, distinct pairs)}).
     * Ignored when explicit {@link #bases} are given.
     *
     * @param numBases {@code >= 0}
     * @return this builder
     */
    public Builder numBases(int numBases) {
      this.numBases = numBases;
      return this;
    }

    /**
     * Sets explicit bases instead of triplet differences.
     *
     * @param bases {@code K >= 1} rows of {@code d} finite values (copied), or {@code null} to
     *     build triplet-difference bases
     * @return this builder
     */
    public Builder bases(double @Nullable [][] bases) {
      if (bases == null) {
        this.bases = null;
        return this;
      }
      double[][] copy = new double[bases.length][];
      for (int i = 0; i < bases.length; i++) {
        copy[i] = bases[i].clone();
      }
      this.bases = copy;
      return this;
    }

    /**
     * Sets the seed of the bases and of the triplets drawn (default 0).
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
    public Scml build() {
      if (!(beta >= 0) || !Double.isFinite(beta)) {
        throw new IllegalArgumentException("beta: expected a finite value >= 0, found " + beta);
      }
      WeakMetricSupport.checkPositive("gamma", gamma);
      WeakMetricSupport.checkAtLeast("maxIterations", maxIterations, 1);
      WeakMetricSupport.checkAtLeast("batchSize", batchSize, 1);
      WeakMetricSupport.checkAtLeast("outputIterations", outputIterations, 1);
      WeakMetricSupport.checkAtLeast("numBases", numBases, 0);
      if (bases != null) {
        if (bases.length == 0) {
          throw new IllegalArgumentException("bases: expected at least one basis, found none");
        }
        int d = bases[0].length;
        for (int i = 0; i < bases.length; i++) {
          if (bases[i].length != d || d == 0) {
            throw new IllegalArgumentException(
                "bases: row " + i + " has " + bases[i].length + " values, expected " + d);
          }
          for (double v : bases[i]) {
            if (!Double.isFinite(v)) {
              throw new IllegalArgumentException(
                  "bases: expected finite values, found " + v + " in row " + i);
            }
          }
        }
      }
      return new Scml(this);
    }
  }
}
