package org.metriclearn4j.learn;

import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
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
 * It is convex (a concave {@code g} maximised over a convex set), the constraint is active at the
 * optimum and {@code g} is homogeneous of degree 1/2, so it is the scale-free problem {@code min
 * f(M) / g(M)^2}. Writing {@code M = P B P^T} with {@code P = U (Omega + rho I)^(-1/2)}, where
 * {@code W = U Omega U^T} is the eigen-decomposition of the similar-pair scatter {@code W = sum_S
 * (x_i - x_j)(x_i - x_j)^T} (so {@code f(M) = <W, M>}) and {@code rho = 1e-9 tr(W) / d} a ridge,
 * turns the feasible set into the spectraplex {@code {B PSD, tr B <= 1}}. The Euclidean projection
 * onto it is exact (one eigen-decomposition: the eigenvalues are projected onto {@code {mu >= 0,
 * sum mu <= 1}}), so the fit is a convergent projected gradient ascent: spectral projected gradient
 * (Birgin, Martinez, Raydan, SIAM J. Optim. 2000) with Barzilai-Borwein step sizes and a
 * non-monotone Armijo search (memory 10, constant 1e-4) along the projected direction. It stops
 * when the Frank-Wolfe duality gap {@code max(0, lambda_max(grad G(B))) - <grad G(B), B>}, an upper
 * bound on the distance of {@code G(B) = g(P B P^T)} to the optimum, is at most {@code tolerance *
 * G(B)}. The ridge only matters when {@code W} is singular (fewer independent similar differences
 * than features, e.g. {@code d > n}): then the paper's problem is unbounded in the directions no
 * similar pair varies in, and the result concentrates on them. The optimisation runs on features
 * divided by the root mean square of their pair differences (the problem is equivariant under that
 * rescaling, the ridge is not), so the result does not depend on feature units. The returned {@code
 * M} satisfies {@code f(M) + rho tr(M) = 1} in those units. Without a ridge or rank constraint the
 * optimum is often of low rank (rank one on iris with all pairs, rank three on digits).
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
 * <p>Defaults: {@link Form#FULL}, {@code maxIterations = 100} projected-gradient or Newton
 * iterations, {@code tolerance = 1e-3} (full: converged when the relative duality gap is below it;
 * diagonal: when the relative decrease of {@code h} is below it), {@code diagonalC = 1} (the weight
 * {@code c}; it only rescales the result). Pairs of identical points are ignored. The fit reports
 * the iterations, convergence and the final {@code g(M)} (full) or {@code h(a)} (diagonal). The
 * full form is not converged when it stops at {@code maxIterations}, or when no step increases
 * {@code G} at working precision before the gap falls below the tolerance.
 */
public final class Mmc implements PairsMetricLearner {
  /** The ridge relative to the mean eigenvalue of the similar-pair scatter. */
  private static final double RIDGE = 1e-9;

  /** Objective values the non-monotone line search compares against. */
  private static final int NONMONOTONE_MEMORY = 10;

  /** Sufficient-increase constant of the line search. */
  private static final double ARMIJO = 1e-4;

  /** Halvings of the step before the line search gives up. */
  private static final int MAX_BACKTRACKS = 60;

  private static final double MIN_STEP = 1e-30;
  private static final double MAX_STEP = 1e30;

  /** Which metric MMC learns. */
  public enum Form {
    /** A full PSD matrix {@code M}. */
    FULL,
    /** A diagonal {@code M = diag(a)}: one non-negative weight per feature. */
    DIAGONAL
  }

  private final Form form;
  private final int maxIterations;
  private final double tolerance;
  private final double diagonalC;

  private Mmc(Builder b) {
    this.form = b.form;
    this.maxIterations = b.maxIterations;
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
    double[] ones = new double[sim[0].length];
    java.util.Arrays.fill(ones, 1.0);
    // W = sum over similar pairs v v^T, so f(A) = <W, A>; whiten with P = U (Omega + rho I)^(-1/2)
    DMatrixRMaj w = Kernels.pairScatter(xs, sim[0], sim[1], ones);
    SymmetricEigen wEig = Kernels.symmetricEigen(w);
    double trace = 0;
    for (double v : wEig.values()) {
      trace += Math.max(v, 0);
    }
    double rho = RIDGE * trace / d;
    DMatrixRMaj p = wEig.vectors().copy();
    for (int c = 0; c < d; c++) {
      double s = 1 / Math.sqrt(Math.max(wEig.values()[c], 0) + rho);
      for (int r = 0; r < d; r++) {
        p.data[r * d + c] *= s;
      }
    }
    DMatrixRMaj xw = new DMatrixRMaj(x.numRows, d);
    Gemm.mult(xs, p, xw);
    Whitened problem =
        new Whitened(xw, dis[0], dis[1], WeakMetricSupport.differences(xw, dis[0], dis[1]));
    // spectral projected gradient ascent of G(B) over {B PSD, tr B <= 1}
    DMatrixRMaj b = CommonOps_DDRM.identity(d);
    CommonOps_DDRM.scale(1.0 / d, b);
    double[] dist = problem.distances(b);
    double obj = sum(dist);
    DMatrixRMaj grad = problem.gradient(dist);
    double step = Math.sqrt(frobeniusDot(b, b) / frobeniusDot(grad, grad));
    double[] recent = new double[NONMONOTONE_MEMORY];
    java.util.Arrays.fill(recent, obj);
    DMatrixRMaj best = b;
    double bestObj = obj;
    boolean converged = false;
    int iterations = 0;
    while (true) {
      double gap = Math.max(0, Kernels.symmetricEigen(grad).values()[0]) - frobeniusDot(grad, b);
      if (gap <= tolerance * obj) {
        converged = true;
        break;
      }
      if (iterations == maxIterations) {
        break;
      }
      iterations++;
      DMatrixRMaj target = b.copy();
      CommonOps_DDRM.addEquals(target, step, grad);
      DMatrixRMaj direction = projectToSpectraplex(target);
      CommonOps_DDRM.subtractEquals(direction, b);
      double slope = frobeniusDot(grad, direction);
      double reference = obj;
      for (double r : recent) {
        reference = Math.min(reference, r);
      }
      double lambda = 1;
      DMatrixRMaj trial = b;
      double[] trialDist = dist;
      double trialObj = obj;
      boolean accepted = false;
      for (int ls = 0; ls < MAX_BACKTRACKS && slope > 0; ls++) {
        trial = b.copy();
        CommonOps_DDRM.addEquals(trial, lambda, direction);
        trialDist = problem.distances(trial);
        trialObj = sum(trialDist);
        if (trialObj >= reference + ARMIJO * lambda * slope) {
          accepted = true;
          break;
        }
        lambda /= 2;
      }
      if (!accepted) {
        // no ascent left at working precision: report the duality gap as it stands
        break;
      }
      DMatrixRMaj trialGrad = problem.gradient(trialDist);
      DMatrixRMaj s = trial.copy();
      CommonOps_DDRM.subtractEquals(s, b);
      DMatrixRMaj y = trialGrad.copy();
      CommonOps_DDRM.subtractEquals(y, grad);
      double sy = -frobeniusDot(s, y);
      double ss = frobeniusDot(s, s);
      step = sy > 0 ? Math.min(MAX_STEP, Math.max(MIN_STEP, ss / sy)) : MAX_STEP;
      b = trial;
      dist = trialDist;
      obj = trialObj;
      grad = trialGrad;
      recent[iterations % NONMONOTONE_MEMORY] = obj;
      if (obj > bestObj) {
        best = b;
        bestObj = obj;
      }
    }
    if (!converged) {
      // the non-monotone search may end below an earlier iterate
      b = best;
      obj = bestObj;
    }
    // back to the original units: M = D P B P^T D with D = diag(unit)
    DMatrixRMaj pb = new DMatrixRMaj(d, d);
    Gemm.mult(p, b, pb);
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    Gemm.multTransB(pb, p, a);
    Kernels.symmetrize(a);
    DMatrixRMaj m = a.copy();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        m.data[i * d + j] *= unit[i] * unit[j];
      }
    }
    return WeakMetricSupport.metricOf(m, new FitSummary(iterations, converged, obj), provenance);
  }

  /**
   * Returns the Euclidean projection of a symmetric matrix onto {@code {B PSD, tr B <= 1}}: its
   * eigenvalues projected onto {@code {mu >= 0, sum mu <= 1}}.
   */
  private static DMatrixRMaj projectToSpectraplex(DMatrixRMaj symmetric) {
    SymmetricEigen eig = Kernels.symmetricEigen(symmetric);
    double[] lambda = eig.values();
    int d = lambda.length;
    double[] mu = new double[d];
    double clipped = 0;
    for (int i = 0; i < d; i++) {
      mu[i] = Math.max(0, lambda[i]);
      clipped += mu[i];
    }
    if (clipped > 1) {
      // onto the simplex sum mu = 1 (eigenvalues come in descending order)
      double cumulative = 0;
      double theta = 0;
      for (int i = 0; i < d; i++) {
        cumulative += lambda[i];
        double candidate = (cumulative - 1) / (i + 1);
        if (lambda[i] - candidate > 0) {
          theta = candidate;
        }
      }
      for (int i = 0; i < d; i++) {
        mu[i] = Math.max(0, lambda[i] - theta);
      }
    }
    int rank = 0;
    while (rank < d && mu[rank] > 0) {
      rank++;
    }
    DMatrixRMaj v = new DMatrixRMaj(d, rank);
    DMatrixRMaj scaled = new DMatrixRMaj(d, rank);
    for (int r = 0; r < d; r++) {
      for (int c = 0; c < rank; c++) {
        double e = eig.vectors().data[r * d + c];
        v.data[r * rank + c] = e;
        scaled.data[r * rank + c] = e * mu[c];
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    Gemm.multTransB(scaled, v, out);
    Kernels.symmetrize(out);
    return out;
  }

  /** The dissimilar pairs over the whitened points. */
  private record Whitened(DMatrixRMaj x, int[] first, int[] second, DMatrixRMaj differences) {

    /** Returns {@code ||u_p||_B} for every dissimilar pair. */
    double[] distances(DMatrixRMaj b) {
      double[] q = WeakMetricSupport.quadraticForms(differences, b);
      for (int i = 0; i < q.length; i++) {
        q[i] = Math.sqrt(q[i]);
      }
      return q;
    }

    /** Returns the gradient {@code sum_p u_p u_p^T / (2 ||u_p||_B)} of {@code G}. */
    DMatrixRMaj gradient(double[] dist) {
      double[] weights = new double[dist.length];
      double floor = 1e-12 * maxOf(dist);
      for (int p = 0; p < dist.length; p++) {
        weights[p] = 0.5 / Math.max(dist[p], floor);
      }
      return Kernels.pairScatter(x, first, second, weights);
    }
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
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
    Gemm.multTransA(scaledQ, scaledQ, curvature);
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
     * Sets the maximum number of projected-gradient (full) or Newton (diagonal) iterations (default
     * 100).
     *
     * @param maxIterations {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
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
      WeakMetricSupport.checkPositive("tolerance", tolerance);
      WeakMetricSupport.checkPositive("diagonalC", diagonalC);
      return new Mmc(this);
    }
  }
}
