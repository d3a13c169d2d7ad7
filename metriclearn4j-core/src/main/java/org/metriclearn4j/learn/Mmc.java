package org.metriclearn4j.learn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/**
 * Mahalanobis Metric for Clustering (MMC): E. P. Xing, A. Y. Ng, M. I. Jordan, S. Russell,
 * "Distance metric learning, with application to clustering with side-information", NIPS 2002.
 *
 * <p>{@link Form#FULL} solves the paper's problem (its eq. 2-4)
 *
 * <pre>
 *   max over M  g(M) = sum_{(i,j) dissimilar} ||x_i - x_j||_M
 *   s.t.        f(M) = sum_{(i,j) similar} ||x_i - x_j||_M^2 &lt;= 1,   M PSD
 * </pre>
 *
 * by the paper's projected gradient ascent: a step along the gradient of {@code g} made orthogonal
 * to the gradient of {@code f}, then alternating projections onto the half-space {@code f(M) <= 1}
 * and onto the PSD cone ({@link Kernels#projectToPsd}) until {@code f(M) <= 1.01} (at most {@code
 * maxProjections} rounds, fewer when a round lowers {@code f} by less than 1%), then an exact
 * rescaling onto {@code f(M) <= 1}. The step size is relative to {@code ||M||_F}; it grows by 5%
 * after a step that improves {@code g} and is halved, from the previous iterate, after one that
 * does not. The optimisation runs on features divided by the root mean square of their pair
 * differences (the problem is equivariant under that rescaling, the gradient path is not), so
 * unscaled data converge like scaled data.
 *
 * <p>{@link Form#DIAGONAL} learns {@code M = diag(a)}, a feature weighting, by minimising the
 * paper's convex objective (its eq. 6)
 *
 * <pre>
 *   h(a) = sum_{similar} ||x_i - x_j||_a^2 - c * log(sum_{dissimilar} ||x_i - x_j||_a),  a &gt;= 0
 * </pre>
 *
 * <p>with projected Newton steps (Bertsekas' variant: Newton on the coordinates not held at zero,
 * gradient on the others) and a backtracking line search.
 *
 * <p>Defaults: {@link Form#FULL}, {@code maxIterations = 100} ascent or Newton iterations, {@code
 * maxProjections = 10000}, {@code tolerance = 1e-3} (full: converged when an accepted step changes
 * {@code M} by less than this fraction of {@code ||M||_F}, or the step size falls below it;
 * diagonal: when the relative decrease of {@code h} is below it), {@code diagonalC = 1} (the weight
 * {@code c}; it only rescales the result). Pairs of identical points are ignored. The fit reports
 * the iterations, convergence and the final {@code g(M)} (full) or {@code h(a)} (diagonal).
 */
public final class Mmc implements PairsMetricLearner {
  /** Which metric MMC learns. */
  public enum Form {
    /** A full PSD matrix {@code M}. */
    FULL,
    /** A diagonal {@code M = diag(a)}: one non-negative weight per feature. */
    DIAGONAL
  }

  private final Form form;
  private final int maxIterations;
  private final int maxProjections;
  private final double tolerance;
  private final double diagonalC;

  private Mmc(Builder b) {
    this.form = b.form;
    this.maxIterations = b.maxIterations;
    this.maxProjections = b.maxProjections;
    this.tolerance = b.tolerance;
    this.diagonalC = b.diagonalC;
  }

  /** Returns a builder with the defaults stated in the class documentation. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this learner's settings. */
  public Builder toBuilder() {
    return new Builder()
        .form(form)
        .maxIterations(maxIterations)
        .maxProjections(maxProjections)
        .tolerance(tolerance)
        .diagonalC(diagonalC);
  }

  /** Returns the form of the learned metric. */
  public Form form() {
    return form;
  }

  @Override
  public String name() {
    return form == Form.FULL ? "mmc" : "mmc_diagonal";
  }

