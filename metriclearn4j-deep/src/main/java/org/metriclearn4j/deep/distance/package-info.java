/**
 * Batch distances for deep metric learning: a {@link org.metriclearn4j.deep.distance.BatchDistance}
 * turns two batches of embeddings into a matrix of distances or similarities on DJL {@code
 * NDArray}s, so that gradients flow through it, and knows whether a larger value means closer.
 * Losses and miners take their margins through its helpers, so the same code works for Euclidean
 * distances and for cosine or dot-product similarities.
 */
@NullMarked
package org.metriclearn4j.deep.distance;

import org.jspecify.annotations.NullMarked;
