/**
 * Weak supervision for metric learning: pairs labelled same or different, triplets, quadruplets and
 * chunks, each an immutable, validated set of index tuples over a shared matrix of points, and a
 * seeded {@link org.metriclearn4j.constraints.ConstraintSampler} that draws them from class labels
 * (metric-learn's {@code *_Supervised} behaviour).
 */
@NullMarked
package org.metriclearn4j.constraints;

import org.jspecify.annotations.NullMarked;
