package org.metriclearn4j.deep.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.deep.miner.AllPairsMiner;
import org.metriclearn4j.deep.miner.BatchInput;
import org.metriclearn4j.deep.miner.MinerResult;
import org.metriclearn4j.deep.miner.Pairs;

/** Array helpers shared by the losses: checks, gathers, masks and a masked log-sum-exp. */
final class LossSupport {
  private LossSupport() {}

  /**
   * Checks a batch and its tuples and returns the labels.
   *
   * @param embeddings the embeddings
   * @param labels the labels
   * @param tuples the tuples, or null
   * @return the labels as Java integers
   */
  static int[] checkBatch(NDArray embeddings, NDArray labels, @Nullable MinerResult tuples) {
    int[] y = BatchInput.labels(embeddings, labels);
    if (tuples != null) {
      tuples.checkIndices(y.length);
    }
    return y;
  }

  /**
   * Returns the pairs a pair loss uses: the tuples' pairs (triplets split into their two pairs) or,
   * without tuples, every ordered pair of the batch.
   *
   * @param labels the labels
   * @param tuples the tuples, or null for all pairs
   * @return the pairs
   */
  static Pairs pairs(int[] labels, @Nullable MinerResult tuples) {
    return tuples == null ? AllPairsMiner.allPairs(labels) : tuples.pairs();
  }

  /**
   * Gathers {@code matrix[rows[k], cols[k]]} for every {@code k}, differentiably.
   *
   * @param matrix a 2-D array
   * @param rows row indices
   * @param cols column indices, same length
   * @return a 1-D array of {@code rows.length} values (empty if there are none)
   */
  static NDArray gather(NDArray matrix, int[] rows, int[] cols) {
    long width = matrix.getShape().get(1);
    long[] linear = new long[rows.length];
    for (int k = 0; k < rows.length; k++) {
      linear[k] = rows[k] * width + cols[k];
    }
    NDArray index = matrix.getManager().create(linear);
    return matrix.take(index);
  }

  /**
   * Gathers {@code vector[indices[k]]} for every {@code k}, differentiably.
   *
   * @param vector a 1-D array
   * @param indices positions
   * @return a 1-D array of {@code indices.length} values
   */
  static NDArray gather(NDArray vector, int[] indices) {
    long[] linear = new long[indices.length];
    for (int k = 0; k < indices.length; k++) {
      linear[k] = indices[k];
    }
    return vector.take(vector.getManager().create(linear));
  }

  /**
   * Builds a {@code rows x cols} 0/1 mask with ones at the given positions (repeats count once).
   *
   * @param manager the manager of the result
   * @param dataType the data type of the result
   * @param numRows rows of the mask
   * @param numCols columns of the mask
   * @param rows row of each one
   * @param cols column of each one
   * @return the mask
   */
  static NDArray mask(
      NDManager manager, DataType dataType, int numRows, int numCols, int[] rows, int[] cols) {
    float[] values = new float[Math.multiplyExact(numRows, numCols)];
    for (int k = 0; k < rows.length; k++) {
      values[rows[k] * numCols + cols[k]] = 1f;
    }
    return fromFloats(manager, dataType, values, new Shape(numRows, numCols));
  }

  /**
   * Creates an array of the given type from float values.
   *
   * @param manager the manager of the result
   * @param dataType the data type of the result
   * @param values the values
   * @param shape the shape
   * @return the array
   */
  static NDArray fromFloats(NDManager manager, DataType dataType, float[] values, Shape shape) {
    NDArray array = manager.create(values, shape);
    return dataType == DataType.FLOAT32 ? array : array.toType(dataType, false);
  }

  /**
   * Computes {@code log(sum over kept entries of exp(x)) } along an axis, with an extra {@code
   * exp(0)} term when {@code addOne} (pytorch-metric-learning's masked {@code logsumexp}), stably
   * and differentiably. Lines with no kept entry give exactly 0 and a zero gradient, never NaN.
   *
   * @param x a 2-D array
   * @param keep a 0/1 array of the same shape and type: which entries take part
   * @param addOne whether to add {@code exp(0) = 1} inside the logarithm
   * @param axis the axis to reduce, 0 or 1
   * @return a 1-D array with the other axis's length
   */
  static NDArray logSumExp(NDArray x, NDArray keep, boolean addOne, int axis) {
    NDManager manager = x.getManager();
    DataType type = x.getDataType();
    int[] axes = {axis};
    NDArray negativeInfinity = manager.full(x.getShape(), Float.NEGATIVE_INFINITY, type);
    NDArray masked = NDArrays.where(keep.gt(0), x, negativeInfinity);
    NDArray anyKept = keep.sum(axes, true).gt(0);
    NDArray anyKeptValue = anyKept.toType(type, false);
    NDArray lineMax = masked.max(axes, true).stopGradient();
    if (addOne) {
      lineMax = lineMax.maximum(0);
    } else {
      lineMax = NDArrays.where(anyKept, lineMax, manager.zeros(lineMax.getShape(), type));
    }
    NDArray sum = masked.sub(lineMax).exp().sum(axes, true);
    if (addOne) {
      sum = sum.add(lineMax.neg().exp());
    }
    // Lines without a kept entry: log(sum + 1) is finite there and is multiplied by zero.
    NDArray safe = sum.add(anyKeptValue.neg().add(1));
    return safe.log().add(lineMax).mul(anyKeptValue).squeeze(axis);
  }

  /**
   * Computes {@code log(exp(a) + exp(b))} element-wise, stably and differentiably.
   *
   * @param a an array
   * @param b an array of the same shape
   * @return the result
   */
  static NDArray logAddExp(NDArray a, NDArray b) {
    NDArray max = a.maximum(b).stopGradient();
    return a.sub(max).exp().add(b.sub(max).exp()).log().add(max);
  }

  /**
   * Returns the all-pairs masks of a labelled batch: {@code [0]} ones where labels agree off the
   * diagonal, {@code [1]} ones where labels differ.
   *
   * @param labels the labels
   * @return two {@code B x B} float arrays, row-major
   */
  static float[][] allPairMasks(int[] labels) {
    int b = labels.length;
    float[] positive = new float[b * b];
    float[] negative = new float[b * b];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < b; j++) {
        if (labels[i] != labels[j]) {
          negative[i * b + j] = 1f;
        } else if (i != j) {
          positive[i * b + j] = 1f;
        }
      }
    }
    return new float[][] {positive, negative};
  }

  /**
   * Returns the positive-pair and negative-pair masks of a batch: from the tuples (repeated pairs
   * count once) or, without tuples, from all pairs.
   *
   * @param manager the manager of the result
   * @param dataType the data type of the result
   * @param labels the labels
   * @param tuples the tuples, or null for all pairs
   * @return {@code [positive mask, negative mask]}, both {@code B x B}
   */
  static NDArray[] pairMasks(
      NDManager manager, DataType dataType, int[] labels, @Nullable MinerResult tuples) {
    int b = labels.length;
    if (tuples == null) {
      float[][] masks = allPairMasks(labels);
      return new NDArray[] {
        fromFloats(manager, dataType, masks[0], new Shape(b, b)),
        fromFloats(manager, dataType, masks[1], new Shape(b, b))
      };
    }
    Pairs pairs = tuples.pairs();
    return new NDArray[] {
      mask(manager, dataType, b, b, pairs.positiveAnchors(), pairs.positives()),
      mask(manager, dataType, b, b, pairs.negativeAnchors(), pairs.negatives())
    };
  }

  static void checkFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, found " + value);
    }
  }

  static void checkPositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, found " + value);
    }
  }
}
