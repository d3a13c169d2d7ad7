package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;

/**
 * The behaviour every weakly supervised learner ({@code fit(Pairs)}, {@code fit(Triplets)}, {@code
 * fit(Quadruplets)}, {@code fit(Chunks)}) must have, written once for a constraint type {@code C}:
 * a PSD, finite result; the same seed gives bit-identical components, whatever the thread count;
 * transform-then-Euclidean equals the distance; provenance names the learner and the shape; huge,
 * tiny, constant and duplicated features give a finite PSD metric; and constraints that are empty,
 * index outside the points or have mismatched lengths cannot be built, with a message that names
 * the argument.
 *
 * @param <C> the constraint type
 */
abstract class WeakLearnerContract<C> {

  /**
   * Returns constraints drawn from labelled data.
   *
   * @param data labelled samples
   * @param seed the seed of the draw
   * @return the constraints
   */
  protected abstract C constraints(LabeledDataset data, long seed);

  /**
   * Fits the learner under test, configured with {@code seed} and its defaults.
   *
   * @param constraints the constraints
   * @param seed the learner's seed (ignored by deterministic learners)
   * @return the metric
   */
  protected abstract MahalanobisMetric fit(C constraints, long seed);

  /** {@return the learner's name as recorded in provenance} */
  protected abstract String learnerName();

  /**
   * Returns the same constraints over other points (same number of rows).
   *
   * @param constraints the constraints
   * @param points the new points
   * @return the constraints over {@code points}
   */
  protected abstract C withPoints(C constraints, double[][] points);

  /**
   * Returns the points of the constraints.
   *
   * @param constraints the constraints
   * @return the points
   */
  protected abstract double[][] pointsOf(C constraints);

  /**
   * Returns constructions of invalid constraints over {@code points} (4 rows): with no constraint,
   * with an index outside the points, and with index arrays of different lengths. Each must throw
   * {@link IllegalArgumentException}.
   *
   * @param points four points
   * @return the constructions
   */
  protected abstract List<Executable> invalidConstructions(double[][] points);

  /** {@return the labelled data the constraints are drawn from: 20 iris samples per class} */
  protected LabeledDataset trainingData() {
    return MetricLearnerContract.firstOfEachClass(BundledDatasets.load("iris"), 20);
  }

  private C drawn() {
    return constraints(trainingData(), 5);
  }

  static void assertPsdAndFinite(MahalanobisMetric metric) {
    double[][] m = metric.matrix();
    int d = m.length;
    for (double[] row : metric.components()) {
      for (double v : row) {
        assertTrue(Double.isFinite(v), "finite components");
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertEquals(m[i][j], m[j][i], 1e-12 * Math.max(1, Math.abs(m[i][j])), "symmetric");
      }
    }
    double[] ev = Kernels.symmetricEigen(Kernels.toMatrix(m)).values();
    double largest = Math.max(Math.abs(ev[0]), Math.abs(ev[d - 1]));
    assertTrue(largest > 0, "not identically zero");
    assertTrue(ev[d - 1] >= -1e-9 * largest, "PSD: smallest eigenvalue " + ev[d - 1]);
  }

  static void assertBitIdentical(double[][] expected, double[][] actual) {
    assertEquals(expected.length, actual.length, "rows");
    for (int r = 0; r < expected.length; r++) {
      assertArrayEquals(expected[r], actual[r], 0.0, "row " + r);
      for (int c = 0; c < expected[r].length; c++) {
        assertEquals(
            Double.doubleToRawLongBits(expected[r][c]),
            Double.doubleToRawLongBits(actual[r][c]),
            "bits at " + r + "," + c);
      }
    }
  }

  @Test
  void fittedMatrixIsSymmetricPositiveSemidefiniteAndFinite() {
    assertPsdAndFinite(fit(drawn(), 1));
  }

  @Test
  void sameSeedGivesBitIdenticalComponents() {
    C c = drawn();
    assertBitIdentical(fit(c, 9).components(), fit(c, 9).components());
  }

  @Test
  void resultIsBitIdenticalForAnyThreadCount() throws Exception {
    C c = drawn();
    double[][] reference = fit(c, 3).components();
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        assertBitIdentical(reference, pool.submit(() -> fit(c, 3).components()).get());
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void transformThenEuclideanEqualsTheDistance() {
    C c = drawn();
    MahalanobisMetric metric = fit(c, 1);
    double[][] x = pointsOf(c);
    double[][] z = metric.transform(x);
    Random random = new Random(2);
    for (int t = 0; t < 100; t++) {
      int a = random.nextInt(x.length);
      int b = random.nextInt(x.length);
      double s = 0;
      for (int k = 0; k < z[a].length; k++) {
        s += (z[a][k] - z[b][k]) * (z[a][k] - z[b][k]);
      }
      double expected = Math.sqrt(s);
      assertEquals(expected, metric.distance(x[a], x[b]), 1e-9 * Math.max(expected, 1e-300));
    }
  }

  @Test
  void provenanceNamesTheLearnerAndTheShapeOfThePoints() {
    C c = drawn();
    MahalanobisMetric metric = fit(c, 1);
    double[][] x = pointsOf(c);
    assertEquals(learnerName(), metric.provenance().learner());
    assertEquals(x.length, metric.provenance().samples());
    assertEquals(x[0].length, metric.provenance().features());
    assertEquals(x[0].length, metric.inputDimension());
    assertTrue(metric.fitSummary().iterations() >= 0);
  }

  @Test
  void hugeAndTinyFeatureScalesGiveAFinitePsdMetric() {
    C c = drawn();
    for (double scale : new double[] {1e6, 1e-6}) {
      double[][] x = pointsOf(c);
      for (double[] row : x) {
        for (int j = 0; j < row.length; j++) {
          row[j] = row[j] * (j == 0 ? scale : 1) + 1e3;
        }
      }
      assertPsdAndFinite(fit(withPoints(c, x), 1));
    }
  }

  @Test
  void constantAndDuplicatedFeaturesGiveAFinitePsdMetric() {
    C c = drawn();
    double[][] x = pointsOf(c);
    double[][] wider = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      wider[i] = Arrays.copyOf(x[i], x[i].length + 2);
      wider[i][x[i].length] = 7.0;
      wider[i][x[i].length + 1] = x[i][0];
    }
    MahalanobisMetric metric = fit(withPoints(c, wider), 1);
    assertEquals(x[0].length + 2, metric.inputDimension());
    assertPsdAndFinite(metric);
  }

  @Test
  void emptyOutOfRangeAndMismatchedConstraintsCannotBeBuilt() {
    double[][] points = {{0, 0}, {1, 0}, {0, 1}, {2, 2}};
    List<Executable> constructions = invalidConstructions(points);
    assertTrue(constructions.size() >= 3, "empty, out of range and mismatched lengths");
    for (Executable e : constructions) {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class, e);
      String message = String.valueOf(error.getMessage());
      assertTrue(message.contains("expected") && message.contains("found"), message);
    }
  }
}
