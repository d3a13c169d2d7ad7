package org.metriclearn4j.deep.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.linalg.Kernels;

/**
 * Mean Euclidean distance between embeddings of same-class pairs and of different-class pairs of a
 * fixed held-out sample: the curve of the Siamese MNIST example (Hadsell, Chopra and LeCun, CVPR
 * 2006), where training should pull same-class pairs together and push different-class pairs apart.
 * Every unordered pair {@code i < j} of the sample counts once.
 *
 * <p>Measurements: {@value #SAME_CLASS} and {@value #DIFFERENT_CLASS}. With {@code l2Normalize}
 * (the default of {@link #of(TensorDataset)}) embeddings are scaled to unit length first, so the
 * distances lie in {@code [0, 2]} and do not depend on the embedding's scale.
 */
public final class PairDistanceEvaluator implements EpochEvaluator {
  /** Name of the mean same-class distance: {@value}. */
  public static final String SAME_CLASS = "same_class_distance";

  /** Name of the mean different-class distance: {@value}. */
  public static final String DIFFERENT_CLASS = "different_class_distance";

  private final TensorDataset sample;
  private final boolean l2Normalize;

  private PairDistanceEvaluator(TensorDataset sample, boolean l2Normalize) {
    this.sample = sample;
    this.l2Normalize = l2Normalize;
  }

  /**
   * Measures on L2-normalised embeddings.
   *
   * @param sample the held-out samples, with at least one same-class and one different-class pair
   * @return the evaluator
   * @throws IllegalArgumentException if the sample has no same-class or no different-class pair
   */
  public static PairDistanceEvaluator of(TensorDataset sample) {
    return of(sample, true);
  }

  /**
   * Measures on raw or L2-normalised embeddings.
   *
   * @param sample the held-out samples, with at least one same-class and one different-class pair
   * @param l2Normalize whether to scale embeddings to unit length first
   * @return the evaluator
   * @throws IllegalArgumentException if the sample has no same-class or no different-class pair
   */
  public static PairDistanceEvaluator of(TensorDataset sample, boolean l2Normalize) {
    int[] counts = new int[sample.numClasses()];
    for (int label : sample.labels()) {
      counts[label]++;
    }
    long same = 0;
    int present = 0;
    for (int c : counts) {
      same += (long) c * (c - 1) / 2;
      present += c > 0 ? 1 : 0;
    }
    if (same == 0 || present < 2) {
      throw new IllegalArgumentException(
          "sample: expected at least one same-class and one different-class pair, found "
              + same
              + " same-class pairs over "
              + present
              + " classes");
    }
    return new PairDistanceEvaluator(sample, l2Normalize);
  }

  @Override
  public Map<String, Double> evaluate(Embedder embedder) {
    float[][] embeddings = embedder.embed(sample);
    double[] means = meanDistances(embeddings, sample.labels(), l2Normalize);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(SAME_CLASS, means[0]);
    out.put(DIFFERENT_CLASS, means[1]);
    return out;
  }

  /**
   * Computes the two means.
   *
   * @param embeddings one row per sample
   * @param labels one class per sample
   * @param l2Normalize whether to scale rows to unit length first
   * @return {@code {mean same-class distance, mean different-class distance}}
   */
  static double[] meanDistances(float[][] embeddings, int[] labels, boolean l2Normalize) {
    int n = embeddings.length;
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      double[] row = new double[embeddings[i].length];
      double norm = 0;
      for (int j = 0; j < row.length; j++) {
        row[j] = embeddings[i][j];
        norm += row[j] * row[j];
      }
      if (l2Normalize) {
        double scale = 1.0 / Math.max(Math.sqrt(norm), 1e-12);
        for (int j = 0; j < row.length; j++) {
          row[j] *= scale;
        }
      }
      rows[i] = row;
    }
    DMatrixRMaj x = Kernels.toMatrix(rows);
    DMatrixRMaj squared = Kernels.squaredDistances(x, x);
    double same = 0;
    double different = 0;
    long sameCount = 0;
    long differentCount = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double d = Math.sqrt(Math.max(0.0, squared.get(i, j)));
        if (labels[i] == labels[j]) {
          same += d;
          sameCount++;
        } else {
          different += d;
          differentCount++;
        }
      }
    }
    return new double[] {same / sameCount, different / differentCount};
  }

  @Override
  public String toString() {
    return "pair-distances(n=" + sample.size() + ", l2Normalize=" + l2Normalize + ")";
  }
}