  /**
   * Learns the metric from labelled pairs.
   *
   * @param pairs similar and dissimilar pairs
   * @return the metric
   * @throws IllegalArgumentException if there is no similar pair or no dissimilar pair of two
   *     distinct points
   */
  @Override
  public MahalanobisMetric fit(Pairs pairs) {
    DMatrixRMaj x = pairs.pointsMatrix();
    int d = x.numCols;
    int[] first = pairs.first();
    int[] second = pairs.second();
    DMatrixRMaj all = WeakMetricSupport.differences(x, first, second);
    boolean[] similar = pairs.similar();
    int[][] sim = select(all, first, second, similar, true);
    int[][] dis = select(all, first, second, similar, false);
    if (sim[0].length == 0 || dis[0].length == 0) {
      throw new IllegalArgumentException(
          "pairs: MMC needs similar and dissimilar pairs of distinct points, found "
              + sim[0].length
              + " similar and "
              + dis[0].length
              + " dissimilar; add pairs of the missing kind");
    }
    Map<String, String> hp =
        WeakMetricSupport.hyperparameters(
            "form", form,
            "maxIterations", maxIterations,
            "maxProjections", maxProjections,
            "tolerance", tolerance,
            "diagonalC", diagonalC);
    Provenance provenance = new Provenance(name(), hp, pairs.numPoints(), d, 0L);
    return form == Form.FULL
        ? fitFull(x, sim, dis, provenance)
        : fitDiagonal(
            WeakMetricSupport.differences(x, sim[0], sim[1]),
            WeakMetricSupport.differences(x, dis[0], dis[1]),
            provenance);
  }

  /**
   * Returns the first and second indices of the pairs whose label is {@code wanted} and whose
   * points differ.
   */
  private static int[][] select(
      DMatrixRMaj diffs, int[] first, int[] second, boolean[] similar, boolean wanted) {
    int d = diffs.numCols;
    int[] f = new int[first.length];
    int[] g = new int[first.length];
    int count = 0;
    for (int p = 0; p < first.length; p++) {
      if (similar[p] != wanted) {
        continue;
      }
      boolean nonZero = false;
      for (int t = 0; t < d; t++) {
        nonZero |= diffs.data[p * d + t] != 0;
      }
      if (nonZero) {
        f[count] = first[p];
        g[count] = second[p];
        count++;
      }
    }
    return new int[][] {java.util.Arrays.copyOf(f, count), java.util.Arrays.copyOf(g, count)};
  }

  // ---------------------------------------------------------------- full

