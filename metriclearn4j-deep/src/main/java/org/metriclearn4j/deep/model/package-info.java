/**
 * Trained embedding models ({@link org.metriclearn4j.deep.model.EmbeddingModel}: a network with its
 * parameters and the preprocessing of its inputs) and their files ({@link
 * org.metriclearn4j.deep.model.EmbeddingModelFiles}: DJL parameters plus a versioned JSON sidecar,
 * written atomically and checked on load).
 */
@NullMarked
package org.metriclearn4j.deep.model;

import org.jspecify.annotations.NullMarked;
