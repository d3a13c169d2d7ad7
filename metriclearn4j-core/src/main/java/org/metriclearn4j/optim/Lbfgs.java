package org.metriclearn4j.optim;

/**
 * Limited-memory BFGS minimiser with a strong-Wolfe line search.
 *
 * <p>The search direction comes from the two-loop recursion over the last {@code memory} pairs of
 * steps and gradient changes, with the initial inverse Hessian scaled by {@code s^T y / y^T y}
 * (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed., Springer 2006, Algorithm 7.4 and
 * eq. 7.20). Each step length satisfies the strong Wolfe conditions with {@code c1 = 1e-4} and
 * {@code c2 = 0.9}, found by bracketing and zooming with safeguarded cubic interpolation
 * (Algorithms 3.5 and 3.6, eq. 3.59); the bracketing phase doubles the trial step. The first
 * iteration of a run without correction pairs (or after a restart) tries {@code alpha = min(1,
 * 1/||g||)} along {@code -g}, a move of length at most 1; later iterations try the unit step first.
 * A run can start from the pairs another run ended with ({@link CorrectionPairs}).
 *
 * <p>Stopping (checked after every accepted step): the largest absolute gradient entry is {@code <=
 * gradientTolerance}; or the value decreased by at most {@code relativeFunctionTolerance *
 * max(|f_k|, |f_{k+1}|, 1)}; or {@code maxIterations} steps were taken. If the line search finds no
 * acceptable step, the memory is cleared and the steepest-descent direction is tried once; if that
 * fails too, the run stops with {@link StopReason#LINE_SEARCH_FAILED}, or {@link
 * StopReason#NON_FINITE_VALUE} when non-finite values were met on the way; a relative decrease
 * below the tolerance in a step that was cut short by non-finite values also stops with {@link
 * StopReason#NON_FINITE_VALUE} (not converged). Every line search uses at most {@value
 * #MAX_LINE_SEARCH_EVALUATIONS} evaluations, so a run always ends.
 *
 * <p>Immutable and thread-safe; all arithmetic is sequential, so results are bit-reproducible.
 * Defaults: memory 10, maxIterations 1000, gradientTolerance 1e-5, relativeFunctionTolerance 1e-10.
 */
public final class Lbfgs {
  /** Sufficient-decrease (Armijo) constant of the strong Wolfe conditions. */
  static final double C1 = 1e-4;

  /** Curvature constant of the strong Wolfe conditions. */
  static final double C2 = 0.9;

  /** Most function evaluations a single line search may use. */
  public static final int MAX_LINE_SEARCH_EVALUATIONS = 40;

  private final int memory;
  private final int maxIterations;
  private final double gradientTolerance;
  private final double relativeFunctionTolerance;

  private Lbfgs(Builder b) {
    this.memory = b.memory;
    this.maxIterations = b.maxIterations;
    this.gradientTolerance = b.gradientTolerance;
    this.relativeFunctionTolerance = b.relativeFunctionTolerance;
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns how many correction pairs are kept. */
  public int memory() {
    return memory;
  }

  /** Returns the iteration limit. */
  public int maxIterations() {
    return maxIterations;
  }

  /** Returns the gradient tolerance (largest absolute entry). */
  public double gradientTolerance() {
    return gradientTolerance;
  }

  /** Returns the relative function-decrease tolerance. */
  public double relativeFunctionTolerance() {
    return relativeFunctionTolerance;
  }

  /**
   * Minimises {@code function} from {@code start}.
   *
   * @param function the function to minimise
   * @param start the starting point, length {@code >= 1}, all finite (not modified)
   * @return the best point found and why the run stopped
   * @throws IllegalArgumentException if {@code start} is empty or not finite, or if the function's
   *     value or gradient at {@code start} is not finite (nothing can be minimised from there)
   */
  public OptimizationResult minimize(DifferentiableFunction function, double[] start) {
    checkStart(start);
    return minimize(function, start, new CorrectionPairs(memory, start.length));
  }

  /**
   * Minimises {@code function} from {@code start}, starting from the curvature in {@code pairs}
   * rather than from steepest descent, and leaves the run's last pairs in {@code pairs}. For a
   * sequence of runs on slowly changing functions (an active-set method that refreshes its set
   * between runs): a restart from steepest descent loses the curvature the previous run built up,
   * and its short first steps can meet the relative-decrease test far from the minimum.
   *
   * @param function the function to minimise
   * @param start the starting point, length {@code >= 1}, all finite (not modified)
   * @param pairs read: the correction pairs to start from (none in a new one); written: the pairs
   *     at the end of this run
   * @return the best point found and why the run stopped
   * @throws IllegalArgumentException if {@code start} is empty or not finite, if {@code pairs} was
   *     made for another memory or dimension, or if the function's value or gradient at {@code
   *     start} is not finite
   */
  public OptimizationResult minimize(
      DifferentiableFunction function, double[] start, CorrectionPairs pairs) {
    int n = start.length;
    checkStart(start);
    pairs.check(memory, n);
    double[] x = start.clone();
    double[] g = new double[n];
    double fx = function.valueAndGradient(x, g);
    int evaluations = 1;
    if (!Double.isFinite(fx)) {
      throw new IllegalArgumentException(
          "function: expected a finite value at the starting point, found "
              + fx
              + "; check the function and the starting point");
    }
    int bad = firstNonFinite(g);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          "function: expected a finite gradient at the starting point, found "
              + g[bad]
              + " at index "
              + bad
              + "; check the function and the starting point");
    }
    if (maxAbs(g) <= gradientTolerance) {
      return new OptimizationResult(x, fx, 0, evaluations, true, StopReason.GRADIENT_TOLERANCE);
    }

