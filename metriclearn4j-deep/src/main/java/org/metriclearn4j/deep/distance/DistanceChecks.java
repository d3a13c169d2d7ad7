package org.metriclearn4j.deep.distance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Argument checks shared by the distances of this package. */
final class DistanceChecks {
  private DistanceChecks() {}

  /**
   * Checks that both batches are two-dimensional with the same width.
   *
   * @param queries the query batch
   * @param references the reference batch
   * @throws IllegalArgumentException naming the argument and the shape found
   */
  static void checkBatches(NDArray queries, NDArray references) {
    Shape q = queries.getShape();
    Shape r = references.getShape();
    if (q.dimension() != 2) {
      throw new IllegalArgumentException(
          "queries must be a 2-D array (batch x embedding width), found shape " + q);
    }
    if (r.dimension() != 2) {
      throw new IllegalArgumentException(
          "references must be a 2-D array (batch x embedding width), found shape " + r);
    }
    if (q.get(1) != r.get(1)) {
      throw new IllegalArgumentException(
          "queries and references must have the same embedding width, found "
              + q.get(1)
              + " and "
              + r.get(1));
    }
  }
}
