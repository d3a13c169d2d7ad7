package org.metriclearn4j.deep.distance;

import ai.djl.ndarray.NDArray;

/**
 * Cosine similarity between embeddings: the dot product of the L2-normalised embeddings, in {@code
 * [-1, 1]} (pytorch-metric-learning's {@code CosineSimilarity}). Larger is closer. Embeddings are
 * always normalised; a row of zeros has similarity 0 to everything.
 */
public final class CosineSimilarity implements BatchDistance {

  private CosineSimilarity() {}

  /**
   * Returns the cosine similarity.
   *
   * @return the similarity (it has no settings)
   */
  public static CosineSimilarity create() {
    return new CosineSimilarity();
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
    return true;
  }

  @Override
  public String name() {
    return "cosine";
  }

  @Override
  public String toString() {
    return "CosineSimilarity";
  }
}
