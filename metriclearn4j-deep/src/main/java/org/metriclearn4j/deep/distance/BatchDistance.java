package org.metriclearn4j.deep.distance;

import ai.djl.ndarray.NDArray;

/**
 * A distance or similarity between every query embedding and every reference embedding of two
 * batches, computed on DJL arrays so that gradients flow through it (pytorch-metric-learning's
 * {@code BaseDistance}).
 *
 * <p>{@link #largerIsCloser()} says which way the values point: {@code false} for distances
 * (Euclidean: smaller is closer), {@code true} for similarities (cosine, dot product: larger is
 * closer). Losses and miners never compare values directly; they use {@link #margin(NDArray,
 * NDArray)}, {@link #closest(NDArray, NDArray)} and {@link #isCloser(double, double)}, so that one
 * formula serves both kinds.
 *
 * <p>All operations keep the data type of their inputs (float32 or float64) and attach their
 * results to the inputs' {@code NDManager}, as DJL operators do.
 */
public interface BatchDistance {

  /**
   * Returns the matrix of values between each query and each reference, after L2-normalising both
   * batches when {@link #normalizeEmbeddings()} is set.
   *
   * @param queries a {@code B x D} array of embeddings (read only)
   * @param references an {@code R x D} array of embeddings with the same {@code D} (read only)
   * @return a {@code B x R} array; entry {@code (i, j)} is the value between query {@code i} and
   *     reference {@code j}
   * @throws IllegalArgumentException if an input is not two-dimensional or the widths differ
   */
  NDArray matrix(NDArray queries, NDArray references);

  /**
   * Returns whether a larger value means closer: {@code true} for similarities, {@code false} for
   * distances.
   *
   * @return the direction of the values
   */
  boolean largerIsCloser();

  /**
   * Returns whether {@link #matrix} L2-normalises the embeddings (each row divided by its Euclidean
   * norm) before comparing them.
   *
   * @return whether embeddings are normalised first
   */
  boolean normalizeEmbeddings();

  /**
   * Returns a short name, for example {@code "euclidean"} or {@code "cosine"}.
   *
   * @return the name
   */
  String name();

  /**
   * Returns the embeddings as this distance sees them: L2-normalised rows when {@link
   * #normalizeEmbeddings()} is set, the input itself otherwise. A row of zeros stays zero.
   *
   * @param embeddings an {@code N x D} array (read only)
   * @return the normalised array, or {@code embeddings} itself
   */
  default NDArray normalize(NDArray embeddings) {
    return normalizeEmbeddings() ? embeddings.normalize(2, 1, 1e-12) : embeddings;
  }

  /**
   * Returns by how much {@code x} is farther than {@code y}: {@code x - y} for a distance and
   * {@code y - x} for a similarity (pytorch-metric-learning's {@code margin}). A positive result
   * means {@code x} is the farther of the two; a hinge on {@code margin(ap, an) + m} is the triplet
   * loss for either kind.
   *
   * @param x values of this distance
   * @param y values of this distance, broadcastable against {@code x}
   * @return {@code x - y} or {@code y - x}
   */
  default NDArray margin(NDArray x, NDArray y) {
    return largerIsCloser() ? y.sub(x) : x.sub(y);
  }

  /**
   * Returns {@link #margin(NDArray, NDArray)} with a constant second operand.
   *
   * @param x values of this distance
   * @param y a constant value of this distance
   * @return {@code x - y} or {@code y - x}
   */
  default NDArray margin(NDArray x, double y) {
    return largerIsCloser() ? x.neg().add(y) : x.sub(y);
  }

  /**
   * Returns {@link #margin(NDArray, NDArray)} with a constant first operand.
   *
   * @param x a constant value of this distance
   * @param y values of this distance
   * @return {@code x - y} or {@code y - x}
   */
  default NDArray margin(double x, NDArray y) {
    return largerIsCloser() ? y.sub(x) : y.neg().add(x);
  }

  /**
   * Returns {@link #margin(NDArray, NDArray)} on plain numbers.
   *
   * @param x a value of this distance
   * @param y a value of this distance
   * @return {@code x - y} for a distance, {@code y - x} for a similarity
   */
  default double margin(double x, double y) {
    return largerIsCloser() ? y - x : x - y;
  }

  /**
   * Returns the element-wise closer of two arrays of values: the minimum for a distance, the
   * maximum for a similarity.
   *
   * @param a values of this distance
   * @param b values of this distance, of the same shape
   * @return the closer value of each pair
   */
  default NDArray closest(NDArray a, NDArray b) {
    return largerIsCloser() ? a.maximum(b) : a.minimum(b);
  }

  /**
   * Returns whether value {@code a} is strictly closer than value {@code b}.
   *
   * @param a a value of this distance
   * @param b a value of this distance
   * @return {@code a > b} for a similarity, {@code a < b} for a distance
   */
  default boolean isCloser(double a, double b) {
    return largerIsCloser() ? a > b : a < b;
  }

  /**
   * Returns values turned into scores where larger is closer: the values themselves for a
   * similarity, their negation for a distance (used by the softmax-based losses).
   *
   * @param values values of this distance
   * @return scores, larger meaning closer
   */
  default NDArray toScores(NDArray values) {
    return largerIsCloser() ? values : values.neg();
  }
}
