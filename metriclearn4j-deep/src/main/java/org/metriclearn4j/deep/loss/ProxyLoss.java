package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;

/**
 * What the proxy losses share: the learned {@link ProxyBlock} and the distance from embeddings to
 * proxies, the checks of a batch against the proxies, and the accessors that expose them.
 */
abstract class ProxyLoss implements MetricLoss {
  final BatchDistance distance;
  final ProxyBlock proxies;

  /**
   * Creates the proxies (not yet initialised) from the builder's settings.
   *
   * @param builder the validated settings
   * @param proxyStd the standard deviation of the initial proxies
   */
  ProxyLoss(ProxyLossBuilder<?> builder, double proxyStd) {
    this.distance = builder.distance;
    this.proxies = new ProxyBlock(builder.numClasses, builder.embeddingDim, proxyStd, builder.seed);
  }

  /**
   * Checks a batch and its tuples, and that the labels are class indices of the proxies and the
   * embedding width is theirs.
   *
   * @param embeddings the embeddings
   * @param labels the labels
   * @param tuples the tuples, or null
   * @return the labels as Java integers
   */
  final int[] checkedLabels(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    int[] y = LossSupport.checkBatch(embeddings, labels, tuples);
    long width = embeddings.getShape().get(1);
    if (width != proxies.embeddingDim()) {
      throw new IllegalArgumentException(
          "embeddings must have width "
              + proxies.embeddingDim()
              + " (the proxies' embeddingDim), found "
              + width);
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= proxies.numClasses()) {
        throw new IllegalArgumentException(
            "labels must be class indices in [0, "
                + proxies.numClasses()
                + ") for a proxy loss, found "
                + y[i]
                + " at position "
                + i);
      }
    }
    return y;
  }

  /**
   * Returns the {@code B x numClasses} distance (or similarity) matrix from the embeddings to the
   * proxies, computed in the embeddings' data type.
   *
   * @param embeddings the checked embeddings
   * @return the matrix, in the autograd graph of the embeddings and the proxies
   */
  final NDArray proxyMatrix(NDArray embeddings) {
    NDArray proxyArray = proxies.proxies().toType(embeddings.getDataType(), false);
    return distance.matrix(embeddings, proxyArray);
  }

  /**
   * Returns the batch positions that take part: all of them without tuples, or those that occur in
   * at least one tuple (in any role), in increasing order.
   *
   * @param batchSize the batch size
   * @param tuples the tuples, or null
   * @return the positions
   */
  static int[] participants(int batchSize, @Nullable MinerResult tuples) {
    boolean[] used = new boolean[batchSize];
    if (tuples == null) {
      Arrays.fill(used, true);
    } else {
      Pairs pairs = tuples.pairs();
      for (int[] indices :
          new int[][] {
            pairs.positiveAnchors(), pairs.positives(), pairs.negativeAnchors(), pairs.negatives()
          }) {
        for (int i : indices) {
          used[i] = true;
        }
      }
    }
    int count = 0;
    for (boolean u : used) {
      count += u ? 1 : 0;
    }
    int[] result = new int[count];
    int k = 0;
    for (int i = 0; i < batchSize; i++) {
      if (used[i]) {
        result[k++] = i;
      }
    }
    return result;
  }

  /**
   * Returns the block holding the learned proxies, which the training loop must initialise and
   * optimise (see {@link MetricLoss#parameters()}).
   *
   * @return the {@link ProxyBlock}
   */
  @Override
  public final Optional<Block> parameters() {
    return Optional.of(proxies);
  }

  /**
   * Returns the proxy block (the same object as {@link #parameters()}).
   *
   * @return the proxy block (the same object as {@link #parameters()})
   */
  public final ProxyBlock proxyBlock() {
    return proxies;
  }

  @Override
  public final BatchDistance distance() {
    return distance;
  }
}
