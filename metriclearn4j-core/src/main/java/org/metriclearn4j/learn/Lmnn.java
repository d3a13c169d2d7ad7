package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.Parallelism;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.optim.Lbfgs;
import org.metriclearn4j.optim.OptimizationResult;

/**
 * Large Margin Nearest Neighbor: K. Q. Weinberger and L. K. Saul, "Distance metric learning for
 * large margin nearest neighbor classification", JMLR 10 (2009) 207–244.
 *
 * <p>Each sample {@code i} gets {@code k} target neighbours {@code j ~> i}: its nearest samples of
 * the same class under the initial metric, chosen once. LMNN then learns {@code L} ({@code r x d})
 * that pulls target neighbours close and pushes differently labelled samples (impostors) at least
 * one unit farther than any target neighbour (eq. 14 of the paper, with {@code d_ij = ||L (x_i -
 * x_j)||^2}):
 *
 * <pre>
 *   e(L) = (1 - mu) sum_{i, j ~> i} d_ij + mu sum_{i, j ~> i} sum_{l: y_l != y_i} h(1 + d_ij - d_il)
 *   de/dL = 2 L ( (1 - mu) sum C_ij + mu sum_{active (i,j,l)} h'(m_ijl) (C_ij - C_il) ),  C_ij = (x_i - x_j)(x_i - x_j)^T.
 * </pre>
 *
 * <p>{@code h} is the paper's hinge {@code [m]_+} with its kink rounded off over a width of 0.1
 * margin units (Huber: {@code m^2/0.2} for {@code 0 < m < 0.1}, {@code m - 0.05} above). With the
 * exact hinge, L-BFGS stalls at kinks and reports convergence early: on a wine training fold two
 * starts stopped with objectives 0.1% apart and different metrics; with the smoothing both reach
 * the same minimiser.
 *
 * <p><b>Target neighbours.</b> A sample is never its own target neighbour; another sample with the
 * same features (a duplicate row) is a legitimate one, at distance 0 (metric-learn issue #353 chose
 * the point itself in that case). A class with {@code n_c <= k} members gives each member its
 * {@code n_c - 1} classmates (k is reduced for that class); a single-member class has no targets
 * (its sample is still an impostor for others).
 *
 * <p><b>Optimisation.</b> {@link Lbfgs} minimises {@code e(L) / n} over {@code A = L diag(sd)}
 * (components in standardised coordinates, as {@link Nca} does), on an active set of triplets: the
 * triplets {@code (i, j, l)} with {@code d_il < d_ij + 1 + }{@value #SLACK}, found by a scan of all
 * pairs in row blocks with the shared distance kernel (memory {@code O(block x n)}). The active set
 * is refreshed every {@value #REFRESH_ITERATIONS} iterations and whenever L-BFGS stops, and L-BFGS
 * keeps its correction pairs across refreshes (a restart from steepest descent after each refresh
 * lost the curvature it had built up, and its short first steps met the relative-decrease test up
 * to 4.7 % above the optimum on breast_cancer). The fit has converged when L-BFGS met its tolerance
 * (largest gradient entry or relative decrease per iteration at most {@code tolerance}) and a fresh
 * scan finds no violated triplet outside the active set, so the reported objective is exact. On the
 * reference training folds of iris, wine, breast_cancer and digits the default fits end within 0.2
 * % of the objective that {@code tolerance(1e-8)} reaches (within 0.02 % except on breast_cancer),
 * and {@code tolerance(1e-8)} converges on all of them, in 23 to 828 iterations. metric-learn's
 * gradient descent with a fixed learning rate usually stops at its iteration limit instead.
 *
 * <p><b>Start.</b> As for {@link Nca}, {@link Initialization#AUTO} starts from the per-feature
 * inverse standard deviation (constant features get weight 0), so target neighbours and the fit do
 * not depend on feature units; {@link Initialization#IDENTITY} reproduces metric-learn's start on
 * unscaled data.
 *
 * <p>Defaults: {@code k = 3} target neighbours, push weight {@code mu = 0.5} (metric-learn's {@code
 * regularization}), output dimension {@code d}, {@code maxIterations} 1000 L-BFGS iterations in
 * total, {@code tolerance} 1e-5, {@code init} {@link Initialization#AUTO}, seed 0 (used only by
 * {@link Initialization#RANDOM}). Needs two classes and a class with at least two samples.
 * Immutable; the same data and seed give bit-identical components for any thread count.
 */
