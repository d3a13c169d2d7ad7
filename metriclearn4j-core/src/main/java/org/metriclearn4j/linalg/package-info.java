/**
 * The shared, blocked and multi-threaded numerical kernels that every learner uses (internal seam).
 */
@NullMarked
package org.metriclearn4j.linalg;

import org.jspecify.annotations.NullMarked;
