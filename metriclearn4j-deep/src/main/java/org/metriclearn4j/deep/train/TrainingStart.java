package org.metriclearn4j.deep.train;

/**
 * What a training run is about to do.
 *
 * @param epochs the maximum number of epochs
 * @param batchesPerEpoch the number of batches of epoch 1 (samplers keep it constant)
 * @param samples the number of training samples
 * @param description the trainer's settings, one line
 */
public record TrainingStart(int epochs, int batchesPerEpoch, int samples, String description) {}
