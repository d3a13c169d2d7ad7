/** Pipelines of transforms that end in a classifier, refitted as a whole on each training fold. */
@NullMarked
package org.metriclearn4j.pipeline;

import org.jspecify.annotations.NullMarked;
