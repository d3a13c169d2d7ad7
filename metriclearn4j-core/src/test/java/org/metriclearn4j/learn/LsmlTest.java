package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Quadruplets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

class LsmlTest extends WeakLearnerContract<Quadruplets> {

  @Override
  protected Quadruplets constraints(LabeledDataset data, long seed) {
    return ConstraintSampler.withSeed(seed).quadruplets(data, 100);
  }

  @Override
  protected MahalanobisMetric fit(Quadruplets q, long seed) {
    return Lsml.builder().build().fit(q);
  }

  @Override
  protected String learnerName() {
    return "lsml";
  }

  @Override
  protected Quadruplets withPoints(Quadruplets q, double[][] points) {
    return Quadruplets.of(points, q.first(), q.second(), q.third(), q.fourth(), q.weights());
  }

  @Override
  protected double[][] pointsOf(Quadruplets q) {
    return q.points();
  }

  @Override
  protected List<Executable> invalidConstructions(double[][] points) {
    int[] none = new int[0];
    return List.of(
        () -> Quadruplets.of(points, none, none, none, none),
        () -> Quadruplets.of(points, new int[] {0}, new int[] {1}, new int[] {2}, new int[] {9}),
        () -> Quadruplets.of(points, new int[] {0}, new int[] {1, 2}, new int[] {2}, new int[] {3}),
        () ->
            Quadruplets.of(
                points, new int[] {0}, new int[] {1}, new int[] {2}, new int[] {3}, new double[2]));
  }

  /**
   * In one dimension the violated comparisons stay violated for every {@code m > 0}, so in the
   * prior's units ({@code z = x / sigma}) the objective is {@code m S + m - log m} with {@code S}
   * the weighted sum of squared residuals: the optimum is {@code m = 1 / (1 + S)}, that is {@code M
   * = 1 / ((1 + S) sigma^2)} in the input units.
   */
  @Test
  void oneDimensionalOptimumMatchesTheClosedForm() {
    double[][] x = {{0}, {1}, {3}, {4.5}, {7}, {8}};
    int[] a = {0, 2, 1, 3};
    int[] b = {2, 4, 2, 5};
    int[] c = {0, 4, 1, 0};
    int[] d = {1, 5, 3, 5};
    double[] w = {1, 2, 1, 0.5};
    Quadruplets q = Quadruplets.of(x, a, b, c, d, w);
    // population variance of all six points (all are used)
    double mean = (0 + 1 + 3 + 4.5 + 7 + 8) / 6.0;
    double var = 0;
    for (double[] row : x) {
      var += (row[0] - mean) * (row[0] - mean) / 6;
    }
    double sigma = Math.sqrt(var);
    double totalWeight = 4.5;
    double s = 0;
    int violated = 0;
    for (int k = 0; k < 4; k++) {
      double ab = Math.abs(x[a[k]][0] - x[b[k]][0]) / sigma;
      double cd = Math.abs(x[c[k]][0] - x[d[k]][0]) / sigma;
      if (ab > cd) {
        s += w[k] / totalWeight * (ab - cd) * (ab - cd);
        violated++;
      }
    }
    assertTrue(violated > 0 && violated < 4, "premise: some comparisons violated, some not");
    MahalanobisMetric m = Lsml.builder().tolerance(1e-14).build().fit(q);
    double expected = 1 / ((1 + s) * var);
    assertEquals(expected, m.matrix()[0][0], 1e-6 * expected);
    assertTrue(m.fitSummary().converged());
  }

  /** Weighted count of quadruplets with d(a, b) >= d(c, d). */
  private static double violations(MahalanobisMetric m, Quadruplets q) {
    double[][] x = q.points();
    double total = 0;
    for (int k = 0; k < q.size(); k++) {
      double ab = m.distance(x[q.first()[k]], x[q.second()[k]]);
      double cd = m.distance(x[q.third()[k]], x[q.fourth()[k]]);
      if (ab >= cd) {
        total += q.weights()[k];
      }
    }
    return total;
  }

  @Test
  void learnsTheAxisThatOrdersTheComparisons() {
    // comparisons decided by feature 0 only; feature 1 is large noise
    Random random = new Random(3);
    int n = 80;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      x[i][0] = 2 * y[i] + 0.5 * random.nextGaussian();
      x[i][1] = 4 * random.nextGaussian();
    }
    Quadruplets q = ConstraintSampler.withSeed(3).quadruplets(LabeledDataset.of("q", x, y), 200);
    MahalanobisMetric m = Lsml.builder().prior(Lsml.Prior.IDENTITY).build().fit(q);
    double before = violations(MahalanobisMetric.identity(2), q);
    double after = violations(m, q);
    assertTrue(after < 0.6 * before, after + " vs " + before);
    double[][] a = m.matrix();
    // the log-det prior keeps M near I, so the weight shifts but does not collapse on one axis
    assertTrue(a[0][0] > 5 * a[1][1], "weight on feature 0: " + a[0][0] + " vs " + a[1][1]);
  }

  @Test
  void priorsAreUnitFreeExceptTheIdentity() {
    Quadruplets q = constraints(trainingData(), 4);
    double[][] x = q.points();
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = x[i].clone();
      scaled[i][0] *= 100;
    }
    Quadruplets rescaled = withPoints(q, scaled);
    for (Lsml.Prior prior : new Lsml.Prior[] {Lsml.Prior.VARIANCE, Lsml.Prior.COVARIANCE}) {
      Lsml lsml = Lsml.builder().prior(prior).build();
      MahalanobisMetric m1 = lsml.fit(q);
      MahalanobisMetric m2 = lsml.fit(rescaled);
      for (int i = 0; i < 10; i++) {
        double d1 = m1.distance(x[i], x[i + 20]);
        assertEquals(d1, m2.distance(scaled[i], scaled[i + 20]), 1e-6 * d1, prior + " " + i);
      }
    }
  }

  @Test
  void quadrupletsWhoseCloserPairsAreIdenticalPointsAreRejected() {
    double[][] x = {{1, 1}, {1, 1}, {0, 0}, {3, 3}};
    Quadruplets q =
        Quadruplets.of(x, new int[] {0, 2}, new int[] {1, 2}, new int[] {2, 0}, new int[] {3, 3});
    assertThrows(IllegalArgumentException.class, () -> Lsml.builder().build().fit(q));
    assertThrows(IllegalArgumentException.class, () -> Lsml.builder().maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Lsml.builder().tolerance(0).build());
    assertEquals(
        "1",
        Lsml.builder().maxIterations(1).build().toBuilder()
            .build()
            .fit(constraints(trainingData(), 1))
            .provenance()
            .hyperparameters()
            .get("maxIterations"));
  }
}
