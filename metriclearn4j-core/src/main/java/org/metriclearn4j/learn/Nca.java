package org.metriclearn4j.learn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.optim.Lbfgs;

/**
 * Neighbourhood Components Analysis: J. Goldberger, S. Roweis, G. Hinton, R. Salakhutdinov,
 * "Neighbourhood Components Analysis", NIPS 17 (2004).
 *
 * <p>Learns {@code L} ({@code k x d}) that maximises the expected number of training points that a
 * stochastic nearest-neighbour rule classifies correctly, leaving each point out:
 *
 * <pre>
 *   f(L) = sum_i p_i,   p_i = sum_{j: y_j = y_i} p_ij,
 *   p_ij = exp(-||L x_i - L x_j||^2) / sum_{m != i} exp(-||L x_i - L x_m||^2),   p_ii = 0,
 *   df/dL = 2 L sum_ij (p_i p_ij - [y_j = y_i] p_ij) (x_i - x_j)(x_i - x_j)^T.
 * </pre>
 *
 * The softmax is evaluated with the log-sum-exp shift and the gradient with the blocked kernel
 * {@link org.metriclearn4j.linalg.Kernels#rowBlockScatter}, so memory is {@code O(block x n + d^2)}
 * and each evaluation costs {@code O(n^2 (k + d) + n d^2)}. {@link Lbfgs} minimises {@code -f(L) /
 * n} (the mean leave-one-out probability of a correct label, negated, so that tolerances do not
 * depend on {@code n}); it stops when the largest gradient entry or the relative decrease of that
 * value in one iteration is at most {@code tolerance}, or after {@code maxIterations} iterations.
 * The optimisation variable is {@code A = L diag(sd)} (the components in standardised coordinates):
 * the model and objective are the same, but L-BFGS sees a problem whose curvature does not depend
 * on the units of each feature.
 *
 * <p><b>Why the default start is not the identity.</b> With {@code L_0 = I} on unscaled data (wine:
 * proline in the hundreds to thousands, other features below 1) every {@code ||x_i - x_j||^2} is
 * dominated by one feature and is in the thousands or more, so each softmax row is one-hot on the
 * nearest neighbour, {@code W} is almost 0 and the gradient vanishes: metric-learn's NCA stays near
 * Euclidean (kNN accuracy 0.70 on raw wine against 0.98 after scaling). The default {@link
 * Initialization#AUTO} therefore starts from the per-feature inverse standard deviation (which
 * makes the start independent of units), times an LDA or PCA projection when {@code k < d}, and
 * multiplies it by one global factor so that each point's softmax spreads over about {@code
 * min(100, (n - 1) / 2)} neighbours (median perplexity of the rows; see {@link Initialization}).
 * Every pair then contributes to the gradient, which L-BFGS can follow while it grows {@code L} to
 * sharpen the neighbourhoods. The scale is set by perplexity rather than by a typical distance
 * because squared distances concentrate as {@code d} grows: scaling the median pair distance to 1
 * gives a near-uniform softmax on 64-pixel digits (perplexity about {@code n}) and a start from
 * which NCA lost 2 points of kNN accuracy, while the perplexity target behaves the same in every
 * dimension. Constant features get weight 0.
 *
 * <p>Defaults: {@code outputDimension} = the number of features {@code d}, {@code maxIterations}
 * 100, {@code tolerance} 1e-5, {@code init} {@link Initialization#AUTO}, {@code seed} 0 (used only
 * by {@link Initialization#RANDOM}; all other starts are deterministic). Immutable and thread-safe;
 * the same data and seed give bit-identical components for any thread count.
 */
public final class Nca extends ProjectionLearner implements SupervisedMetricLearner {

  private Nca(ProjectionOptions options) {
    super(options);
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
  public String name() {
    return "nca";
  }

  /**
   * Learns the NCA components.
   *
   * @param data the training data (not modified); needs at least two classes, at least one of them
   *     with two or more samples; {@code d > n} is allowed
   * @return the metric; its {@link FitSummary} holds the L-BFGS iterations, whether a tolerance was
   *     met and the final {@code f(L) = sum_i p_i} (larger is better, at most {@code n})
   * @throws IllegalArgumentException if the data has fewer than two classes, no class with two
   *     samples, or fewer features than {@code outputDimension}
   */
  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    Problem problem = prepare(data);
    NcaObjective objective =
        new NcaObjective(problem.standardization.standardized(), data.labels());
    return options.fit(
        objective::valueAndGradient,
        -data.size(),
        problem.standardization,
        problem.start,
        provenance(data, problem.start.numRows));
  }

  /**
   * Returns the starting components {@code L_0} ({@code k x d}, original coordinates) that {@link
   * #fit} would use on {@code data}.
   */
  DMatrixRMaj initialComponents(LabeledDataset data) {
    Problem problem = prepare(data);
    return problem.standardization.toOriginal(problem.start);
  }

  private Problem prepare(LabeledDataset data) {
    checkClasses(data);
    int d = data.dimension();
    int k = options.outputDimension(d, "data '" + data.name() + "'");
    DMatrixRMaj x = DMatrixRMaj.wrap(data.size(), d, data.featuresRowMajor());
    Standardization standardization = Standardization.of(x);
    DMatrixRMaj start = options.start(standardization, data.labels(), data.numPresentClasses(), k);
    return new Problem(standardization, start);
  }

  private static void checkClasses(LabeledDataset data) {
    int[] counts = data.classCounts();
    int present = 0;
    int largest = 0;
    int only = -1;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        present++;
        only = c;
      }
      largest = Math.max(largest, counts[c]);
    }
    if (present < 2) {
      throw new IllegalArgumentException(
          "data: NCA needs samples of at least 2 classes, found a single class ('"
              + data.classNames().get(only)
              + "', "
              + data.size()
              + " samples): its objective is then constant; add samples of another class");
    }
    if (largest < 2) {
      throw new IllegalArgumentException(
          "data: NCA needs a class with at least 2 samples, found "
              + present
              + " classes of 1 sample each: no sample has a same-class neighbour, so the"
              + " objective is 0 for every metric; add samples to the classes");
    }
  }

  private Provenance provenance(LabeledDataset data, int k) {
    Map<String, String> hyper = new LinkedHashMap<>();
    options.addTo(hyper, k);
    return new Provenance(name(), hyper, data.size(), data.dimension(), options.seed());
  }

  @Override
  public String toString() {
    return "Nca[" + options + "]";
  }

  /** The standardised training data and the start in standardised coordinates. */
  private record Problem(Standardization standardization, DMatrixRMaj start) {}

  /** Builder of {@link Nca}; {@link #build()} validates. */
  public static final class Builder extends ProjectionLearnerBuilder<Builder, Nca> {

    private Builder() {
      super(100);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Validates the settings and returns the learner.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    @Override
    public Nca build() {
      return new Nca(options.build());
    }
  }
}
