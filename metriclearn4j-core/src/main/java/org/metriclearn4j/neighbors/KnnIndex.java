package org.metriclearn4j.neighbors;

/**
 * An index over a fixed set of reference points that answers k-nearest-neighbour queries in
 * Euclidean distance. Implementations are immutable and safe to query from several threads.
 *
 * <p>To search in a learned Mahalanobis metric, index the transformed points {@code Lx} and query
 * with transformed queries: the Euclidean distance there is the Mahalanobis distance.
 */
public interface KnnIndex {

  /**
   * Returns the number of indexed reference points {@code n}.
   *
   * @return the number of indexed reference points {@code n}
   */
  int size();

  /**
   * Returns the dimension {@code d} of the indexed points.
   *
   * @return the dimension {@code d} of the indexed points
   */
  int dimension();

  /**
   * Finds the {@code k} nearest reference points of each query.
   *
   * @param queries rows of length {@link #dimension()} (read only)
   * @param k the number of neighbours, in {@code [1, size()]}
   * @return for each query, reference indices and squared distances, nearest first
   * @throws IllegalArgumentException if {@code k} is out of range or a query has the wrong length
   */
  Neighbors search(double[][] queries, int k);

  /**
   * Finds, for every indexed point, its {@code k} nearest other indexed points (leave-one-out): the
   * point itself, identified by its index, is never its own neighbour, while other points at the
   * same position are.
   *
   * @param k the number of neighbours, in {@code [1, size() - 1]}
   * @return {@link #size()} rows of reference indices and squared distances, nearest first
   * @throws IllegalArgumentException if {@code k} is out of range
   */
  Neighbors searchExcludingSelf(int k);
}
