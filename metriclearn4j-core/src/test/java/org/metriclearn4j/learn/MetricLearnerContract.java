package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * The behaviour every {@link SupervisedMetricLearner} must have, written once: a test class for a
 * learner extends this and supplies {@link #learner(long)}; the hooks describe what the contract
 * cannot know (whether the seed matters, whether the output dimension can be chosen).
 *
 * <p>Data: small real sets from the bundled resources (iris, wine), unscaled. Checks: the learned
 * {@code M} is symmetric PSD; the same seed gives bit-identical components, also for different
 * thread counts; transform-then-Euclidean equals {@code distance}; the distance is symmetric, zero
 * on identical points and satisfies the triangle inequality; invalid data never reaches a learner;
 * a single class is rejected with a message about classes; {@code d > n} gives a PSD metric or a
 * clear error; fitting changes neither the learner nor the data; the output dimension and
 * provenance match.
 */
public abstract class MetricLearnerContract {

  /**
   * Returns the learner under test, configured with {@code seed} and otherwise its defaults (or
   * settings that keep the test fast).
   *
   * @param seed the random seed
   * @return a learner
   */
  protected abstract SupervisedMetricLearner learner(long seed);

  /**
   * Returns whether the learner's result does not depend on the seed at all (a closed form, or a
   * deterministic start). Default {@code false}.
   *
   * @return {@code true} to also check that different seeds give identical components
   */
  protected boolean deterministicRegardlessOfSeed() {
    return false;
  }

  /**
   * Returns the learner configured to output {@code outputDimension} dimensions, or {@code null}
   * when its output dimension cannot be chosen. Default {@code null}.
   *
   * @param seed the random seed
   * @param outputDimension the wanted output dimension
   * @return the learner, or {@code null}
   */
  protected @Nullable SupervisedMetricLearner learnerWithOutputDimension(
      long seed, int outputDimension) {
    return null;
  }

  /**
   * Returns the output dimension that {@link #learner(long)} produces on data with {@code
   * inputDimension} features. Default: {@code inputDimension}.
   *
   * @param inputDimension the number of features
   * @return the expected number of rows of {@code L}
   */
  protected int expectedOutputDimension(int inputDimension) {
    return inputDimension;
  }

  /**
   * Returns the small real training set most checks use: the first 20 samples of each iris class
   * (60 samples, 4 features, unscaled). Override to use other data.
   *
   * @return the data
   */
  protected LabeledDataset trainingData() {
    return firstOfEachClass(BundledDatasets.load("iris"), 20);
  }

  /**
   * Returns data with more features than samples: the first 4 samples of each of the first two wine
   * classes (8 samples, 13 unscaled features).
   *
   * @return the data
   */
  protected LabeledDataset moreFeaturesThanSamples() {
    LabeledDataset wine = BundledDatasets.load("wine");
    LabeledDataset eight = firstOfEachClass(wine, 4);
    int[] twoClasses = new int[8];
    int p = 0;
    for (int i = 0; i < eight.size() && p < 8; i++) {
      if (eight.label(i) < 2) {
        twoClasses[p++] = i;
      }
    }
    return eight.subset(twoClasses);
  }

  /**
   * Returns the first {@code perClass} samples of every class, class by class, in file order.
   *
   * @param data the data
   * @param perClass samples per class (classes with fewer give all theirs)
   * @return the subset
   */
  protected static LabeledDataset firstOfEachClass(LabeledDataset data, int perClass) {
    int[] taken = new int[data.numClasses()];
    int[] rows = new int[data.size()];
    int count = 0;
    for (int c = 0; c < data.numClasses(); c++) {
      for (int i = 0; i < data.size(); i++) {
        if (data.label(i) == c && taken[c] < perClass) {
          taken[c]++;
          rows[count++] = i;
        }
      }
    }
    return data.subset(Arrays.copyOf(rows, count));
  }

  /**
   * Returns Gaussian classes: class {@code c} has mean {@code separation * c * scale_j} on the
   * first feature and {@code separation * (c % 2) * scale_j} on the second, and standard deviation
   * {@code scale_j} on feature {@code j}.
   *
   * @param name the data set's name
   * @param classes the number of classes
   * @param perClass samples per class
   * @param scales the per-feature scales (their number is the dimension)
   * @param separation the distance between class means, in units of the scale
   * @param seed the random seed
   * @return the data, class by class
   */
  protected static LabeledDataset gaussianClasses(
      String name, int classes, int perClass, double[] scales, double separation, long seed) {
    Random random = new Random(seed);
    int d = scales.length;
    double[][] x = new double[classes * perClass][d];
    int[] y = new int[classes * perClass];
    for (int c = 0; c < classes; c++) {
      for (int s = 0; s < perClass; s++) {
        int i = c * perClass + s;
        y[i] = c;
        for (int j = 0; j < d; j++) {
          double mean = j == 0 ? separation * c : j == 1 ? separation * (c % 2) : 0;
          x[i][j] = scales[j] * (mean + random.nextGaussian());
        }
      }
    }
    return LabeledDataset.of(name, x, y);
  }

  private MahalanobisMetric fitDefault() {
    return learner(7).fit(trainingData());
  }

  @Test
  void fittedMatrixIsSymmetricPositiveSemidefinite() {
    double[][] m = fitDefault().matrix();
    int d = m.length;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertEquals(m[i][j], m[j][i], 1e-12 * Math.max(1, Math.abs(m[i][j])), "symmetric");
        assertTrue(Double.isFinite(m[i][j]));
      }
    }
    double[] eigenvalues = Kernels.symmetricEigen(Kernels.toMatrix(m)).values();
    double largest = Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[d - 1]));
    assertTrue(largest > 0, "a metric that is not identically zero");
    assertTrue(
        eigenvalues[d - 1] >= -1e-9 * largest,
        "smallest eigenvalue " + eigenvalues[d - 1] + " of largest " + largest);
  }

  @Test
  void sameSeedGivesBitIdenticalComponents() {
    LabeledDataset data = trainingData();
    double[][] first = learner(11).fit(data).components();
    double[][] second = learner(11).fit(data).components();
    assertBitIdentical(first, second);
  }

  @Test
  void resultIsBitIdenticalForAnyThreadCount() throws Exception {
    LabeledDataset data = trainingData();
    SupervisedMetricLearner learner = learner(3);
    double[][] reference = learner.fit(data).components();
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        double[][] other = pool.submit(() -> learner.fit(data).components()).get();
        assertBitIdentical(reference, other);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void differentSeedsGiveTheSameComponentsWhenTheLearnerIsDeterministic() {
    Assumptions.assumeTrue(deterministicRegardlessOfSeed(), "the learner uses its seed");
    LabeledDataset data = trainingData();
    assertBitIdentical(learner(1).fit(data).components(), learner(2).fit(data).components());
  }

  private static void assertBitIdentical(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length, "rows");
    for (int r = 0; r < expected.length; r++) {
      assertArrayEquals(expected[r], actual[r], 0.0, "row " + r);
    }
    assertTrue(Arrays.deepEquals(box(expected), box(actual)), "bit-identical, including -0.0");
  }

  private static Double[][] box(double[][] m) {
    return Arrays.stream(m)
        .map(r -> Arrays.stream(r).boxed().toArray(Double[]::new))
        .toArray(Double[][]::new);
  }

  @Test
  void transformThenEuclideanEqualsTheDistance() {
    MahalanobisMetric metric = fitDefault();
    LabeledDataset data = trainingData();
    double[][] x = data.features();
    double[][] z = metric.transform(x);
    Random random = new Random(5);
    for (int t = 0; t < 200; t++) {
      int a = random.nextInt(x.length);
      int b = random.nextInt(x.length);
      double s = 0;
      for (int k = 0; k < z[a].length; k++) {
        s += (z[a][k] - z[b][k]) * (z[a][k] - z[b][k]);
      }
      double euclidean = Math.sqrt(s);
      double d = metric.distance(x[a], x[b]);
      assertEquals(euclidean, d, 1e-9 * Math.max(euclidean, 1e-300), "pair " + a + "," + b);
    }
  }

  @Test
  void distanceIsSymmetricZeroForIdenticalPointsAndSatisfiesTheTriangleInequality() {
    MahalanobisMetric metric = fitDefault();
    double[][] x = trainingData().features();
    Random random = new Random(6);
    for (int t = 0; t < 300; t++) {
      double[] a = x[random.nextInt(x.length)];
      double[] b = x[random.nextInt(x.length)];
      double[] c = x[random.nextInt(x.length)];
      double ab = metric.distance(a, b);
      assertEquals(ab, metric.distance(b, a), 1e-12 * Math.max(1, ab));
      assertEquals(0, metric.distance(a, a));
      double scale = Math.max(1, ab + metric.distance(b, c));
      assertTrue(
          metric.distance(a, c) <= ab + metric.distance(b, c) + 1e-9 * scale,
          "triangle inequality");
    }
  }

  @Test
  void datasetsWithNonFiniteValuesOrMismatchedLengthsCannotBeBuilt() {
    // the learner can rely on this: it never sees such data
    double[][] nan = {{1, 2}, {Double.NaN, 0}};
    double[][] inf = {{1, Double.NEGATIVE_INFINITY}, {0, 0}};
    assertThrows(IllegalArgumentException.class, () -> LabeledDataset.of("n", nan, new int[2]));
    assertThrows(IllegalArgumentException.class, () -> LabeledDataset.of("i", inf, new int[2]));
    double[][] ok = {{1, 2}, {3, 4}, {5, 6}};
    assertThrows(IllegalArgumentException.class, () -> LabeledDataset.of("l", ok, new int[2]));
    double[][] ragged = {{1, 2}, {3}};
    assertThrows(IllegalArgumentException.class, () -> LabeledDataset.of("r", ragged, new int[2]));
  }

  @Test
  void singleClassIsRejectedWithAMessageAboutClasses() {
    LabeledDataset data = trainingData();
    LabeledDataset single =
        LabeledDataset.of(
            "single", data.features(), new int[data.size()], List.of("only"), data.featureNames());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> learner(1).fit(single));
    assertTrue(
        String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("class"), e.getMessage());
  }

  @Test
  void moreFeaturesThanSamplesGivesAPsdMetricOrAClearError() {
    LabeledDataset wide = moreFeaturesThanSamples();
    int d = wide.dimension();
    assertTrue(d > wide.size(), "the data has more features than samples");
    MahalanobisMetric metric;
    try {
      metric = learner(1).fit(wide);
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      assertTrue(
          message.contains("sample") || message.contains("feature") || message.contains("dimen"),
          "a clear message: " + e.getMessage());
      return;
    }
    assertEquals(d, metric.inputDimension());
    double[][] m = metric.matrix();
    double[] eigenvalues = Kernels.symmetricEigen(Kernels.toMatrix(m)).values();
    double largest = Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[d - 1]));
    assertTrue(eigenvalues[d - 1] >= -1e-9 * largest, "PSD");
    for (double[] row : metric.components()) {
      for (double v : row) {
        assertTrue(Double.isFinite(v));
      }
    }
  }

  @Test
  void fittingModifiesNeitherTheLearnerNorTheData() {
    LabeledDataset data = trainingData();
    double[][] features = data.features();
    int[] labels = data.labels();
    SupervisedMetricLearner learner = learner(4);
    String before = learner.toString();
    double[][] first = learner.fit(data).components();
    assertEquals(before, learner.toString(), "configuration unchanged");
    assertTrue(Arrays.deepEquals(features, data.features()), "features unchanged");
    assertArrayEquals(labels, data.labels(), "labels unchanged");
    assertBitIdentical(first, learner.fit(data).components());
  }

  @Test
  void outputDimensionMatchesTheConfiguration() {
    LabeledDataset data = trainingData();
    MahalanobisMetric metric = fitDefault();
    assertEquals(data.dimension(), metric.inputDimension());
    assertEquals(expectedOutputDimension(data.dimension()), metric.outputDimension());
    assertEquals(metric.outputDimension(), metric.components().length);
    assertEquals(data.dimension(), metric.matrix().length);
    SupervisedMetricLearner reduced = learnerWithOutputDimension(1, 2);
    if (reduced != null) {
      MahalanobisMetric small = reduced.fit(data);
      assertEquals(2, small.outputDimension());
      assertEquals(data.dimension(), small.inputDimension());
      assertEquals(2, small.transform(data.row(0)).length);
    }
  }

  @Test
  void provenanceNamesTheLearnerAndTheDataShape() {
    LabeledDataset data = trainingData();
    SupervisedMetricLearner learner = learner(8);
    MahalanobisMetric metric = learner.fit(data);
    assertEquals(learner.name(), metric.provenance().learner());
    assertEquals(data.size(), metric.provenance().samples());
    assertEquals(data.dimension(), metric.provenance().features());
  }
}
