package org.metriclearn4j.evaluation.clustering;

import org.metriclearn4j.linalg.Kernels;

/**
 * A fitted k-means clustering: the centroids, each training sample's cluster and the fit's outcome.
 * Immutable; array accessors return copies.
 */
public final class KMeansResult {
  private final double[][] centroids;
  private final int[] assignments;
  private final double inertia;
  private final int iterations;
  private final boolean converged;

  KMeansResult(
      double[][] centroids, int[] assignments, double inertia, int iterations, boolean converged) {
    this.centroids = centroids;
    this.assignments = assignments;
    this.inertia = inertia;
    this.iterations = iterations;
    this.converged = converged;
  }

  /** {@return a copy of the {@code k} centroids, one row each} */
  public double[][] centroids() {
    double[][] copy = new double[centroids.length][];
    for (int c = 0; c < centroids.length; c++) {
      copy[c] = centroids[c].clone();
    }
    return copy;
  }

  /** {@return the cluster of each training sample, in {@code [0, k)}} */
  public int[] assignments() {
    return assignments.clone();
  }

  /** {@return the number of clusters {@code k}} */
  public int clusters() {
    return centroids.length;
  }

  /** {@return the sum of squared distances of the training samples to their centroids} */
  public double inertia() {
    return inertia;
  }

  /** {@return the number of Lloyd iterations of the best restart} */
  public int iterations() {
    return iterations;
  }

  /** {@return whether the best restart converged before the iteration limit} */
  public boolean converged() {
    return converged;
  }

  /**
   * Assigns samples to their nearest centroid (the lowest index on ties).
   *
   * @param x rows of the training dimension
   * @return the cluster of each row
   * @throws IllegalArgumentException if a row has the wrong length or a value is not finite
   */
  public int[] predict(double[][] x) {
    KMeans.checkRows(x, centroids[0].length);
    return KMeans.nearest(
            Kernels.squaredDistances(Kernels.toMatrix(x), Kernels.toMatrix(centroids)))
        .assignments;
  }
}