  private MahalanobisMetric fitFull(
      DMatrixRMaj x, int[][] sim, int[][] dis, Provenance provenance) {
    int d = x.numCols;
    // precondition: divide each feature by the root mean square of the pair differences
    DMatrixRMaj simDiffs = WeakMetricSupport.differences(x, sim[0], sim[1]);
    DMatrixRMaj disDiffs = WeakMetricSupport.differences(x, dis[0], dis[1]);
    double[] unit = new double[d];
    for (int t = 0; t < d; t++) {
      double s = 0;
      for (DMatrixRMaj m : new DMatrixRMaj[] {simDiffs, disDiffs}) {
        for (int p = 0; p < m.numRows; p++) {
          double v = m.data[p * d + t];
          s += v * v;
        }
      }
      double rms = Math.sqrt(s / (simDiffs.numRows + disDiffs.numRows));
      unit[t] = rms > 0 ? 1.0 / rms : 1.0;
    }
    DMatrixRMaj xs = scaleColumns(x, unit);
    DMatrixRMaj dd = scaleColumns(disDiffs, unit);
    Scatter scatter = new Scatter(xs, dis[0], dis[1]);
    double[] ones = new double[sim[0].length];
    java.util.Arrays.fill(ones, 1.0);
    // W = sum over similar pairs v v^T, so f(A) = <W, A>
    DMatrixRMaj w = Kernels.pairScatter(xs, sim[0], sim[1], ones);
    double wNorm2 = frobeniusDot(w, w);
    DMatrixRMaj a = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.scale(1.0 / frobeniusDot(w, a), a);
    double obj = dissimilarSum(dd, a);
    double alpha = 0.1;
    boolean converged = false;
    int iterations = 0;
    DMatrixRMaj direction = ascentDirection(scatter, dd, a, w, wNorm2);
    while (iterations < maxIterations) {
      iterations++;
      double aNorm = Math.sqrt(frobeniusDot(a, a));
      double dirNorm = Math.sqrt(frobeniusDot(direction, direction));
      if (!(dirNorm > 0)) {
        converged = true;
        break;
      }
      DMatrixRMaj candidate = a.copy();
      CommonOps_DDRM.addEquals(candidate, alpha * aNorm / dirNorm, direction);
      candidate = projectFeasible(candidate, w, wNorm2);
      double candObj = dissimilarSum(dd, candidate);
      if (candObj > obj) {
        DMatrixRMaj diff = candidate.copy();
        CommonOps_DDRM.subtractEquals(diff, a);
        double change = Math.sqrt(frobeniusDot(diff, diff)) / aNorm;
        a = candidate;
        obj = candObj;
        alpha *= 1.05;
        if (change < tolerance) {
          converged = true;
          break;
        }
        direction = ascentDirection(scatter, dd, a, w, wNorm2);
      } else {
        alpha /= 2;
        if (alpha < tolerance) {
          converged = true;
          break;
        }
      }
    }
    // back to the original units: M = D A D with D = diag(unit)
    DMatrixRMaj m = a.copy();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        m.data[i * d + j] *= unit[i] * unit[j];
      }
    }
    return WeakMetricSupport.metricOf(m, new FitSummary(iterations, converged, obj), provenance);
  }

  /**
   * Alternating projections onto {@code <W, A> <= 1} and the PSD cone, until {@code <W, A> <=
   * 1.01}, {@code maxProjections} rounds, or a round that lowers {@code <W, A>} by less than 1%;
   * then an exact rescaling if still above 1.
   */
  private DMatrixRMaj projectFeasible(DMatrixRMaj a, DMatrixRMaj w, double wNorm2) {
    DMatrixRMaj current = a;
    double previous = Double.POSITIVE_INFINITY;
    for (int it = 0; it < maxProjections; it++) {
      double f = frobeniusDot(w, current);
      if (f > 1) {
        current = current.copy();
        CommonOps_DDRM.addEquals(current, -(f - 1) / wNorm2, w);
      }
      current = Kernels.projectToPsd(current);
      double after = frobeniusDot(w, current);
      if (after <= 1.01 || after > 0.99 * previous) {
        break;
      }
      previous = after;
    }
    double f = frobeniusDot(w, current);
    if (f > 1) {
      current = current.copy();
      CommonOps_DDRM.scale(1.0 / f, current);
    }
    return current;
  }

  /** The dissimilar pairs, for {@link Kernels#pairScatter}. */
  private record Scatter(DMatrixRMaj x, int[] first, int[] second) {}

  /** The gradient of {@code g} made orthogonal to {@code W}. */
  private static DMatrixRMaj ascentDirection(
      Scatter scatter, DMatrixRMaj dis, DMatrixRMaj a, DMatrixRMaj w, double wNorm2) {
    double[] dist = WeakMetricSupport.quadraticForms(dis, a);
    double[] weights = new double[dist.length];
    double floor = 1e-12 * maxOf(dist);
    for (int p = 0; p < dist.length; p++) {
      weights[p] = 0.5 / Math.sqrt(Math.max(dist[p], floor));
    }
    DMatrixRMaj grad = Kernels.pairScatter(scatter.x(), scatter.first(), scatter.second(), weights);
    double along = frobeniusDot(grad, w) / wNorm2;
    CommonOps_DDRM.addEquals(grad, -along, w);
    return grad;
  }

  private static double dissimilarSum(DMatrixRMaj dis, DMatrixRMaj a) {
    double s = 0;
    for (double q : WeakMetricSupport.quadraticForms(dis, a)) {
      s += Math.sqrt(q);
    }
    return s;
  }

  // ---------------------------------------------------------------- diagonal

  private MahalanobisMetric fitDiagonal(DMatrixRMaj sim, DMatrixRMaj dis, Provenance provenance) {
    int d = sim.numCols;
    double[] sSum = new double[d];
    for (int p = 0; p < sim.numRows; p++) {
      for (int t = 0; t < d; t++) {
        double v = sim.data[p * d + t];
        sSum[t] += v * v;
      }
    }
    DMatrixRMaj q = dis.copy();
    for (int i = 0; i < q.data.length; i++) {
      q.data[i] *= q.data[i];
    }
    // start: the best multiple of the identity, t = c / (2 sum_j sSum_j)
    double total = 0;
    for (double v : sSum) {
      total += v;
    }
    double[] a = new double[d];
    java.util.Arrays.fill(a, total > 0 ? diagonalC / (2 * total) : 1.0);
    double h = diagonalObjective(sSum, q, a);
    boolean converged = false;
    int iterations = 0;
    double[] grad = new double[d];
    DMatrixRMaj hess = new DMatrixRMaj(d, d);
    while (iterations < maxIterations) {
      iterations++;
      diagonalDerivatives(sSum, q, a, grad, hess);
      // active set: at zero with a positive gradient
      double eps = 1e-12 * maxOf(a);
      boolean[] active = new boolean[d];
      int free = 0;
      for (int t = 0; t < d; t++) {
        active[t] = a[t] <= eps && grad[t] > 0;
        if (!active[t]) {
          free++;
        }
      }
      double[] step = new double[d];
      if (free > 0) {
        int[] map = new int[free];
        int f = 0;
        for (int t = 0; t < d; t++) {
          if (!active[t]) {
            map[f++] = t;
          }
        }
        DMatrixRMaj hf = new DMatrixRMaj(free, free);
        DMatrixRMaj gf = new DMatrixRMaj(free, 1);
        double diagScale = 0;
        for (int i = 0; i < free; i++) {
          diagScale = Math.max(diagScale, hess.get(map[i], map[i]));
        }
        for (int i = 0; i < free; i++) {
          gf.set(i, 0, grad[map[i]]);
          for (int j = 0; j < free; j++) {
            hf.set(i, j, hess.get(map[i], map[j]));
          }
          hf.add(i, i, 1e-10 * Math.max(diagScale, 1e-300));
        }
        DMatrixRMaj sf = new DMatrixRMaj(free, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(free);
        boolean solved = solver.setA(hf);
        if (solved) {
          solver.solve(gf, sf);
        }
        for (int i = 0; i < free; i++) {
          double v = solved ? sf.get(i, 0) : grad[map[i]] / Math.max(hf.get(i, i), 1e-300);
          step[map[i]] = Double.isFinite(v) ? v : 0;
        }
      }
      for (int t = 0; t < d; t++) {
        if (active[t]) {
          step[t] = grad[t] / Math.max(hess.get(t, t), 1e-300);
        }
      }
      // backtracking line search on the projected path
      double t0 = 1.0;
      double[] trial = new double[d];
      double hTrial = Double.POSITIVE_INFINITY;
      boolean improved = false;
      for (int ls = 0; ls < 60; ls++) {
        for (int t = 0; t < d; t++) {
          trial[t] = Math.max(0, a[t] - t0 * step[t]);
        }
        hTrial = diagonalObjective(sSum, q, trial);
        if (hTrial < h) {
          improved = true;
          break;
        }
        t0 /= 2;
      }
      if (!improved) {
        converged = true;
        break;
      }
      double decrease = (h - hTrial) / Math.max(Math.abs(hTrial), 1e-300);
      System.arraycopy(trial, 0, a, 0, d);
      h = hTrial;
      if (decrease < tolerance) {
        converged = true;
        break;
      }
    }
    DMatrixRMaj m = new DMatrixRMaj(d, d);
    for (int t = 0; t < d; t++) {
      m.set(t, t, a[t]);
    }
    return WeakMetricSupport.metricOf(m, new FitSummary(iterations, converged, h), provenance);
  }

  private double diagonalObjective(double[] sSum, DMatrixRMaj q, double[] a) {
    int d = a.length;
    double lin = 0;
    for (int t = 0; t < d; t++) {
      lin += sSum[t] * a[t];
    }
    double total = 0;
    for (int p = 0; p < q.numRows; p++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        s += q.data[p * d + t] * a[t];
      }
      total += Math.sqrt(Math.max(s, 0));
    }
    return total > 0 ? lin - diagonalC * Math.log(total) : Double.POSITIVE_INFINITY;
  }

  private void diagonalDerivatives(
      double[] sSum, DMatrixRMaj q, double[] a, double[] grad, DMatrixRMaj hess) {
    int d = a.length;
    double[] dDist = new double[d];
    DMatrixRMaj curvature = new DMatrixRMaj(d, d);
    double total = 0;
    double[] dist = new double[q.numRows];
    double maxDist = 0;
    for (int p = 0; p < q.numRows; p++) {
      double s = 0;
      for (int t = 0; t < d; t++) {
        s += q.data[p * d + t] * a[t];
      }
      dist[p] = Math.sqrt(Math.max(s, 0));
      maxDist = Math.max(maxDist, dist[p]);
    }
    double floor = 1e-9 * Math.max(maxDist, 1e-300);
    DMatrixRMaj scaledQ = new DMatrixRMaj(q.numRows, d);
    for (int p = 0; p < q.numRows; p++) {
      double dp = Math.max(dist[p], floor);
      total += dist[p];
      double c1 = 0.5 / dp;
      double c3 = Math.sqrt(0.25 / (dp * dp * dp));
      for (int t = 0; t < d; t++) {
        dDist[t] += c1 * q.data[p * d + t];
        scaledQ.data[p * d + t] = c3 * q.data[p * d + t];
      }
    }
    CommonOps_DDRM.multTransA(scaledQ, scaledQ, curvature);
    double c = diagonalC;
    for (int i = 0; i < d; i++) {
      grad[i] = sSum[i] - c * dDist[i] / total;
      for (int j = 0; j < d; j++) {
        hess.set(i, j, c * curvature.get(i, j) / total + c * dDist[i] * dDist[j] / (total * total));
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static DMatrixRMaj scaleColumns(DMatrixRMaj m, double[] f) {
    DMatrixRMaj out = m.copy();
    int d = m.numCols;
    for (int p = 0; p < m.numRows; p++) {
      for (int t = 0; t < d; t++) {
        out.data[p * d + t] *= f[t];
      }
    }
    return out;
  }

  private static double frobeniusDot(DMatrixRMaj a, DMatrixRMaj b) {
    double s = 0;
    for (int i = 0; i < a.numRows * a.numCols; i++) {
      s += a.data[i] * b.data[i];
    }
    return s;
  }

  private static double maxOf(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /** Builds an {@link Mmc}; {@link #build()} validates. */
  public static final class Builder {
    private Form form = Form.FULL;
    private int maxIterations = 100;
    private int maxProjections = 10000;
    private double tolerance = 1e-3;
    private double diagonalC = 1.0;

    private Builder() {}

    /**
     * Sets the form of the metric (default {@link Form#FULL}).
     *
     * @param form full or diagonal
     * @return this builder
     */
    public Builder form(Form form) {
      this.form = form;
      return this;
    }

    /**
     * Sets the maximum number of ascent (full) or Newton (diagonal) iterations (default 100).
     *
     * @param maxIterations {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets the maximum number of alternating-projection rounds per step (default 10000).
     *
     * @param maxProjections {@code >= 1}
     * @return this builder
     */
    public Builder maxProjections(int maxProjections) {
      this.maxProjections = maxProjections;
      return this;
    }

    /**
     * Sets the convergence tolerance (default 1e-3).
     *
     * @param tolerance finite, {@code > 0}
     * @return this builder
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the weight {@code c} of the log term of the diagonal objective (default 1).
     *
     * @param diagonalC finite, {@code > 0}
     * @return this builder
     */
    public Builder diagonalC(double diagonalC) {
      this.diagonalC = diagonalC;
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Mmc build() {
      WeakMetricSupport.checkAtLeast("maxIterations", maxIterations, 1);
      WeakMetricSupport.checkAtLeast("maxProjections", maxProjections, 1);
      WeakMetricSupport.checkPositive("tolerance", tolerance);
      WeakMetricSupport.checkPositive("diagonalC", diagonalC);
      return new Mmc(this);
    }
  }
}
