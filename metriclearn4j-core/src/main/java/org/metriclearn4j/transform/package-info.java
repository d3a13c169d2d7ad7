/** Transforms (standard scaler, PCA, LDA) and their learners. */
@NullMarked
package org.metriclearn4j.transform;

import org.jspecify.annotations.NullMarked;
