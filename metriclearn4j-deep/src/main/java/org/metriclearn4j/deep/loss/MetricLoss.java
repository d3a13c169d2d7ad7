package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.miner.MinerResult;

/**
 * A deep metric learning loss (pytorch-metric-learning's {@code BaseMetricLossFunction}): from a
 * batch of embeddings, their labels and optionally mined tuples, a scalar that is part of the
 * autograd graph of the embeddings, so it works inside any DJL training loop:
 *
 * <pre>{@code
 * try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
 *   NDArray embeddings = net.forward(parameterStore, new NDList(x), true).singletonOrThrow();
 *   NDArray loss = lossFunction.compute(embeddings, labels, miner.mine(embeddings, labels));
 *   collector.backward(loss);
 * }
 * }</pre>
 *
 * <p>Losses are immutable configurations (the proxy losses also carry their learned proxies, see
 * {@link #parameters()}) and create their intermediate arrays on the manager of {@code embeddings},
 * as DJL operators do; close that manager (for example the batch's) to free them.
 */
public interface MetricLoss {

  /**
   * Computes the loss of a batch.
   *
   * @param embeddings a {@code B x D} float32 or float64 array, usually requiring gradients (read
   *     only)
   * @param labels the {@code B} integer class labels, of shape {@code (B)} or {@code (B, 1)} and
   *     any numeric type holding whole numbers (read only)
   * @param tuples the pairs or triplets to use, or {@code null} to use every pair or triplet of the
   *     batch (each loss says which)
   * @return a zero-dimensional array of the embeddings' data type; {@code 0} (still in the autograd
   *     graph, so {@code backward} gives zero gradients) when the batch has no valid tuple
   * @throws IllegalArgumentException if the shapes disagree, a label is not a whole number (or, for
   *     proxy losses, not a class index), an embedding is not finite, or a tuple index is outside
   *     the batch
   * @throws IllegalStateException for a proxy loss whose proxies were not initialised
   */
  NDArray compute(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples);

  /**
   * Computes the loss over every pair or triplet of the batch; same as {@code compute(embeddings,
   * labels, null)}.
   *
   * @param embeddings a {@code B x D} float array (read only)
   * @param labels the {@code B} integer class labels (read only)
   * @return the loss, a zero-dimensional array
   * @throws IllegalArgumentException as {@link #compute(NDArray, NDArray, MinerResult)}
   */
  default NDArray compute(NDArray embeddings, NDArray labels) {
    return compute(embeddings, labels, null);
  }

  /**
   * Returns the learned parameters of this loss as a DJL {@link Block}, or empty for a loss without
   * parameters (all but the proxy losses).
   *
   * <p><b>Contract for training loops.</b> When this is present, the block's parameters must be
   * optimised together with the embedding network: add the block to the model (for example as a
   * child block of the model's root block, or initialise it and give its parameters to the
   * optimiser), initialise it once with {@code block.initialize(manager, DataType.FLOAT32, new
   * Shape(1))} (the block ignores its input shape) on a manager that lives as long as the model,
   * and let the optimiser update it after each {@code backward}. Its parameter is of type {@link
   * ai.djl.nn.Parameter.Type#OTHER}, so weight initialisers set for {@code WEIGHT} do not replace
   * the loss's seeded initialisation. The block's {@code forward} ignores its inputs and returns
   * the parameter array, so it can also sit inside a DJL model that is saved and loaded with the
   * network. The loss reads the parameter's own array ({@code Parameter.getArray()}), which is the
   * array that DJL's trainer updates when training on one device; training on several devices is
   * not supported by the proxy losses.
   *
   * @return the block holding the learned parameters, or empty
   */
  default Optional<Block> parameters() {
    return Optional.empty();
  }

  /**
   * Returns the distance this loss compares embeddings with.
   *
   * @return the distance
   */
  BatchDistance distance();

  /**
   * Returns a short name, for example {@code "contrastive"}.
   *
   * @return the name
   */
  String name();
}
