/**
 * Retrieval metrics for embeddings, classic (a fitted metric's {@code x -> Lx}) and deep alike:
 * Precision@1, R-Precision, MAP@R, MAP, mean reciprocal rank and Recall@K, computed exactly in
 * memory-bounded query blocks.
 */
@NullMarked
package org.metriclearn4j.evaluation.retrieval;

import org.jspecify.annotations.NullMarked;
