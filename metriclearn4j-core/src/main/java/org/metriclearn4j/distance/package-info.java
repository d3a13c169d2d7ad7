/** Distances between vectors and between probability distributions. */
@NullMarked
package org.metriclearn4j.distance;

import org.jspecify.annotations.NullMarked;
