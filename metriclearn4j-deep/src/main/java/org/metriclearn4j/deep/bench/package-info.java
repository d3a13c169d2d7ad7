/**
 * Reference benchmark protocols of the deep module, runnable from code and from the command-line
 * tool: {@link org.metriclearn4j.deep.bench.DigitsProtocol} (pytorch-metric-learning's losses and
 * miners on the 8x8 digits, compared with its published figures) and {@link
 * org.metriclearn4j.deep.bench.MnistSiamese} (a Siamese network on MNIST with the per-epoch mean
 * same-class and different-class distances).
 */
@NullMarked
package org.metriclearn4j.deep.bench;

import org.jspecify.annotations.NullMarked;
