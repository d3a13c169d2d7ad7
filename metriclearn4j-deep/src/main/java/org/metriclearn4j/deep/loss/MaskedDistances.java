package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.BatchDistance;
import org.metriclearn4j.deep.miner.MinerResult;

/**
 * The {@code B x B} distance matrix of a checked batch with the masks of the pairs that a loss
 * using pairs as masks ({@link LiftedStructureLoss}, {@link MultiSimilarityLoss}) takes into
 * account.
 *
 * @param matrix the distance between every two embeddings of the batch
 * @param positiveMask ones at the positive pairs, zeros elsewhere
 * @param negativeMask ones at the negative pairs, zeros elsewhere
 */
record MaskedDistances(NDArray matrix, NDArray positiveMask, NDArray negativeMask) {

  /**
   * Checks a batch and its tuples, builds the pair masks (from the tuples, a repeated pair counting
   * once, or from all pairs without tuples) and computes the distance matrix.
   *
   * @param distance the distance between embeddings
   * @param embeddings the embeddings
   * @param labels the labels
   * @param tuples the tuples, or null for all pairs
   * @return the distance matrix and the masks, of the embeddings' manager and data type
   */
  static MaskedDistances of(
      BatchDistance distance, NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    int[] y = LossSupport.checkBatch(embeddings, labels, tuples);
    NDArray[] masks =
        LossSupport.pairMasks(embeddings.getManager(), embeddings.getDataType(), y, tuples);
    NDArray matrix = distance.matrix(embeddings, embeddings);
    return new MaskedDistances(matrix, masks[0], masks[1]);
  }
}
