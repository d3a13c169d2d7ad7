/**
 * Reducers: turn the vector of per-element, per-pair or per-triplet losses that a loss computes
 * into the scalar it returns (mean, mean over the non-zero losses, sum). A reducer of an empty
 * vector returns a zero that is still part of the autograd graph, so {@code backward} works on a
 * batch without any valid tuple.
 */
@NullMarked
package org.metriclearn4j.deep.reduce;

import org.jspecify.annotations.NullMarked;
