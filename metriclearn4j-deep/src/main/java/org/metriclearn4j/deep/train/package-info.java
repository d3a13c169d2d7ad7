/**
 * The training loop: {@link org.metriclearn4j.deep.train.MetricTrainer} runs epochs of an embedding
 * network over an in-memory {@link org.metriclearn4j.deep.data.TensorDataset} with DJL's autograd,
 * a metric loss, an optional miner and a batch sampler, and reports through {@link
 * org.metriclearn4j.deep.train.TrainingListener}s; per-epoch measurements come from {@link
 * org.metriclearn4j.deep.train.EpochEvaluator}s (mean same-class and different-class distances,
 * validation retrieval metrics), which also drive {@link
 * org.metriclearn4j.deep.train.EarlyStopping}.
 *
 * <h2>Siamese and triplet networks are set-ups of the same trainer</h2>
 *
 * <p>A Siamese network is one tower with shared weights applied to both members of a pair; a
 * triplet network is one tower applied to anchor, positive and negative. Here the network embeds
 * every sample of a batch with the same weights, so both are obtained by choosing what goes into a
 * batch and which tuples the loss sees:
 *
 * <ul>
 *   <li>Siamese: {@code sampler(PairSampler.of(32, seed))} puts 32 random balanced pairs (64
 *       samples) in each batch and hands exactly those pairs to a pair loss such as {@code
 *       ContrastiveLoss};
 *   <li>triplet: {@code sampler(TripletSampler.of(32, seed))} puts 32 random triplets (96 samples)
 *       in each batch and hands them to {@code TripletMarginLoss};
 *   <li>in-batch mining (the modern form): a plain or m-per-class sampler, the same losses, and a
 *       miner (or none, for all pairs or triplets of the batch).
 * </ul>
 */
@NullMarked
package org.metriclearn4j.deep.train;

import org.jspecify.annotations.NullMarked;
