/** Metric learners: each class is one published method that learns a Mahalanobis metric. */
@NullMarked
package org.metriclearn4j.learn;

import org.jspecify.annotations.NullMarked;
