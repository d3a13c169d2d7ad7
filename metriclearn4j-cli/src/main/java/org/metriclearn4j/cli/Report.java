package org.metriclearn4j.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ForkJoinPool;
import org.metriclearn4j.evaluation.CrossValidationResult;
import org.metriclearn4j.linalg.Parallelism;

/** Number formatting shared by the commands' reports. */
final class Report {
  private Report() {}

  /**
   * Returns how core's kernels use threads: on the common fork-join pool (its worker count) or on
   * the calling thread only ({@code -Dmetriclearn4j.parallel=false}).
   */
  static String threads() {
    return Parallelism.enabled()
        ? "blocked kernels: up to "
            + (ForkJoinPool.getCommonPoolParallelism() + 1)
            + " threads (the caller and the common fork-join pool)"
        : "blocked kernels: calling thread only (-D" + Parallelism.PROPERTY + "=false)";
  }

  /** Returns {@code "0.9733 ± 0.0249"}. */
  static String meanStd(CrossValidationResult result) {
    return String.format(Locale.ROOT, "%.4f ± %.4f", result.mean(), result.standardDeviation());
  }

  /** Returns {@code "[0.9667, 1.0000, ...]"}. */
  static String scores(double[] scores) {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (double s : scores) {
      joiner.add(String.format(Locale.ROOT, "%.4f", s));
    }
    return joiner.toString();
  }

  /** Returns the median of the values (the mean of the middle two for an even count). */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
  }

  /** Returns the values as an array. */
  static double[] toArray(java.util.List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Returns the values rounded to three decimals. */
  static double[] round3(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.round(values[i] * 1000.0) / 1000.0;
    }
    return out;
  }
}
