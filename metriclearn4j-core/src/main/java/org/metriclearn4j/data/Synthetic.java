package org.metriclearn4j.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Small two-dimensional, two-class datasets that no linear map can separate, generated from a seed:
 * two concentric rings and two interleaved half-moons (the shapes of scikit-learn's {@code
 * make_circles} and {@code make_moons}). They show what kernel methods add to linear metric
 * learning.
 *
 * <p>The points of each class are evenly spaced along its curve, then Gaussian noise with standard
 * deviation {@code noise} is added to each coordinate, and the rows are shuffled; everything random
 * comes from the seed, so the same arguments give the same dataset.
 */
public final class Synthetic {
  private Synthetic() {}

  /**
   * Returns two concentric circles centred at the origin: class {@code "outer"} (index 0) of radius
   * 1 with {@code samples / 2} points, class {@code "inner"} (index 1) of radius {@code
   * innerRadius} with the rest.
   *
   * @param samples the number of points, {@code >= 4}
   * @param innerRadius the radius of the inner circle, in {@code (0, 1)}
   * @param noise the standard deviation of the Gaussian noise, finite and {@code >= 0}
   * @param seed the seed of the noise and of the shuffle
   * @return the dataset, named {@code "rings"}, features {@code x0, x1}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static LabeledDataset concentricRings(
      int samples, double innerRadius, double noise, long seed) {
    checkSamples(samples);
    if (!(innerRadius > 0 && innerRadius < 1)) {
      throw new IllegalArgumentException(
          "innerRadius: expected a value in (0, 1), found " + innerRadius);
    }
    checkNoise(noise);
    int outer = samples / 2;
    double[][] x = new double[samples][];
    int[] y = new int[samples];
    for (int i = 0; i < samples; i++) {
      boolean isOuter = i < outer;
      int count = isOuter ? outer : samples - outer;
      int position = isOuter ? i : i - outer;
      double angle = 2 * Math.PI * position / count;
      double radius = isOuter ? 1 : innerRadius;
      x[i] = new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
      y[i] = isOuter ? 0 : 1;
    }
    return finish("rings", x, y, List.of("outer", "inner"), noise, seed);
  }

  /**
   * Returns two interleaved half-circles of radius 1: class {@code "upper"} (index 0), {@code
   * samples / 2} points on the upper half of the circle centred at {@code (0, 0)}, and class {@code
   * "lower"} (index 1), the rest on the lower half of the circle centred at {@code (1, 0.5)}.
   *
   * @param samples the number of points, {@code >= 4}
   * @param noise the standard deviation of the Gaussian noise, finite and {@code >= 0}
   * @param seed the seed of the noise and of the shuffle
   * @return the dataset, named {@code "moons"}, features {@code x0, x1}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static LabeledDataset moons(int samples, double noise, long seed) {
    checkSamples(samples);
    checkNoise(noise);
    int upper = samples / 2;
    double[][] x = new double[samples][];
    int[] y = new int[samples];
    for (int i = 0; i < samples; i++) {
      boolean isUpper = i < upper;
      int count = isUpper ? upper : samples - upper;
      int position = isUpper ? i : i - upper;
      double angle = Math.PI * position / (count - 1);
      x[i] =
          isUpper
              ? new double[] {Math.cos(angle), Math.sin(angle)}
              : new double[] {1 - Math.cos(angle), 0.5 - Math.sin(angle)};
      y[i] = isUpper ? 0 : 1;
    }
    return finish("moons", x, y, List.of("upper", "lower"), noise, seed);
  }

  private static LabeledDataset finish(
      String name, double[][] x, int[] y, List<String> classes, double noise, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] += noise * random.nextGaussian();
      }
    }
    for (int i = x.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double[] row = x[i];
      x[i] = x[j];
      x[j] = row;
      int label = y[i];
      y[i] = y[j];
      y[j] = label;
    }
    return LabeledDataset.of(name, x, y, classes, LabeledDataset.defaultFeatureNames(2));
  }

  private static void checkSamples(int samples) {
    if (samples < 4) {
      throw new IllegalArgumentException("samples: expected >= 4, found " + samples);
    }
  }

  private static void checkNoise(double noise) {
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException("noise: expected a finite value >= 0, found " + noise);
    }
  }
}
