/**
 * Embedding networks: immutable, serialisable descriptions ({@link
 * org.metriclearn4j.deep.network.NetworkSpec}) of a multi-layer perceptron ({@link
 * org.metriclearn4j.deep.network.Mlp}), a small convolutional network for 28x28 images ({@link
 * org.metriclearn4j.deep.network.SmallCnn}) or any DJL {@link ai.djl.nn.Block} ({@link
 * org.metriclearn4j.deep.network.CustomNetwork}), each of which builds fresh DJL blocks.
 */
@NullMarked
package org.metriclearn4j.deep.network;

import org.jspecify.annotations.NullMarked;
