/**
 * Positive semidefinite kernels (RBF, polynomial, linear, sigmoid) and the learners that work in
 * the feature space they induce: kernel PCA, and the fitted {@link
 * org.metriclearn4j.kernel.KernelTransform} that maps new points through kernel evaluations against
 * stored training points.
 */
@NullMarked
package org.metriclearn4j.kernel;

import org.jspecify.annotations.NullMarked;
