/**
 * Seeded batch samplers: which samples go into each batch of an epoch, and for the Siamese and
 * triplet set-ups which pairs or triplets inside the batch the loss should use. Every sampler is
 * immutable; the batches of epoch {@code e} depend only on the seed, {@code e} and the labels.
 */
@NullMarked
package org.metriclearn4j.deep.sampler;

import org.jspecify.annotations.NullMarked;
