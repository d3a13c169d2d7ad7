package org.metriclearn4j.learn;

import java.util.Map;
import java.util.OptionalInt;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.optim.DifferentiableFunction;
import org.metriclearn4j.optim.Lbfgs;
import org.metriclearn4j.optim.OptimizationResult;

/**
 * The settings that the gradient learners fitting a projection {@code L} with L-BFGS share ({@link
 * Nca}, {@link Mlkr}, {@link Lmnn}, {@link LmnnTriplets}): output dimension, iteration limit,
 * tolerance, initialisation and seed, validated in one place, and the steps that use only them (the
 * start, the L-BFGS run in standardised coordinates, the fit summary and the provenance entries).
 * Immutable; each learner keeps its own public builder and documentation.
 */
final class ProjectionOptions {
  /** Correction pairs that L-BFGS keeps (its default). */
  static final int LBFGS_MEMORY = 10;

  private final int outputDimension;
  private final int maxIterations;
  private final double tolerance;
  private final Initialization init;
  private final long seed;

  private ProjectionOptions(Builder b) {
    this.outputDimension = b.outputDimension;
    this.maxIterations = b.maxIterations;
    this.tolerance = b.tolerance;
    this.init = b.init;
    this.seed = b.seed;
  }

  /** Returns the configured output dimension, or empty for "all {@code d} features". */
  OptionalInt outputDimension() {
    return outputDimension == 0 ? OptionalInt.empty() : OptionalInt.of(outputDimension);
  }

  /** Returns the L-BFGS iteration limit. */
  int maxIterations() {
    return maxIterations;
  }

  /** Returns the convergence tolerance. */
  double tolerance() {
    return tolerance;
  }

  /** Returns the initialisation. */
  Initialization init() {
    return init;
  }

  /** Returns the random seed. */
  long seed() {
    return seed;
  }

  /**
   * Returns the output dimension for data with {@code d} features.
   *
   * @param d the number of features
   * @param source what the features belong to, for the message (e.g. {@code data 'wine'})
   * @return the configured dimension, or {@code d} when none is set
   * @throws IllegalArgumentException if the configured dimension exceeds {@code d}
   */
  int outputDimension(int d, String source) {
    int k = outputDimension == 0 ? d : outputDimension;
    if (k > d) {
      throw new IllegalArgumentException(
          "outputDimension: expected at most the "
              + d
              + " features of "
              + source
              + ", found "
              + k
              + "; lower outputDimension or leave it unset");
    }
    return k;
  }

  /**
   * Returns the start {@code A_0} in standardised coordinates (see {@link Initializers#start}).
   *
   * @param s the standardisation of the training data
   * @param labels class indices
   * @param classes number of present classes
   * @param k output dimension
   * @return a new {@code k x d} matrix
   */
  DMatrixRMaj start(Standardization s, int[] labels, int classes, int k) {
    return Initializers.start(init, s, labels, classes, k, seed);
  }

  /**
   * Minimises {@code objective(A) / scale} with L-BFGS from {@code start}.
   *
   * @param objective the objective on {@code k x d} components in standardised coordinates
   * @param scale the divisor of value and gradient (the number of terms; negative to maximise)
   * @param start the {@code k x d} start (not modified)
   * @param iterations the L-BFGS iteration limit of this run
   * @return the L-BFGS result; its value is {@code objective / scale}
   */
  OptimizationResult minimize(
      ComponentObjective objective, double scale, DMatrixRMaj start, int iterations) {
    return minimize(
        objective,
        scale,
        start,
        iterations,
        new Lbfgs.CorrectionPairs(LBFGS_MEMORY, start.data.length));
  }

  /**
   * Like {@link #minimize(ComponentObjective, double, DMatrixRMaj, int)}, but starting from the
   * L-BFGS correction pairs of an earlier run and leaving this run's pairs in {@code pairs}.
   *
   * @param objective the objective on {@code k x d} components in standardised coordinates
   * @param scale the divisor of value and gradient (the number of terms; negative to maximise)
   * @param start the {@code k x d} start (not modified)
   * @param iterations the L-BFGS iteration limit of this run
   * @param pairs read and written: the correction pairs carried from run to run
   * @return the L-BFGS result; its value is {@code objective / scale}
   */
  OptimizationResult minimize(
      ComponentObjective objective,
      double scale,
      DMatrixRMaj start,
      int iterations,
      Lbfgs.CorrectionPairs pairs) {
    int k = start.numRows;
    int d = start.numCols;
    DMatrixRMaj gradient = new DMatrixRMaj(k, d);
    DifferentiableFunction scaled =
        (a, gradientOut) -> {
          double value = objective.valueAndGradient(DMatrixRMaj.wrap(k, d, a), gradient);
          for (int i = 0; i < gradientOut.length; i++) {
            gradientOut[i] = gradient.data[i] / scale;
          }
          return value / scale;
        };
    return Lbfgs.builder()
        .memory(LBFGS_MEMORY)
        .maxIterations(iterations)
        .gradientTolerance(tolerance)
        .relativeFunctionTolerance(tolerance)
        .build()
        .minimize(scaled, start.data, pairs);
  }