    double[][] s = pairs.s;
    double[][] y = pairs.y;
    double[] rho = pairs.rho;
    double[] alphas = new double[memory];
    double[] d = new double[n];
    LineSearch search = new LineSearch(function, n);
    int iteration = 0;
    while (iteration < maxIterations) {
      // search direction
      double initialStep;
      if (pairs.stored == 0) {
        for (int i = 0; i < n; i++) {
          d[i] = -g[i];
        }
        initialStep = Math.min(1, 1 / Math.sqrt(dot(g, g)));
      } else {
        twoLoop(g, s, y, rho, alphas, pairs.stored, pairs.newest, d);
        initialStep = 1;
      }
      double slope = dot(d, g);
      if (!(slope < 0)) {
        if (pairs.stored == 0) {
          // the gradient is too small for its square to be represented: nothing more to gain
          return new OptimizationResult(
              x, fx, iteration, evaluations, false, StopReason.LINE_SEARCH_FAILED);
        }
        // numerically not a descent direction: restart from steepest descent
        pairs.clear();
        continue;
      }
      LineSearch.Outcome outcome = search.run(x, fx, g, d, slope, initialStep);
      evaluations += search.evaluations;
      if (outcome == LineSearch.Outcome.FAILED) {
        if (pairs.stored > 0) {
          pairs.clear();
          continue;
        }
        StopReason reason =
            search.sawNonFinite ? StopReason.NON_FINITE_VALUE : StopReason.LINE_SEARCH_FAILED;
        return new OptimizationResult(x, fx, iteration, evaluations, false, reason);
      }
      // accept the step
      double sy = 0;
      double yy = 0;
      for (int i = 0; i < n; i++) {
        double si = search.x[i] - x[i];
        double yi = search.g[i] - g[i];
        sy += si * yi;
        yy += yi * yi;
      }
      if (sy > 1e-12 * yy && yy > 0) {
        // the curvature condition holds: keep the pair (skipped otherwise, keeping H positive)
        int slot = (pairs.newest + 1) % memory;
        for (int i = 0; i < n; i++) {
          s[slot][i] = search.x[i] - x[i];
          y[slot][i] = search.g[i] - g[i];
        }
        rho[slot] = 1 / sy;
        pairs.newest = slot;
        pairs.stored = Math.min(pairs.stored + 1, memory);
      }
      double previous = fx;
      System.arraycopy(search.x, 0, x, 0, n);
      System.arraycopy(search.g, 0, g, 0, n);
      fx = search.value;
      iteration++;
      if (maxAbs(g) <= gradientTolerance) {
        return new OptimizationResult(
            x, fx, iteration, evaluations, true, StopReason.GRADIENT_TOLERANCE);
      }
      double scale = Math.max(1, Math.max(Math.abs(previous), Math.abs(fx)));
      if (previous - fx <= relativeFunctionTolerance * scale) {
        // a small decrease forced by a non-finite region along the direction is not convergence
        return search.sawNonFinite
            ? new OptimizationResult(
                x, fx, iteration, evaluations, false, StopReason.NON_FINITE_VALUE)
            : new OptimizationResult(
                x, fx, iteration, evaluations, true, StopReason.FUNCTION_TOLERANCE);
      }
    }
    return new OptimizationResult(x, fx, iteration, evaluations, false, StopReason.MAX_ITERATIONS);
  }

  private static void checkStart(double[] start) {
    if (start.length == 0) {
      throw new IllegalArgumentException("start: expected at least one variable, found none");
    }
    for (int i = 0; i < start.length; i++) {
      if (!Double.isFinite(start[i])) {
        throw new IllegalArgumentException(
            "start: expected finite values, found " + start[i] + " at index " + i);
      }
    }
  }

  /** Writes {@code d = -H g} with the two-loop recursion (Nocedal &amp; Wright, Alg. 7.4). */
  private static void twoLoop(
      double[] g,
      double[][] s,
      double[][] y,
      double[] rho,
      double[] alphas,
      int stored,
      int newest,
      double[] d) {
    int m = s.length;
    int n = g.length;
    double[] q = d;
    System.arraycopy(g, 0, q, 0, n);
    for (int k = 0; k < stored; k++) {
      int idx = Math.floorMod(newest - k, m);
      double a = rho[idx] * dot(s[idx], q);
      alphas[idx] = a;
      double[] yi = y[idx];
      for (int i = 0; i < n; i++) {
        q[i] -= a * yi[i];
      }
    }
    double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
    for (int i = 0; i < n; i++) {
      q[i] *= gamma;
    }
    for (int k = stored - 1; k >= 0; k--) {
      int idx = Math.floorMod(newest - k, m);
      double beta = rho[idx] * dot(y[idx], q);
      double[] si = s[idx];
      double coefficient = alphas[idx] - beta;
      for (int i = 0; i < n; i++) {
        q[i] += coefficient * si[i];
      }
    }
    for (int i = 0; i < n; i++) {
      q[i] = -q[i];
    }
  }

  static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double e : v) {
      m = Math.max(m, Math.abs(e));
    }
    return m;
  }

  static int firstNonFinite(double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (!Double.isFinite(v[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The correction pairs {@code (s_k, y_k)} of an L-BFGS run (steps and gradient changes), carried
   * from one run into the next by {@link #minimize(DifferentiableFunction, double[],
   * CorrectionPairs)}. Mutable and not thread-safe: one sequence of runs owns it.
   */
  public static final class CorrectionPairs {
    private final double[][] s;
    private final double[][] y;
    private final double[] rho;
    private int stored;
    private int newest = -1;

    /**
     * Creates an empty set of pairs: a run that starts from it starts from steepest descent.
     *
     * @param memory how many pairs are kept; must equal the {@link Lbfgs#memory()} of the runs
     * @param dimension the number of variables of the runs
     * @throws IllegalArgumentException if {@code memory < 1} or {@code dimension < 1}
     */
    public CorrectionPairs(int memory, int dimension) {
      if (memory < 1) {
        throw new IllegalArgumentException("memory: expected >= 1, found " + memory);
      }
      if (dimension < 1) {
        throw new IllegalArgumentException("dimension: expected >= 1, found " + dimension);
      }
      this.s = new double[memory][dimension];
      this.y = new double[memory][dimension];
      this.rho = new double[memory];
    }

    /** Returns how many pairs are held, at most the memory. */
    public int size() {
      return stored;
    }

    private void clear() {
      stored = 0;
      newest = -1;
    }

    private void check(int memory, int dimension) {
      if (s.length != memory || s[0].length != dimension) {
        throw new IllegalArgumentException(
            "pairs: expected pairs for memory "
                + memory
                + " and "
                + dimension
                + " variables, found memory "
                + s.length
                + " and "
                + s[0].length
                + " variables");
      }
    }
  }

  @Override
  public String toString() {
    return "Lbfgs[memory="
        + memory
        + ", maxIterations="
        + maxIterations
        + ", gradientTolerance="
        + gradientTolerance
        + ", relativeFunctionTolerance="
        + relativeFunctionTolerance
        + "]";
  }

  /**
   * A strong-Wolfe line search along {@code d} from {@code x} (Nocedal &amp; Wright, Algorithms 3.5
   * and 3.6). One instance is reused across iterations of one run; it is not thread-safe.
   */
  static final class LineSearch {
    /** The result of one search. */
    enum Outcome {
      /** A step satisfying the strong Wolfe conditions was found. */
      WOLFE,
      /**
       * The evaluation budget ran out or the bracket collapsed, but a step with sufficient decrease
       * was found and is returned.
       */
      SUFFICIENT_DECREASE,
      /** No step with sufficient decrease was found. */
      FAILED
    }

    private final DifferentiableFunction function;
    private final double[] trial;
    private final double[] trialGradient;

    /** The accepted point, its gradient and value (valid unless the outcome is FAILED). */
    final double[] x;

    final double[] g;
    double value;

    /** Evaluations used by the last search. */
    int evaluations;

    /** Whether the last search met a non-finite value or gradient. */
    boolean sawNonFinite;

    private double[] origin = new double[0];
    private double[] direction = new double[0];
    private double phi0;
    private double slope0;

    // whether x, g, value hold a point with sufficient decrease (the best one so far)
    private boolean loStored;

    LineSearch(DifferentiableFunction function, int n) {
      this.function = function;
      this.trial = new double[n];
      this.trialGradient = new double[n];
      this.x = new double[n];
      this.g = new double[n];
    }

    Outcome run(
        double[] from, double value0, double[] gradient0, double[] d, double slope, double step) {
      this.origin = from;
      this.direction = d;
      this.phi0 = value0;
      this.slope0 = slope;
      this.evaluations = 0;
      this.sawNonFinite = false;
      this.loStored = false;

      double aPrev = 0;
      double phiPrev = value0;
      double dphiPrev = slope;
      double a = step;
      for (int i = 1; evaluations < MAX_LINE_SEARCH_EVALUATIONS; i++) {
        double phiA = evaluate(a);
        if (!finiteTrial(phiA)) {
          return zoom(aPrev, phiPrev, dphiPrev, a, Double.NaN, Double.NaN);
        }
        double dphiA = Lbfgs.dot(trialGradient, direction);
        if (phiA > phi0 + C1 * a * slope0 || (i > 1 && phiA >= phiPrev)) {
          return zoom(aPrev, phiPrev, dphiPrev, a, phiA, dphiA);
        }
        storeLow(phiA);
        if (Math.abs(dphiA) <= -C2 * slope0) {
          return Outcome.WOLFE;
        }
        if (dphiA >= 0) {
          return zoom(a, phiA, dphiA, aPrev, phiPrev, dphiPrev);
        }
        aPrev = a;
        phiPrev = phiA;
        dphiPrev = dphiA;
        a = 2 * a;
        if (!Double.isFinite(a)) {
          break;
        }
      }
      return loStored ? Outcome.SUFFICIENT_DECREASE : Outcome.FAILED;
    }

    /**
     * Algorithm 3.6: shrinks the bracket {@code [lo, hi]} (in either order) until a strong-Wolfe
     * step is found. {@code lo} has sufficient decrease and the lowest value seen; a non-finite
     * {@code phiHi} marks a point where the function was not finite.
     */
    private Outcome zoom(double lo, double pLo, double dLo, double hi, double pHi, double dHi) {
      double aLoCur = lo;
      double phiLoCur = pLo;
      double dphiLoCur = dLo;
      double aHi = hi;
      double phiHi = pHi;
      double dphiHi = dHi;
      while (evaluations < MAX_LINE_SEARCH_EVALUATIONS) {
        double width = Math.abs(aHi - aLoCur);
        if (width <= 1e-14 * Math.max(Math.abs(aHi), Math.abs(aLoCur))) {
          break;
        }
        double a = interpolate(aLoCur, phiLoCur, dphiLoCur, aHi, phiHi, dphiHi);
        double phiA = evaluate(a);
        if (!finiteTrial(phiA)) {
          aHi = a;
          phiHi = Double.NaN;
          dphiHi = Double.NaN;
          continue;
        }
        double dphiA = Lbfgs.dot(trialGradient, direction);
        if (phiA > phi0 + C1 * a * slope0 || phiA >= phiLoCur) {
          aHi = a;
          phiHi = phiA;
          dphiHi = dphiA;
        } else {
          storeLow(phiA);
          if (Math.abs(dphiA) <= -C2 * slope0) {
            return Outcome.WOLFE;
          }
          if (dphiA * (aHi - aLoCur) >= 0) {
            aHi = aLoCur;
            phiHi = phiLoCur;
            dphiHi = dphiLoCur;
          }
          aLoCur = a;
          phiLoCur = phiA;
          dphiLoCur = dphiA;
        }
      }
      return loStored ? Outcome.SUFFICIENT_DECREASE : Outcome.FAILED;
    }

    /**
     * Returns the minimiser of the cubic that interpolates both ends' values and slopes (N&amp;W
     * eq. 3.59), kept at least 10% of the bracket away from either end; bisection when the cubic
     * has no usable minimiser or an end is not finite.
     */
    static double interpolate(
        double a, double phiA, double dphiA, double b, double phiB, double dphiB) {
      double lower = Math.min(a, b);
      double upper = Math.max(a, b);
      double margin = 0.1 * (upper - lower);
      double mid = 0.5 * (a + b);
      if (!Double.isFinite(phiB) || !Double.isFinite(dphiB)) {
        return mid;
      }
      double d1 = dphiA + dphiB - 3 * (phiA - phiB) / (a - b);
      double disc = d1 * d1 - dphiA * dphiB;
      if (!(disc >= 0)) {
        return mid;
      }
      double d2 = Math.copySign(Math.sqrt(disc), b - a);
      double denominator = dphiB - dphiA + 2 * d2;
      if (denominator == 0) {
        return mid;
      }
      double c = b - (b - a) * (dphiB + d2 - d1) / denominator;
      if (!(c >= lower + margin && c <= upper - margin)) {
        return mid;
      }
      return c;
    }

    private double evaluate(double a) {
      int n = trial.length;
      for (int i = 0; i < n; i++) {
        trial[i] = origin[i] + a * direction[i];
      }
      evaluations++;
      return function.valueAndGradient(trial, trialGradient);
    }

    private boolean finiteTrial(double phi) {
      if (Double.isFinite(phi) && firstNonFinite(trialGradient) < 0) {
        return true;
      }
      sawNonFinite = true;
      return false;
    }

    /** Keeps the just-evaluated trial point as the best point with sufficient decrease. */
    private void storeLow(double phi) {
      loStored = true;
      System.arraycopy(trial, 0, x, 0, x.length);
      System.arraycopy(trialGradient, 0, g, 0, g.length);
      value = phi;
    }
  }

  /** Builder of {@link Lbfgs}; {@link #build()} validates. */
  public static final class Builder {
    private int memory = 10;
    private int maxIterations = 1000;
    private double gradientTolerance = 1e-5;
    private double relativeFunctionTolerance = 1e-10;

    private Builder() {}

    /**
     * Sets how many correction pairs are kept (default 10).
     *
     * @param value {@code >= 1}
     * @return this builder
     */
    public Builder memory(int value) {
      this.memory = value;
      return this;
    }

    /**
     * Sets the iteration limit (default 1000).
     *
     * @param value {@code >= 1}
     * @return this builder
     */
    public Builder maxIterations(int value) {
      this.maxIterations = value;
      return this;
    }

    /**
     * Sets the gradient tolerance: the run has converged when the largest absolute gradient entry
     * is at most this (default 1e-5).
     *
     * @param value finite, {@code >= 0}
     * @return this builder
     */
    public Builder gradientTolerance(double value) {
      this.gradientTolerance = value;
      return this;
    }

    /**
     * Sets the relative function tolerance: the run has converged when an iteration decreases the
     * value by at most this times {@code max(|f_k|, |f_{k+1}|, 1)} (default 1e-10).
     *
     * @param value finite, {@code >= 0}
     * @return this builder
     */
    public Builder relativeFunctionTolerance(double value) {
      this.relativeFunctionTolerance = value;
      return this;
    }

    /**
     * Validates the settings and returns the optimiser.
     *
     * @return the optimiser
     * @throws IllegalArgumentException if a setting is out of range
     */
    public Lbfgs build() {
      if (memory < 1) {
        throw new IllegalArgumentException("memory: expected >= 1, found " + memory);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations: expected >= 1, found " + maxIterations);
      }
      if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
        throw new IllegalArgumentException(
            "gradientTolerance: expected a finite value >= 0, found " + gradientTolerance);
      }
      if (!(relativeFunctionTolerance >= 0) || Double.isInfinite(relativeFunctionTolerance)) {
        throw new IllegalArgumentException(
            "relativeFunctionTolerance: expected a finite value >= 0, found "
                + relativeFunctionTolerance);
      }
      return new Lbfgs(this);
    }
  }
}
