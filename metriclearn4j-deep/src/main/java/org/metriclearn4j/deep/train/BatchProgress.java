package org.metriclearn4j.deep.train;

/**
 * One optimisation step just done.
 *
 * @param epoch the epoch, from 1
 * @param batch the batch within the epoch, from 1
 * @param batchesInEpoch the number of batches of this epoch
 * @param step the step over the whole run, from 1
 * @param loss the batch loss before the step
 * @param tuples the number of tuples the loss used: mined or sampled pairs plus triplets, or {@code
 *     -1} when the loss used every pair or triplet of the batch
 */
public record BatchProgress(
    int epoch, int batch, int batchesInEpoch, long step, double loss, long tuples) {}
