/** Nearest-neighbour search (exact, blocked) and the k-nearest-neighbours classifier. */
@NullMarked
package org.metriclearn4j.neighbors;

import org.jspecify.annotations.NullMarked;
