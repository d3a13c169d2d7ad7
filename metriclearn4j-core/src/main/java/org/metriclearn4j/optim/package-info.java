/** Numerical optimisers used by gradient-based learners (L-BFGS with a line search). */
@NullMarked
package org.metriclearn4j.optim;

import org.jspecify.annotations.NullMarked;
