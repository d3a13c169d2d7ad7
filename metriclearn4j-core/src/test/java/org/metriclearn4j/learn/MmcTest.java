package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.metric.MahalanobisMetric;

class MmcTest extends PairsContract {

  @Override
  protected MahalanobisMetric fit(Pairs pairs, long seed) {
    return Mmc.builder().build().fit(pairs);
  }

  @Override
  protected String learnerName() {
    return "mmc";
  }

  /**
   * Two classes that differ only in feature 0 (means 0 and 3, unit noise); features 1 and 2 are
   * noise with standard deviation 5 and 1, identical for both classes.
   */
  private static Pairs oneInformativeFeature(long seed) {
    Random random = new Random(seed);
    int n = 120;
    double[][] x = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      x[i][0] = 3 * y[i] + random.nextGaussian();
      x[i][1] = 5 * random.nextGaussian();
      x[i][2] = random.nextGaussian();
    }
    return ConstraintSampler.withSeed(seed).pairs(LabeledDataset.of("axis", x, y), 150, 150);
  }

  private static double sumOfSquaredSimilarDistances(MahalanobisMetric m, Pairs pairs) {
    double[][] x = pairs.points();
    double s = 0;
    for (int p = 0; p < pairs.size(); p++) {
      if (pairs.similar()[p]) {
        s += m.squaredDistance(x[pairs.first()[p]], x[pairs.second()[p]]);
      }
    }
    return s;
  }

  private static double sumOfDissimilarDistances(MahalanobisMetric m, Pairs pairs) {
    double[][] x = pairs.points();
    double s = 0;
    for (int p = 0; p < pairs.size(); p++) {
      if (!pairs.similar()[p]) {
        s += m.distance(x[pairs.first()[p]], x[pairs.second()[p]]);
      }
    }
    return s;
  }

  @Test
  void diagonalPutsAlmostAllWeightOnTheOnlyInformativeFeature() {
    MahalanobisMetric m =
        Mmc.builder().form(Mmc.Form.DIAGONAL).build().fit(oneInformativeFeature(1));
    assertEquals("mmc_diagonal", m.provenance().learner());
    double[][] a = m.matrix();
    // the learned weights times the feature variances: the share of each feature in distances
    double[] variance = {1 + 2.25, 25, 1};
    double total = 0;
    for (int t = 0; t < 3; t++) {
      total += a[t][t] * variance[t];
      for (int u = 0; u < 3; u++) {
        if (u != t) {
          assertEquals(0.0, a[t][u], 0.0, "diagonal");
        }
      }
    }
    assertTrue(a[0][0] * variance[0] > 0.95 * total, "share of feature 0: " + a[0][0]);
  }

  @Test
  void diagonalOptimumSatisfiesTheConditionsOfTheConvexProblem() {
    // h(a) = sum_S ||v||_a^2 - log sum_D ||v||_a: at the optimum dh/da_j = 0 where a_j > 0 and
    // dh/da_j >= 0 where a_j = 0
    Pairs pairs = oneInformativeFeature(2);
    MahalanobisMetric m = Mmc.builder().form(Mmc.Form.DIAGONAL).tolerance(1e-12).build().fit(pairs);
    double[][] a = m.matrix();
    double[][] x = pairs.points();
    double[] grad = new double[3];
    double dsum = 0;
    double[] dsumGrad = new double[3];
    for (int p = 0; p < pairs.size(); p++) {
      double[] u = x[pairs.first()[p]];
      double[] v = x[pairs.second()[p]];
      if (pairs.similar()[p]) {
        for (int t = 0; t < 3; t++) {
          grad[t] += (u[t] - v[t]) * (u[t] - v[t]);
        }
      } else {
        double d = m.distance(u, v);
        dsum += d;
        for (int t = 0; t < 3; t++) {
          dsumGrad[t] += (u[t] - v[t]) * (u[t] - v[t]) / (2 * d);
        }
      }
    }
    for (int t = 0; t < 3; t++) {
      double g = grad[t] - dsumGrad[t] / dsum;
      double scale = grad[t];
      if (a[t][t] > 0) {
        assertEquals(0, g, 1e-4 * scale, "stationary in " + t);
      } else {
        assertTrue(g >= -1e-4 * scale, "non-negative gradient at zero in " + t);
      }
    }
  }

  @Test
  void fullKeepsTheSimilarityConstraintAndIncreasesTheDissimilarSum() {
    Pairs pairs = oneInformativeFeature(3);
    MahalanobisMetric m = Mmc.builder().build().fit(pairs);
    double f = sumOfSquaredSimilarDistances(m, pairs);
    assertTrue(f <= 1 + 1e-9, "sum of similar squared distances " + f);
    // the feasible multiple of the identity with the same constraint value
    MahalanobisMetric identity = MahalanobisMetric.identity(3);
    double scale = 1 / Math.sqrt(sumOfSquaredSimilarDistances(identity, pairs));
    double start = sumOfDissimilarDistances(identity, pairs) * scale;
    double learned = sumOfDissimilarDistances(m, pairs);
    assertTrue(learned > 1.5 * start, learned + " vs " + start);
    assertEquals(learned, m.fitSummary().objective(), 1e-9 * learned);
  }

  @Test
  void fullMetricsLeadingDirectionIsTheInformativeAxis() {
    MahalanobisMetric m = Mmc.builder().build().fit(oneInformativeFeature(4));
    SymmetricEigen eig = Kernels.symmetricEigen(Kernels.toMatrix(m.matrix()));
    double x0 = Math.abs(eig.vectors().get(0, 0));
    assertTrue(x0 > 0.95, "leading eigenvector's feature-0 component " + x0);
    assertTrue(eig.values()[0] > 10 * eig.values()[1], "dominant direction");
  }

  @Test
  void resultDoesNotDependOnFeatureUnits() {
    Pairs pairs = oneInformativeFeature(5);
    double[][] x = pairs.points();
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = new double[] {x[i][0] * 1e3, x[i][1] * 1e-2, x[i][2]};
    }
    Pairs rescaled = Pairs.of(scaled, pairs.first(), pairs.second(), pairs.similar());
    for (Mmc.Form form : Mmc.Form.values()) {
      Mmc mmc = Mmc.builder().form(form).build();
      MahalanobisMetric a = mmc.fit(pairs);
      MahalanobisMetric b = mmc.fit(rescaled);
      for (int i = 0; i < 10; i++) {
        double da = a.distance(x[i], x[i + 1]);
        assertEquals(da, b.distance(scaled[i], scaled[i + 1]), 1e-3 * da, form + " pair " + i);
      }
    }
  }

  @Test
  void needsBothKindsOfPairs() {
    Pairs pairs = oneInformativeFeature(6);
    int k = pairs.numSimilar();
    int[] f = new int[k];
    int[] s = new int[k];
    int j = 0;
    for (int p = 0; p < pairs.size(); p++) {
      if (pairs.similar()[p]) {
        f[j] = pairs.first()[p];
        s[j++] = pairs.second()[p];
      }
    }
    boolean[] same = new boolean[k];
    java.util.Arrays.fill(same, true);
    Pairs onlySimilar = Pairs.of(pairs.points(), f, s, same);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Mmc.builder().build().fit(onlySimilar));
    assertTrue(String.valueOf(e.getMessage()).contains("0 dissimilar"), e.getMessage());
  }

  @Test
  void stopsAtTheIterationLimitAndBuilderValidates() {
    MahalanobisMetric m = Mmc.builder().maxIterations(1).build().fit(oneInformativeFeature(7));
    assertEquals(1, m.fitSummary().iterations());
    assertThrows(IllegalArgumentException.class, () -> Mmc.builder().maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Mmc.builder().maxProjections(0).build());
    assertThrows(IllegalArgumentException.class, () -> Mmc.builder().tolerance(0).build());
    assertThrows(IllegalArgumentException.class, () -> Mmc.builder().diagonalC(-1).build());
    assertEquals(
        Mmc.Form.DIAGONAL,
        Mmc.builder().form(Mmc.Form.DIAGONAL).build().toBuilder().build().form());
  }
}
