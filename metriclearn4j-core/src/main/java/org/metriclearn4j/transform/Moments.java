package org.metriclearn4j.transform;

import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;

/** Means and scatter matrices shared by the transforms of this package (two-pass, exact order). */
final class Moments {
  private Moments() {}

  /** {@return the column means of the dataset} */
  static double[] mean(LabeledDataset data) {
    int n = data.size();
    int d = data.dimension();
    double[] x = data.featuresRowMajor();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    return mean;
  }

  /**
   * Returns the per-class means ({@code c x d}, row {@code k} for class {@code k}; rows of classes
   * without samples are zero) and fills {@code counts}.
   */
  static double[][] classMeans(LabeledDataset data, int[] counts) {
    int n = data.size();
    int d = data.dimension();
    double[] x = data.featuresRowMajor();
    double[][] means = new double[data.numClasses()][d];
    for (int i = 0; i < n; i++) {
      int c = data.label(i);
      counts[c]++;
      for (int j = 0; j < d; j++) {
        means[c][j] += x[i * d + j];
      }
    }
    for (int c = 0; c < means.length; c++) {
      if (counts[c] > 0) {
        for (int j = 0; j < d; j++) {
          means[c][j] /= counts[c];
        }
      }
    }
    return means;
  }

  /**
   * Returns {@code sum_i (x_i - m_{g(i)})(x_i - m_{g(i)})^T}, where {@code g(i)} is row {@code i}'s
   * group and {@code centres[g]} its centre: with one group and the overall mean this is the total
   * scatter, with the classes and their means the within-class scatter.
   *
   * @param data the samples
   * @param centres the centre of each group ({@code d} values each)
   * @param group the group of each row (an index into {@code centres})
   * @return the symmetric {@code d x d} scatter
   */
  static DMatrixRMaj centredScatter(LabeledDataset data, double[][] centres, int[] group) {
    int n = data.size();
    int d = data.dimension();
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    double[] x = data.featuresRowMajor();
    for (int i = 0; i < n; i++) {
      double[] m = centres[group[i]];
      for (int j = 0; j < d; j++) {
        centred.data[i * d + j] = x[i * d + j] - m[j];
      }
    }
    DMatrixRMaj scatter = new DMatrixRMaj(d, d);
    Gemm.multTransA(centred, centred, scatter);
    Kernels.symmetrize(scatter);
    return scatter;
  }

  /**
   * Flips the sign of each row so that its entry of largest magnitude (the first such entry on
   * ties) is positive; rows are written in place.
   */
  static void fixSigns(double[][] rows) {
    for (double[] row : rows) {
      int best = 0;
      for (int j = 1; j < row.length; j++) {
        if (Math.abs(row[j]) > Math.abs(row[best])) {
          best = j;
        }
      }
      if (row[best] < 0) {
        for (int j = 0; j < row.length; j++) {
          row[j] = -row[j];
        }
      }
    }
  }
}
