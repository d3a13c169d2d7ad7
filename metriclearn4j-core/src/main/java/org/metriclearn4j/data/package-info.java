/** Labelled datasets, CSV loading and the bundled benchmark datasets. */
@NullMarked
package org.metriclearn4j.data;

import org.jspecify.annotations.NullMarked;