  /**
   * Minimises {@code objective(A) / scale} from {@code start} for at most {@link #maxIterations}
   * iterations and returns the metric in original coordinates; its fit summary holds the
   * iterations, whether a tolerance was met and the final {@code objective(A)}.
   *
   * @param objective the objective on components in standardised coordinates
   * @param scale the divisor of value and gradient (the number of terms; negative to maximise)
   * @param standardization the standardisation that maps the result back
   * @param start the {@code k x d} start in standardised coordinates (not modified)
   * @param provenance the metric's provenance
   * @return the fitted metric
   */
  MahalanobisMetric fit(
      ComponentObjective objective,
      double scale,
      Standardization standardization,
      DMatrixRMaj start,
      Provenance provenance) {
    OptimizationResult result = minimize(objective, scale, start, maxIterations);
    DMatrixRMaj l =
        standardization.toOriginal(DMatrixRMaj.wrap(start.numRows, start.numCols, result.x()));
    FitSummary summary =
        new FitSummary(result.iterations(), result.converged(), result.value() * scale);
    return MahalanobisMetric.of(l, summary, provenance);
  }

  /**
   * Adds these settings to a learner's provenance hyperparameters, in the order output dimension,
   * iteration limit, tolerance, initialisation, seed.
   *
   * @param hyperparameters written: the map to add to
   * @param k the output dimension actually used
   */
  void addTo(Map<String, String> hyperparameters, int k) {
    hyperparameters.put("outputDimension", Integer.toString(k));
    hyperparameters.put("maxIterations", Integer.toString(maxIterations));
    hyperparameters.put("tolerance", Double.toString(tolerance));
    hyperparameters.put("init", init.name());
    hyperparameters.put("seed", Long.toString(seed));
  }

  /** Returns the settings as {@code name=value} pairs for a learner's {@code toString}. */
  @Override
  public String toString() {
    return "outputDimension="
        + (outputDimension == 0 ? "d" : Integer.toString(outputDimension))
        + ", maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", init="
        + init
        + ", seed="
        + seed;
  }

  /** An objective of {@code k x d} components with its gradient. */
  @FunctionalInterface
  interface ComponentObjective {
    /**
     * Returns the objective and writes its gradient.
     *
     * @param a the {@code k x d} components
     * @param gradientOut written: the {@code k x d} gradient
     * @return the objective
     */
    double valueAndGradient(DMatrixRMaj a, DMatrixRMaj gradientOut);
  }

  /** Collects the settings in a learner's builder; {@link #build()} validates. */
  static final class Builder {
    private int outputDimension;
    private boolean outputDimensionSet;
    private int maxIterations;
    private double tolerance = 1e-5;
    private Initialization init = Initialization.AUTO;
    private long seed;

    /**
     * Creates a builder with the defaults: all features, tolerance 1e-5, {@link
     * Initialization#AUTO}, seed 0.
     *
     * @param maxIterations the learner's default iteration limit
     */
    Builder(int maxIterations) {
      this.maxIterations = maxIterations;
    }

    void outputDimension(int value) {
      this.outputDimension = value;
      this.outputDimensionSet = true;
    }

    void maxIterations(int value) {
      this.maxIterations = value;
    }

    void tolerance(double value) {
      this.tolerance = value;
    }

    void init(Initialization value) {
      this.init = value;
    }

    void seed(long value) {
      this.seed = value;
    }

    /**
     * Validates the settings and returns them.
     *
     * @return the settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    ProjectionOptions build() {
      if (outputDimensionSet && outputDimension < 1) {
        throw new IllegalArgumentException(
            "outputDimension: expected >= 1, found " + outputDimension);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException("maxIterations: expected >= 1, found " + maxIterations);
      }
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException(
            "tolerance: expected a finite value >= 0, found " + tolerance);
      }
      return new ProjectionOptions(this);
    }
  }
}
