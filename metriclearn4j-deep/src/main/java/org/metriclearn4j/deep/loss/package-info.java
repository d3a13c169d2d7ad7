/**
 * Deep metric learning losses. A {@link org.metriclearn4j.deep.loss.MetricLoss} takes a batch of
 * embeddings, their labels and optionally the tuples a miner chose, and returns a scalar {@code
 * NDArray} that is part of the autograd graph, so it works inside any DJL training loop. Each loss
 * is one class named after its paper, built from a {@link
 * org.metriclearn4j.deep.distance.BatchDistance} and a {@link
 * org.metriclearn4j.deep.reduce.Reducer}, with the defaults of pytorch-metric-learning 2.8.1. The
 * proxy losses learn one proxy per class; their proxies are a DJL {@code Block} that the training
 * loop must optimise (see {@link org.metriclearn4j.deep.loss.MetricLoss#parameters()}).
 */
@NullMarked
package org.metriclearn4j.deep.loss;

import org.jspecify.annotations.NullMarked;
