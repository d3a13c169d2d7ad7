package org.metriclearn4j.deep.distance;

import ai.djl.ndarray.NDArray;

/**
 * Dot-product similarity between embeddings (pytorch-metric-learning's {@code
 * DotProductSimilarity}). Larger is closer.
 *
 * <p>Default (as in pytorch-metric-learning 2.8.1): embeddings are not normalised, so the
 * similarity grows with their norms; with normalisation it equals {@link CosineSimilarity}.
 */
public final class DotProductSimilarity implements BatchDistance {
  private final boolean normalizeEmbeddings;

  private DotProductSimilarity(boolean normalizeEmbeddings) {
    this.normalizeEmbeddings = normalizeEmbeddings;
  }

  /**
   * Returns the dot product of the raw embeddings (the default).
   *
   * @return the similarity
   */
  public static DotProductSimilarity create() {
    return new DotProductSimilarity(false);
  }

  /**
   * Returns the dot product, of the L2-normalised embeddings if {@code normalizeEmbeddings} is set.
   *
   * @param normalizeEmbeddings whether to L2-normalise the embeddings first
   * @return the similarity
   */
  public static DotProductSimilarity create(boolean normalizeEmbeddings) {
    return new DotProductSimilarity(normalizeEmbeddings);
  }

  @Override
  public NDArray matrix(NDArray queries, NDArray references) {
    DistanceChecks.checkBatches(queries, references);
    return normalize(queries).matMul(normalize(references).transpose());
  }

  @Override
  public boolean largerIsCloser() {
    return true;
  }

  @Override
  public boolean normalizeEmbeddings() {
    return normalizeEmbeddings;
  }

  @Override
  public String name() {
    return "dot-product";
  }

  @Override
  public String toString() {
    return "DotProductSimilarity[normalizeEmbeddings=" + normalizeEmbeddings + "]";
  }
}
