package org.metriclearn4j.evaluation.clustering;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.linalg.Kernels;

/**
 * K-means clustering by Lloyd's algorithm (S. P. Lloyd, "Least squares quantization in PCM", IEEE
 * Transactions on Information Theory 28(2), 1982) with greedy k-means++ seeding (D. Arthur, S.
 * Vassilvitskii, "k-means++: The advantages of careful seeding", SODA 2007; greedy variant with
 * {@code 2 + floor(ln k)} candidates per centre, as in scikit-learn), restarted several times; the
 * restart with the lowest inertia (sum of squared distances to the nearest centroid) wins, the
 * earliest on ties.
 *
 * <p>A restart stops when no assignment changes or when the centroids move by at most {@code
 * tolerance * mean feature variance} in total squared distance (scikit-learn's criterion), or after
 * {@code maxIterations}; a final assignment step makes the labels match the returned centroids. An
 * empty cluster is moved to the sample farthest from its centroid. Distances come from {@link
 * Kernels#squaredDistances}.
 *
 * <p>Deterministic: every restart draws from its own {@link SplittableRandom} split from {@code
 * seed} in order, and ties go to the lowest index, so the same seed gives the same result whatever
 * the number of threads. Defaults: 10 restarts, 300 iterations, tolerance 1e-4, seed 0; the number
 * of clusters has no default.
 */
public final class KMeans {
  private final int clusters;
  private final int restarts;
  private final int maxIterations;
  private final double tolerance;
  private final long seed;

  private KMeans(Builder builder) {
    this.clusters = builder.clusters;
    this.restarts = builder.restarts;
    this.maxIterations = builder.maxIterations;
    this.tolerance = builder.tolerance;
    this.seed = builder.seed;
  }

  /**
   * Returns a builder for {@code k} clusters with the other defaults.
   *
   * @param clusters the number of clusters {@code k}, at least 1
   * @return the builder
   */
  public static Builder builder(int clusters) {
    return new Builder(clusters);
  }

  /** {@return the number of clusters {@code k}} */
  public int clusters() {
    return clusters;
  }

  /** {@return the number of restarts} */
  public int restarts() {
    return restarts;
  }

  /** {@return the iteration limit of each restart} */
  public int maxIterations() {
    return maxIterations;
  }

  /** {@return the relative convergence tolerance} */
  public double tolerance() {
    return tolerance;
  }

  /** {@return the seed} */
  public long seed() {
    return seed;
  }

  /**
   * Clusters the rows of {@code x}.
   *
   * @param x {@code n >= k} rows of equal length {@code d >= 1}, finite (read only)
   * @return the best clustering over the restarts
   * @throws IllegalArgumentException if there are fewer rows than clusters, rows differ in length
   *     or a value is not finite
   */
  public KMeansResult fit(double[][] x) {
    if (x.length < clusters) {
      throw new IllegalArgumentException(
          "x: expected at least " + clusters + " rows (one per cluster), found " + x.length);
    }
    checkRows(x, x[0].length);
    DMatrixRMaj data = Kernels.toMatrix(x);
    double absoluteTolerance = tolerance * meanVariance(data);
    SplittableRandom root = new SplittableRandom(seed);
    @Nullable Restart best = null;
    for (int r = 0; r < restarts; r++) {
      Restart run = lloyd(data, seedCentroids(data, root.split()), absoluteTolerance);
      if (best == null || run.inertia < best.inertia) {
        best = run;
      }
    }
    if (best == null) {
      throw new IllegalStateException("no restart ran");
    }
    return new KMeansResult(
        Kernels.toRows(best.centroids),
        best.assignment.assignments,
        best.inertia,
        best.iterations,
        best.converged);
  }

