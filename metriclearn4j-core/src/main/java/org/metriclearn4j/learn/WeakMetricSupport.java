package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/** Numerical helpers shared by the weakly supervised learners (package-private). */
final class WeakMetricSupport {
  /** Pairs of points sampled, at most, to estimate distance percentiles. */
  static final int PERCENTILE_SAMPLE = 200_000;

  private WeakMetricSupport() {}

  /**
   * Returns the differences {@code x[first[p]] - x[second[p]]} as rows.
   *
   * @param x the {@code n x d} points
   * @param first first indices
   * @param second second indices
   * @return the {@code p x d} differences
   */
  static DMatrixRMaj differences(DMatrixRMaj x, int[] first, int[] second) {
    int d = x.numCols;
    DMatrixRMaj out = new DMatrixRMaj(first.length, d);
    for (int p = 0; p < first.length; p++) {
      int a = first[p] * d;
      int b = second[p] * d;
      int o = p * d;
      for (int t = 0; t < d; t++) {
        out.data[o + t] = x.data[a + t] - x.data[b + t];
      }
    }
    return out;
  }

  /**
   * Returns the covariance {@code (1/m) sum (x_i - mean)(x_i - mean)^T} of the given rows.
   *
   * @param x the points
   * @param rows the rows to use (all when {@code null}-free array of every index)
   * @return the {@code d x d} covariance
   */
  static DMatrixRMaj covariance(DMatrixRMaj x, int[] rows) {
    int d = x.numCols;
    int m = rows.length;
    double[] mean = new double[d];
    for (int r : rows) {
      for (int t = 0; t < d; t++) {
        mean[t] += x.data[r * d + t];
      }
    }
    for (int t = 0; t < d; t++) {
      mean[t] /= m;
    }
    DMatrixRMaj centred = new DMatrixRMaj(m, d);
    for (int i = 0; i < m; i++) {
      int r = rows[i];
      for (int t = 0; t < d; t++) {
        centred.data[i * d + t] = x.data[r * d + t] - mean[t];
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    Gemm.multTransA(centred, centred, cov);
    CommonOps_DDRM.scale(1.0 / m, cov);
    Kernels.symmetrize(cov);
    return cov;
  }

  /**
   * Returns the diagonal matrix of inverse variances of the given rows; a feature whose variance is
   * below {@code 1e-12} times the mean variance gets {@code 1 / mean variance}, and all ones when
   * every feature is constant.
   *
   * @param x the points
   * @param rows the rows to use
   * @return the {@code d x d} diagonal matrix
   */
  static DMatrixRMaj inverseVariances(DMatrixRMaj x, int[] rows) {
    int d = x.numCols;
    double[] mean = new double[d];
    double[] var = new double[d];
    for (int r : rows) {
      for (int t = 0; t < d; t++) {
        mean[t] += x.data[r * d + t];
      }
    }
    for (int t = 0; t < d; t++) {
      mean[t] /= rows.length;
    }
    for (int r : rows) {
      for (int t = 0; t < d; t++) {
        double c = x.data[r * d + t] - mean[t];
        var[t] += c * c;
      }
    }
    double meanVar = 0;
    for (int t = 0; t < d; t++) {
      var[t] /= rows.length;
      meanVar += var[t] / d;
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (int t = 0; t < d; t++) {
      double v = var[t] > 1e-12 * meanVar ? var[t] : meanVar;
      out.set(t, t, v > 0 ? 1.0 / v : 1.0);
    }
    return out;
  }

  /**
   * Returns the square roots of {@link #inverseVariances}: {@code 1 / standard deviation} of each
   * feature over the given rows ({@code 1 / sqrt(mean variance)} for a feature without variance).
   *
   * @param x the points
   * @param rows the rows to use
   * @return the {@code d} scale factors
   */
  static double[] inverseStandardDeviations(DMatrixRMaj x, int[] rows) {
    DMatrixRMaj iv = inverseVariances(x, rows);
    double[] out = new double[x.numCols];
    for (int t = 0; t < out.length; t++) {
      out[t] = Math.sqrt(iv.get(t, t));
    }
    return out;
  }

  /**
   * Returns a copy of {@code x} with column {@code t} multiplied by {@code f[t]}.
   *
   * @param x the points
   * @param f one factor per column
   * @return the scaled copy
   */
  static DMatrixRMaj scaleColumns(DMatrixRMaj x, double[] f) {
    DMatrixRMaj out = x.copy();
    int d = x.numCols;
    for (int i = 0; i < x.numRows; i++) {
      for (int t = 0; t < d; t++) {
        out.data[i * d + t] *= f[t];
      }
    }
    return out;
  }

  /** Returns {@code 0..n-1}. */
  static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  /**
   * Returns the distinct point indices used by constraints, in increasing order.
   *
   * @param n the number of points
   * @param indexArrays index arrays of the constraints
   * @return the used indices
   */
  static int[] usedPoints(int n, int[]... indexArrays) {
    boolean[] used = new boolean[n];
    for (int[] a : indexArrays) {
      for (int i : a) {
        used[i] = true;
      }
    }
    int count = 0;
    for (boolean u : used) {
      if (u) {
        count++;
      }
    }
    int[] out = new int[count];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (used[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  /**
   * Returns {@code (S + ridge * D)^{-1}} for a symmetric PSD {@code S}, with {@code D} the diagonal
   * of {@code S} (a zero diagonal entry replaced by the mean diagonal), through the
   * eigen-decomposition of {@code S} scaled to unit diagonal. Regularising each feature relative to
   * its own variance keeps the result independent of the units of the features. A zero matrix gives
   * the identity.
   *
   * @param s a symmetric PSD matrix
   * @param ridge the relative ridge, {@code > 0}
   * @return the regularised inverse, symmetric positive definite
   */
  static DMatrixRMaj regularisedInverse(DMatrixRMaj s, double ridge) {
    int d = s.numRows;
    double mean = CommonOps_DDRM.trace(s) / d;
    if (!(mean > 0)) {
      return CommonOps_DDRM.identity(d);
    }
    double[] unit = new double[d];
    for (int i = 0; i < d; i++) {
      double v = s.get(i, i) > 1e-12 * mean ? s.get(i, i) : mean;
      unit[i] = 1.0 / Math.sqrt(v);
    }
    DMatrixRMaj r = new DMatrixRMaj(d, d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        r.set(i, j, s.get(i, j) * unit[i] * unit[j]);
      }
    }
    SymmetricEigen eig = Kernels.symmetricEigen(r);
    DMatrixRMaj v = eig.vectors();
    DMatrixRMaj scaled = v.copy();
    for (int c = 0; c < d; c++) {
      double inv = 1.0 / (Math.max(0, eig.values()[c]) + ridge);
      for (int row = 0; row < d; row++) {
        scaled.set(row, c, scaled.get(row, c) * inv);
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    Gemm.multTransB(scaled, v, out);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        out.set(i, j, out.get(i, j) * unit[i] * unit[j]);
      }
    }
    Kernels.symmetrize(out);
    return out;
  }

  /**
   * Returns the {@code q}-th percentile of values with linear interpolation between order
   * statistics (numpy's default).
   *
   * @param values the values (sorted in place)
   * @param q the percentile in {@code [0, 100]}
   * @return the percentile
   */
  static double percentile(double[] values, double q) {
    Arrays.sort(values);
    double pos = q / 100.0 * (values.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(values.length - 1, lo + 1);
    double frac = pos - lo;
    return values[lo] + frac * (values[hi] - values[lo]);
  }

  /**
   * Returns squared distances {@code (x_i - x_j)^T A (x_i - x_j)} over pairs of distinct rows among
   * {@code rows}: all pairs when there are at most {@link #PERCENTILE_SAMPLE}, otherwise that many
   * pairs drawn uniformly with the seed.
   *
   * @param x the points
   * @param rows the rows to use
   * @param a the metric matrix
   * @param seed the seed of the sample
   * @return the squared distances
   */
  static double[] squaredDistanceSample(DMatrixRMaj x, int[] rows, DMatrixRMaj a, long seed) {
    int m = rows.length;
    long all = (long) m * (m - 1) / 2;
    int count = (int) Math.min(all, PERCENTILE_SAMPLE);
    int[] first = new int[count];
    int[] second = new int[count];
    if (all <= PERCENTILE_SAMPLE) {
      int p = 0;
      for (int i = 0; i < m; i++) {
        for (int j = i + 1; j < m; j++) {
          first[p] = rows[i];
          second[p] = rows[j];
          p++;
        }
      }
    } else {
      SplittableRandom random = new SplittableRandom(seed);
      for (int p = 0; p < count; p++) {
        int i = random.nextInt(m);
        int j = random.nextInt(m - 1);
        if (j >= i) {
          j++;
        }
        first[p] = rows[i];
        second[p] = rows[j];
      }
    }
    DMatrixRMaj diffs = differences(x, first, second);
    return quadraticForms(diffs, a);
  }

  /**
   * Returns {@code v_p^T A v_p} for every row {@code v_p} of {@code v}.
   *
   * @param v the {@code p x d} vectors
   * @param a the {@code d x d} matrix
   * @return the {@code p} quadratic forms
   */
  static double[] quadraticForms(DMatrixRMaj v, DMatrixRMaj a) {
    DMatrixRMaj va = new DMatrixRMaj(v.numRows, v.numCols);
    Gemm.mult(v, a, va);
    int d = v.numCols;
    double[] out = new double[v.numRows];
    for (int p = 0; p < v.numRows; p++) {
      double s = 0;
      int o = p * d;
      for (int t = 0; t < d; t++) {
        s += va.data[o + t] * v.data[o + t];
      }
      out[p] = Math.max(0, s);
    }
    return out;
  }

  /**
   * Returns the Frobenius inner product {@code <a, b> = sum_ij a_ij b_ij}.
   *
   * @param a a matrix
   * @param b a matrix of the same shape
   * @return the inner product
   */
  static double frobeniusDot(DMatrixRMaj a, DMatrixRMaj b) {
    double s = 0;
    for (int i = 0; i < a.numRows * a.numCols; i++) {
      s += a.data[i] * b.data[i];
    }
    return s;
  }

  /**
   * Returns the largest value, or 0 when all are negative or there are none.
   *
   * @param v the values
   * @return {@code max(0, max_i v_i)}
   */
  static double maxOf(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * Returns the fitted metric of a symmetric PSD matrix (small negative eigenvalues from rounding
   * are clamped to zero).
   *
   * @param m the learned matrix
   * @param summary what the fit did
   * @param provenance where it came from
   * @return the metric with {@code L^T L = M}
   */
  static MahalanobisMetric metricOf(DMatrixRMaj m, FitSummary summary, Provenance provenance) {
    DMatrixRMaj sym = m.copy();
    Kernels.symmetrize(sym);
    return MahalanobisMetric.of(Kernels.psdFactor(sym), summary, provenance);
  }

  /**
   * Returns an ordered, modifiable map for hyperparameters.
   *
   * @param keyValues alternating names and values
   * @return the map with {@code String.valueOf} of each value
   */
  static Map<String, String> hyperparameters(Object... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      map.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
    }
    return map;
  }

  /**
   * Throws if a value is not finite and positive.
   *
   * @param name the argument
   * @param value the value
   */
  static void checkPositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + ": expected a finite value > 0, found " + value);
    }
  }

  /**
   * Throws if a count is below a minimum.
   *
   * @param name the argument
   * @param value the value
   * @param min the minimum
   */
  static void checkAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + ": expected >= " + min + ", found " + value);
    }
  }
}
