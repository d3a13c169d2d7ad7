/** Fitted Mahalanobis metrics, with what their fit did and where they came from. */
@NullMarked
package org.metriclearn4j.metric;

import org.jspecify.annotations.NullMarked;
