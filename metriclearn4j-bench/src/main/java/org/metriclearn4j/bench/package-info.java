/**
 * JMH benchmarks of the shared numeric kernels, the exact kNN index and the learners. Built only
 * with the {@code bench} profile; see CONTRIBUTING.md for the command that runs them.
 */
@NullMarked
package org.metriclearn4j.bench;

import org.jspecify.annotations.NullMarked;