public final class Lmnn extends ProjectionLearner implements SupervisedMetricLearner {
  /** Triplets this close to violating their margin (in squared-distance units) are kept active. */
  static final double SLACK = 1.0;

  /** L-BFGS iterations between two refreshes of the active set. */
  static final int REFRESH_ITERATIONS = 25;

  private static final int SCAN_BLOCK_ROWS = 256;

  private final int neighbors;
  private final double pushWeight;

  private Lmnn(Builder b, ProjectionOptions options) {
    super(options);
    this.neighbors = b.neighbors;
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

  /** Returns {@code k}, the number of target neighbours. */
  public int neighbors() {
    return neighbors;
  }

  /** Returns {@code mu}, the weight of the push (hinge) term; the pull term has {@code 1 - mu}. */
  public double pushWeight() {
    return pushWeight;
  }

  @Override
  public String name() {
    return "lmnn";
  }

  /**
   * Learns the LMNN metric.
   *
   * @param data training data: at least two classes, one of them with at least two samples
   * @return the metric; its fit summary holds the L-BFGS iterations, convergence and the final
   *     {@code e(L)}
   * @throws IllegalArgumentException if the data have fewer than two classes, no class with two
   *     samples, or fewer features than {@code outputDimension}
   */
  @Override
  public MahalanobisMetric fit(LabeledDataset data) {
    checkClasses(data);
    int n = data.size();
    int d = data.dimension();
    int r = options.outputDimension(d, "data '" + data.name() + "'");
    int[] labels = data.labels();
    Standardization standardization =
        Standardization.of(DMatrixRMaj.wrap(n, d, data.featuresRowMajor()));
    DMatrixRMaj xs = standardization.standardized();
    DMatrixRMaj a = options.start(standardization, labels, data.numPresentClasses(), r);
    Targets targets = Targets.of(xs, a, labels, neighbors);

    int iterations = 0;
    boolean converged = false;
    Scan scan = Scan.of(xs, a, labels, targets, pushWeight);
    double objective = scan.exactLoss();
    int maxIterations = options.maxIterations();
    Lbfgs.CorrectionPairs pairs = new Lbfgs.CorrectionPairs(ProjectionOptions.LBFGS_MEMORY, r * d);
    for (int round = 0; round < maxIterations; round++) {
      LmnnObjective loss = scan.objective(xs, targets, pushWeight);
      int budget = Math.min(REFRESH_ITERATIONS, maxIterations - iterations);
      OptimizationResult result = options.minimize(loss::valueAndGradient, n, a, budget, pairs);
      iterations += result.iterations();
      a = DMatrixRMaj.wrap(r, d, result.x());
      Scan fresh = Scan.of(xs, a, labels, targets, pushWeight);
      double restricted = result.value() * n;
      objective = fresh.exactLoss();
      boolean complete = objective <= restricted + 1e-12 * Math.max(1, Math.abs(objective));
      if (result.converged() && complete) {
        converged = true;
        break;
      }
      if (iterations >= maxIterations || (result.iterations() == 0 && complete)) {
        break;
      }
      scan = fresh;
    }
    DMatrixRMaj l = standardization.toOriginal(a);
    return MahalanobisMetric.of(
        l, new FitSummary(iterations, converged, objective), provenance(data, r));
  }

  private static void checkClasses(LabeledDataset data) {
    int[] counts = data.classCounts();
    int largest = 0;
    for (int c : counts) {
      largest = Math.max(largest, c);
    }
    if (data.numPresentClasses() < 2) {
      throw new IllegalArgumentException(
          "data: LMNN needs samples of at least 2 classes, found "
              + data.numPresentClasses()
              + " class: without impostors only the pull term is left, which shrinks the metric"
              + " to 0; add samples of another class");
    }
    if (largest < 2) {
      throw new IllegalArgumentException(
          "data: LMNN needs a class with at least 2 samples (a sample's target neighbours are"
              + " samples of its own class), found "
              + data.numPresentClasses()
              + " classes of 1 sample each; add samples to the classes");
    }
  }

  private Provenance provenance(LabeledDataset data, int r) {
    Map<String, String> hyper = new LinkedHashMap<>();
    hyper.put("k", Integer.toString(neighbors));
    hyper.put("pushWeight", Double.toString(pushWeight));
    options.addTo(hyper, r);
    return new Provenance(name(), hyper, data.size(), data.dimension(), options.seed());
  }

  @Override
  public String toString() {
    return "Lmnn[k=" + neighbors + ", pushWeight=" + pushWeight + ", " + options + "]";
  }

  /**
   * The target neighbours, flattened: pairs {@code (first[p], second[p])}, those of sample {@code
   * i} at {@code [start[i], start[i+1])}.
   */
  record Targets(int[] first, int[] second, int[] start) {
    static Targets of(DMatrixRMaj xs, DMatrixRMaj a, int[] labels, int k) {
      int n = xs.numRows;
      DMatrixRMaj z = new DMatrixRMaj(n, a.numRows);
      Gemm.multTransB(xs, a, z);
      ClassNeighbors nn = ClassNeighbors.of(z, labels, k);
      int[] start = new int[n + 1];
      for (int i = 0; i < n; i++) {
        start[i + 1] = start[i] + nn.indices()[i].length;
      }
      int[] first = new int[start[n]];
      int[] second = new int[start[n]];
      for (int i = 0; i < n; i++) {
        for (int t = 0; t < nn.indices()[i].length; t++) {
          first[start[i] + t] = i;
          second[start[i] + t] = nn.indices()[i][t];
        }
      }
      return new Targets(first, second, start);
    }
  }

  /**
   * The active set: impostor pairs {@code (anchor[q], impostor[q])}, triplets as (target pair,
   * impostor pair) indices, and the exact loss at the point of the scan.
   */
  record Scan(
      int[] anchor, int[] impostor, int[] tripletTarget, int[] tripletImpostor, double exactLoss) {

    /**
     * Scans all pairs in row blocks: for each anchor, every differently labelled sample within
     * {@code max target distance + 1 + SLACK} is a candidate impostor, and each of its triplets
     * within the slack is kept. Blocks run in parallel and are concatenated in order.
     */
    static Scan of(
        DMatrixRMaj xs, DMatrixRMaj a, int[] labels, Targets targets, double pushWeight) {
      int n = xs.numRows;
      DMatrixRMaj z = new DMatrixRMaj(n, a.numRows);
      Gemm.multTransB(xs, a, z);
      double[] norms = Kernels.squaredRowNorms(z);
      int blocks = (n + SCAN_BLOCK_ROWS - 1) / SCAN_BLOCK_ROWS;
      List<BlockScan> parts =
          Parallelism.blocks(blocks, (long) n * n * Math.max(1, z.numCols))
              .mapToObj(
                  b ->
                      BlockScan.of(
                          z,
                          norms,
                          labels,
                          targets,
                          b * SCAN_BLOCK_ROWS,
                          Math.min(n, (b + 1) * SCAN_BLOCK_ROWS)))
              .toList();
      int pairs = 0;
      int triplets = 0;
      double pull = 0;
      double hinge = 0;
      for (BlockScan part : parts) {
        pairs += part.anchor.length;
        triplets += part.tripletTarget.length;
        pull += part.pull;
        hinge += part.hinge;
      }
      int[] anchor = new int[pairs];
      int[] impostor = new int[pairs];
      int[] tripletTarget = new int[triplets];
      int[] tripletImpostor = new int[triplets];
      int po = 0;
      int to = 0;
      for (BlockScan part : parts) {
        System.arraycopy(part.anchor, 0, anchor, po, part.anchor.length);
        System.arraycopy(part.impostor, 0, impostor, po, part.impostor.length);
        System.arraycopy(part.tripletTarget, 0, tripletTarget, to, part.tripletTarget.length);
        for (int t = 0; t < part.tripletImpostor.length; t++) {
          tripletImpostor[to + t] = po + part.tripletImpostor[t];
        }
        po += part.anchor.length;
        to += part.tripletTarget.length;
      }
      double loss = (1 - pushWeight) * pull + pushWeight * hinge;
      return new Scan(anchor, impostor, tripletTarget, tripletImpostor, loss);
    }

    /** Returns the loss restricted to this active set (target pairs first, then impostor pairs). */
    LmnnObjective objective(DMatrixRMaj xs, Targets targets, double pushWeight) {
      int t = targets.first().length;
      int pairs = t + anchor.length;
      int[] first = Arrays.copyOf(targets.first(), pairs);
      int[] second = Arrays.copyOf(targets.second(), pairs);
      double[] pull = new double[pairs];
      Arrays.fill(pull, 0, t, 1 - pushWeight);
      System.arraycopy(anchor, 0, first, t, anchor.length);
      System.arraycopy(impostor, 0, second, t, impostor.length);
      int[] negative = new int[tripletImpostor.length];
      for (int q = 0; q < negative.length; q++) {
        negative[q] = t + tripletImpostor[q];
      }
      return new LmnnObjective(
          xs, first, second, pull, tripletTarget.clone(), negative, pushWeight);
    }
  }

  /** One block's share of a {@link Scan}. */
  private record BlockScan(
      int[] anchor,
      int[] impostor,
      int[] tripletTarget,
      int[] tripletImpostor,
      double pull,
      double hinge) {

    static BlockScan of(
        DMatrixRMaj z, double[] norms, int[] labels, Targets targets, int start, int end) {
      int n = z.numRows;
      double[] row = new double[(end - start) * n];
      Kernels.squaredDistancesRows(z, norms, z, norms, start, end, row, 0);
      IntList anchor = new IntList();
      IntList impostor = new IntList();
      IntList tripletTarget = new IntList();
      IntList tripletImpostor = new IntList();
      double pull = 0;
      double hinge = 0;
      for (int i = start; i < end; i++) {
        int off = (i - start) * n;
        int t0 = targets.start()[i];
        int t1 = targets.start()[i + 1];
        if (t0 == t1) {
          continue;
        }
        double farthest = 0;
        for (int p = t0; p < t1; p++) {
          double dij = row[off + targets.second()[p]];
          pull += dij;
          farthest = Math.max(farthest, dij);
        }
        double reach = farthest + 1 + SLACK;
        for (int l = 0; l < n; l++) {
          double dil = row[off + l];
          if (labels[l] == labels[i] || !(dil < reach)) {
            continue;
          }
          int pair = anchor.size();
          boolean kept = false;
          for (int p = t0; p < t1; p++) {
            double margin = 1 + row[off + targets.second()[p]] - dil;
            if (margin > -SLACK) {
              tripletTarget.add(p);
              tripletImpostor.add(pair);
              kept = true;
            }
            if (margin > 0) {
              hinge += LmnnObjective.smoothHinge(margin);
            }
          }
          if (kept) {
            anchor.add(i);
            impostor.add(l);
          }
        }
      }
      return new BlockScan(
          anchor.toArray(),
          impostor.toArray(),
          tripletTarget.toArray(),
          tripletImpostor.toArray(),
          pull,
          hinge);
    }
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size++] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Builder of {@link Lmnn}; {@link #build()} validates. */
  public static final class Builder extends ProjectionLearnerBuilder<Builder, Lmnn> {
    private int neighbors = 3;
    private double pushWeight = 0.5;

    private Builder() {
      super(1000);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets {@code k}, the number of target neighbours (default 3).
     *
     * @param k {@code >= 1}
     * @return this builder
     */
    public Builder neighbors(int k) {
      this.neighbors = k;
      return this;
    }

    /**
     * Sets {@code mu}, the weight of the push term (default 0.5).
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
    public Lmnn build() {
      if (neighbors < 1) {
        throw new IllegalArgumentException("neighbors: expected >= 1, found " + neighbors);
      }
      if (!(pushWeight > 0 && pushWeight < 1)) {
        throw new IllegalArgumentException(
            "pushWeight: expected a value in (0, 1), found " + pushWeight);
      }
      return new Lmnn(this, options.build());
    }
  }
}