  /** Greedy k-means++: each new centre is the best of a few candidates drawn with D^2 weights. */
  private DMatrixRMaj seedCentroids(DMatrixRMaj x, SplittableRandom random) {
    int n = x.numRows;
    int d = x.numCols;
    int trials = 2 + (int) Math.floor(Math.log(clusters));
    DMatrixRMaj centres = new DMatrixRMaj(clusters, d);
    int first = random.nextInt(n);
    System.arraycopy(x.data, first * d, centres.data, 0, d);
    double[] closest = distancesTo(x, first);
    double[] cumulative = new double[n];
    for (int c = 1; c < clusters; c++) {
      double running = 0;
      for (int i = 0; i < n; i++) {
        running += closest[i];
        cumulative[i] = running;
      }
      int bestCandidate = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      double[] bestClosest = closest;
      for (int t = 0; t < trials; t++) {
        int candidate;
        if (running > 0) {
          double u = random.nextDouble() * running;
          int pos = Arrays.binarySearch(cumulative, u);
          candidate = Math.min(n - 1, pos >= 0 ? pos + 1 : -pos - 1);
        } else {
          candidate = random.nextInt(n); // every sample already coincides with a centre
        }
        double[] toCandidate = distancesTo(x, candidate);
        double candidatePotential = 0;
        for (int i = 0; i < n; i++) {
          toCandidate[i] = Math.min(closest[i], toCandidate[i]);
          candidatePotential += toCandidate[i];
        }
        if (candidatePotential < bestPotential) {
          bestPotential = candidatePotential;
          bestCandidate = candidate;
          bestClosest = toCandidate;
        }
      }
      System.arraycopy(x.data, bestCandidate * d, centres.data, c * d, d);
      closest = bestClosest;
    }
    return centres;
  }

  private Restart lloyd(DMatrixRMaj x, DMatrixRMaj centres, double absoluteTolerance) {
    int d = x.numCols;
    int @Nullable [] previous = null;
    boolean converged = false;
    int iteration = 0;
    while (iteration < maxIterations) {
      iteration++;
      Assignment assignment = nearest(Kernels.squaredDistances(x, centres));
      if (previous != null && Arrays.equals(previous, assignment.assignments)) {
        converged = true;
        break;
      }
      previous = assignment.assignments;
      DMatrixRMaj updated = means(x, assignment);
      double shift = 0;
      for (int i = 0; i < clusters * d; i++) {
        double diff = updated.data[i] - centres.data[i];
        shift += diff * diff;
      }
      centres = updated;
      if (shift <= absoluteTolerance) {
        converged = true;
        break;
      }
    }
    Assignment last = nearest(Kernels.squaredDistances(x, centres));
    double inertia = sum(last.distances);
    return new Restart(centres, last, inertia, iteration, converged);
  }

  /** Returns the cluster means; an empty cluster takes the sample farthest from its centroid. */
  private DMatrixRMaj means(DMatrixRMaj x, Assignment assignment) {
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj sums = new DMatrixRMaj(clusters, d);
    int[] counts = new int[clusters];
    for (int i = 0; i < n; i++) {
      int c = assignment.assignments[i];
      counts[c]++;
      for (int j = 0; j < d; j++) {
        sums.data[c * d + j] += x.data[i * d + j];
      }
    }
    boolean[] taken = new boolean[n];
    for (int c = 0; c < clusters; c++) {
      if (counts[c] == 0) {
        int far = -1;
        for (int i = 0; i < n; i++) {
          if (!taken[i] && (far < 0 || assignment.distances[i] > assignment.distances[far])) {
            far = i;
          }
        }
        taken[far] = true;
        System.arraycopy(x.data, far * d, sums.data, c * d, d);
        counts[c] = 1;
      } else {
        for (int j = 0; j < d; j++) {
          sums.data[c * d + j] /= counts[c];
        }
      }
    }
    return sums;
  }

