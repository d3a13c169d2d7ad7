package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.distance.DotProductSimilarity;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;
import org.metriclearn4j.deep.reduce.MeanReducer;
import org.metriclearn4j.deep.reduce.Reducer;

/**
 * The multi-class N-pair loss (Sohn, "Improved Deep Metric Learning with Multi-class N-pair Loss
 * Objective", NeurIPS 2016; pytorch-metric-learning's {@code NPairsLoss}).
 *
 * <p>One positive pair {@code (a_k, p_k)} is taken per label present among the anchors, and each
 * anchor must pick out its own positive among the {@code N} positives: anchor {@code k} costs
 * {@code -log softmax_j(S(a_k, p_j))[k] = log(1 + sum_{j != k} exp(S(a_k, p_j) - S(a_k, p_k)))},
 * with scores {@code S} the similarity (or the negated distance).
 *
 * <p>Tuples: pairs; for each anchor label the first positive pair with an anchor of that label is
 * used (negative pairs are ignored: the other classes' positives are the negatives). Without tuples
 * the first positive pair of each label in row-major order. Defaults (pytorch-metric-learning
 * 2.8.1): distance {@link DotProductSimilarity} (unnormalised), reducer {@link MeanReducer}. The
 * paper's optional L2 penalty on the embeddings is not part of this loss.
 */
public final class NPairsLoss extends TupleLoss {

  private NPairsLoss(Builder builder) {
    super(builder);
  }

  /**
   * Returns a builder with the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public NDArray compute(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    int[] y = LossSupport.checkBatch(embeddings, labels, tuples);
    Pairs pairs = LossSupport.pairs(y, tuples);
    int[] pairAnchors = pairs.positiveAnchors();
    int[] pairPositives = pairs.positives();
    Map<Integer, Integer> firstPairOfLabel = new LinkedHashMap<>();
    for (int k = 0; k < pairAnchors.length; k++) {
      firstPairOfLabel.putIfAbsent(y[pairAnchors[k]], k);
    }
    int n = firstPairOfLabel.size();
    int[] anchors = new int[n];
    int[] positives = new int[n];
    int next = 0;
    for (int k : firstPairOfLabel.values()) {
      anchors[next] = pairAnchors[k];
      positives[next] = pairPositives[k];
      next++;
    }
    NDArray matrix = distance.matrix(embeddings, embeddings);
    if (n == 0) {
      // No positive pair: an empty (but connected) vector of losses reduces to 0.
      return reducer.reduce(LossSupport.gather(matrix, new int[0], new int[0]));
    }
    int[] rows = new int[n * n];
    int[] cols = new int[n * n];
    int[] diagonal = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        rows[i * n + j] = anchors[i];
        cols[i * n + j] = positives[j];
      }
      diagonal[i] = i * n + i;
    }
    NDArray scores = distance.toScores(LossSupport.gather(matrix, rows, cols)).reshape(n, n);
    NDArray losses = LossSupport.gather(scores.logSoftmax(1).reshape(-1), diagonal).neg();
    return reducer.reduce(losses);
  }

  /**
   * Returns the reducer of the per-anchor losses.
   *
   * @return the reducer of the per-anchor losses
   */
  public Reducer reducer() {
    return reducer;
  }

  @Override
  public String name() {
    return "n-pairs";
  }

  @Override
  String settings() {
    return "";
  }

  /** Builder of {@link NPairsLoss}; {@link #build()} validates. */
  public static final class Builder extends LossBuilder<Builder> {
    private Builder() {
      super(DotProductSimilarity.create(), new MeanReducer());
    }

    /**
     * Builds the loss.
     *
     * @return the loss
     */
    public NPairsLoss build() {
      return new NPairsLoss(this);
    }
  }
}
