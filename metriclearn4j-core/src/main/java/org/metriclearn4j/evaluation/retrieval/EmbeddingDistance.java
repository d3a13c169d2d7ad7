package org.metriclearn4j.evaluation.retrieval;

/** How embeddings are compared when ranking references for a query. */
public enum EmbeddingDistance {
  /** Euclidean distance between the embeddings as given. */
  EUCLIDEAN,
  /**
   * Cosine distance {@code 1 - cos}: the embeddings are L2-normalised first, after which the
   * Euclidean ranking is the cosine ranking ({@code ||u - v||^2 = 2 - 2 cos} for unit vectors).
   * Zero vectors are rejected.
   */
  COSINE
}