  /** Returns each row's nearest column (the lowest index on ties) and that squared distance. */
  static Assignment nearest(DMatrixRMaj squaredDistances) {
    int n = squaredDistances.numRows;
    int k = squaredDistances.numCols;
    int[] assignments = new int[n];
    double[] distances = new double[n];
    for (int i = 0; i < n; i++) {
      int best = 0;
      double bestValue = squaredDistances.data[i * k];
      for (int c = 1; c < k; c++) {
        double v = squaredDistances.data[i * k + c];
        if (v < bestValue) {
          bestValue = v;
          best = c;
        }
      }
      assignments[i] = best;
      distances[i] = bestValue;
    }
    return new Assignment(assignments, distances);
  }

  private static double[] distancesTo(DMatrixRMaj x, int row) {
    int n = x.numRows;
    int d = x.numCols;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double diff = x.data[i * d + j] - x.data[row * d + j];
        s += diff * diff;
      }
      out[i] = s;
    }
    return out;
  }

  private static double meanVariance(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += x.data[i * d + j];
      }
      mean /= n;
      double s = 0;
      for (int i = 0; i < n; i++) {
        double diff = x.data[i * d + j] - mean;
        s += diff * diff;
      }
      total += s / n;
    }
    return total / d;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  /** Throws unless every row has {@code d >= 1} finite values. */
  static void checkRows(double[][] x, int d) {
    if (x.length == 0) {
      throw new IllegalArgumentException("x: expected at least one row, found none");
    }
    if (d == 0) {
      throw new IllegalArgumentException("x: expected at least one column, found none");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException(
            "x: expected rows of length " + d + ", found " + x[i].length + " at row " + i);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException(
              "x: expected finite values, found " + x[i][j] + " at row " + i + ", column " + j);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "KMeans[clusters="
        + clusters
        + ", restarts="
        + restarts
        + ", maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", seed="
        + seed
        + "]";
  }

  /** Nearest-centroid assignment with the squared distances. */
  static final class Assignment {
    final int[] assignments;
    final double[] distances;

    Assignment(int[] assignments, double[] distances) {
      this.assignments = assignments;
      this.distances = distances;
    }
  }

  private static final class Restart {
    final DMatrixRMaj centroids;
    final Assignment assignment;
    final double inertia;
    final int iterations;
    final boolean converged;

    Restart(
        DMatrixRMaj centroids,
        Assignment assignment,
        double inertia,
        int iterations,
        boolean converged) {
      this.centroids = centroids;
      this.assignment = assignment;
      this.inertia = inertia;
      this.iterations = iterations;
      this.converged = converged;
    }
  }

  /** Builds {@link KMeans}; defaults: 10 restarts, 300 iterations, tolerance 1e-4, seed 0. */
  public static final class Builder {
    private final int clusters;
    private int restarts = 10;
    private int maxIterations = 300;
    private double tolerance = 1e-4;
    private long seed;

    private Builder(int clusters) {
      this.clusters = clusters;
    }

    /**
     * Sets the number of k-means++ restarts (default 10).
     *
     * @param restarts at least 1
     * @return this builder
     */
    public Builder restarts(int restarts) {
      this.restarts = restarts;
      return this;
    }

    /**
     * Sets the iteration limit of each restart (default 300).
     *
     * @param maxIterations at least 1
     * @return this builder
     */
    public Builder maxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Sets the convergence tolerance relative to the mean feature variance (default 1e-4).
     *
     * @param tolerance finite, at least 0
     * @return this builder
     */
    public Builder tolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /**
     * Sets the seed of the k-means++ draws (default 0).
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Validates the settings and returns the clusterer.
     *
     * @return the k-means configuration
     * @throws IllegalArgumentException if a setting is out of range
     */
    public KMeans build() {
      if (clusters < 1) {
        throw new IllegalArgumentException("clusters: expected at least 1, found " + clusters);
      }
      if (restarts < 1) {
        throw new IllegalArgumentException("restarts: expected at least 1, found " + restarts);
      }
      if (maxIterations < 1) {
        throw new IllegalArgumentException(
            "maxIterations: expected at least 1, found " + maxIterations);
      }
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new IllegalArgumentException(
            "tolerance: expected a finite value >= 0, found " + tolerance);
      }
      return new KMeans(this);
    }
  }
}
