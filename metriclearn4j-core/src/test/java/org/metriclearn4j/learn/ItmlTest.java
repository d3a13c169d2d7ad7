package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

class ItmlTest extends PairsContract {

  @Override
  protected MahalanobisMetric fit(Pairs pairs, long seed) {
    return Itml.builder().seed(seed).build().fit(pairs);
  }

  @Override
  protected String learnerName() {
    return "itml";
  }

  /** 3-D points in two shifted clouds and random pairs among them. */
  private static Pairs toyPairs(long seed, int numPairs) {
    Random random = new Random(seed);
    int n = 40;
    double[][] x = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      x[i][0] = 2 * y[i] + random.nextGaussian();
      x[i][1] = random.nextGaussian() * 3;
      x[i][2] = random.nextGaussian();
    }
    return ConstraintSampler.withSeed(seed)
        .pairs(LabeledDataset.of("toy", x, y), numPairs, numPairs);
  }

  /**
   * Pairs that the metric {@code M* = diag(4, 0.25, 1)} satisfies with {@code u = 1, l = 10}:
   * random differences labelled similar when {@code d*^2 <= 1}, dissimilar when {@code >= 10}, so
   * the hard constraints are feasible.
   */
  private static Pairs feasiblePairs(long seed, int perKind) {
    Random random = new Random(seed);
    double[] mStar = {4, 0.25, 1};
    List<double[]> points = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    int similar = 0;
    int dissimilar = 0;
    while (similar < perKind || dissimilar < perKind) {
      double[] a = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      double[] v = new double[3];
      double d2 = 0;
      double length = Math.exp(2 * random.nextGaussian());
      for (int t = 0; t < 3; t++) {
        v[t] = random.nextGaussian() * length;
        d2 += mStar[t] * v[t] * v[t];
      }
      boolean isSimilar = d2 <= 1;
      if (!(isSimilar || d2 >= 10)
          || (isSimilar && similar >= perKind)
          || (!isSimilar && dissimilar >= perKind)) {
        continue;
      }
      points.add(a);
      points.add(new double[] {a[0] + v[0], a[1] + v[1], a[2] + v[2]});
      labels.add(isSimilar);
      if (isSimilar) {
        similar++;
      } else {
        dissimilar++;
      }
    }
    int m = labels.size();
    int[] first = new int[m];
    int[] second = new int[m];
    boolean[] same = new boolean[m];
    for (int p = 0; p < m; p++) {
      first[p] = 2 * p;
      second[p] = 2 * p + 1;
      same[p] = labels.get(p);
    }
    return Pairs.of(points.toArray(new double[0][]), first, second, same);
  }

  private static double[] squaredDistances(MahalanobisMetric m, Pairs pairs) {
    double[][] x = pairs.points();
    double[] out = new double[pairs.size()];
    for (int p = 0; p < out.length; p++) {
      out[p] = m.squaredDistance(x[pairs.first()[p]], x[pairs.second()[p]]);
    }
    return out;
  }

  @Test
  void hardConstraintsAreSatisfiedAfterConvergence() {
    Pairs pairs = feasiblePairs(1, 15);
    double u = 1.0;
    double l = 10.0;
    MahalanobisMetric m =
        Itml.builder()
            .gamma(Double.POSITIVE_INFINITY)
            .bounds(u, l)
            .tolerance(1e-12)
            .maxIterations(100_000)
            .build()
            .fit(pairs);
    assertTrue(m.fitSummary().converged(), m.fitSummary().toString());
    double[] d2 = squaredDistances(m, pairs);
    for (int p = 0; p < d2.length; p++) {
      if (pairs.similar()[p]) {
        assertTrue(d2[p] <= u * (1 + 1e-6), "similar pair " + p + ": " + d2[p]);
      } else {
        assertTrue(d2[p] >= l * (1 - 1e-6), "dissimilar pair " + p + ": " + d2[p]);
      }
    }
  }

  /** Sum over pairs of the relative amount by which each bound is violated. */
  private static double violation(MahalanobisMetric m, Pairs pairs, double u, double l) {
    double[] d2 = squaredDistances(m, pairs);
    double total = 0;
    for (int p = 0; p < d2.length; p++) {
      total += pairs.similar()[p] ? Math.max(0, d2[p] - u) / u : Math.max(0, l - d2[p]) / l;
    }
    return total;
  }

  @Test
  void slackLetsConstraintsBeViolatedLessAsGammaGrows() {
    Pairs pairs = feasiblePairs(2, 15);
    double u = 1.0;
    double l = 10.0;
    double previous = Double.POSITIVE_INFINITY;
    double loosest = Double.NaN;
    for (double gamma : new double[] {0.01, 1, 100, Double.POSITIVE_INFINITY}) {
      // the bounds are in the units of M* (identity scale), so the prior is the identity
      MahalanobisMetric m =
          Itml.builder()
              .prior(Itml.Prior.IDENTITY)
              .gamma(gamma)
              .bounds(u, l)
              .tolerance(1e-7)
              .maxIterations(20_000)
              .build()
              .fit(pairs);
      double v = violation(m, pairs, u, l);
      assertTrue(v < previous, "gamma " + gamma + ": " + v + " after " + previous);
      if (Double.isNaN(loosest)) {
        loosest = v;
      }
      previous = v;
    }
    assertTrue(previous < 1e-6 * loosest, "hard constraints: " + previous + " vs " + loosest);
  }

  @Test
  void defaultBoundsAreThe5thAnd95thPercentilesOfSquaredDistancesUnderThePrior() {
    Pairs pairs = toyPairs(3, 10);
    MahalanobisMetric m = Itml.builder().prior(Itml.Prior.IDENTITY).build().fit(pairs);
    // brute force: every pair of distinct points used by the pairs, numpy's linear interpolation
    boolean[] used = new boolean[pairs.numPoints()];
    for (int p = 0; p < pairs.size(); p++) {
      used[pairs.first()[p]] = true;
      used[pairs.second()[p]] = true;
    }
    double[][] x = pairs.points();
    List<Double> d2 = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      for (int j = i + 1; j < x.length; j++) {
        if (used[i] && used[j]) {
          double s = 0;
          for (int t = 0; t < 3; t++) {
            s += (x[i][t] - x[j][t]) * (x[i][t] - x[j][t]);
          }
          d2.add(s);
        }
      }
    }
    double[] sorted = d2.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    assertEquals(
        percentile(sorted, 5),
        Double.parseDouble(m.provenance().hyperparameters().get("upperBound")),
        1e-12);
    assertEquals(
        percentile(sorted, 95),
        Double.parseDouble(m.provenance().hyperparameters().get("lowerBound")),
        1e-12);
  }

  @Test
  void rangePriorBoundsArePercentilesOfSquaredDistancesAfterMinMaxScaling() {
    // feature 0 is almost always 0 (one point has 4): its variance is tiny (0.39 over 40 points)
    // but its range (4) is that of the others, so under the range prior it adds at most 1 to a
    // squared distance, as every feature does; a constant feature 2 gets 1 / mean squared range
    Random random = new Random(7);
    int n = 40;
    double[][] x = new double[n][4];
    for (int i = 0; i < n; i++) {
      x[i][0] = i == 5 ? 4 : 0;
      x[i][1] = random.nextGaussian() * 3;
      x[i][2] = 2.5;
      x[i][3] = 100 + random.nextGaussian() * 50;
    }
    int[] first = new int[n / 2];
    int[] second = new int[n / 2];
    boolean[] similar = new boolean[n / 2];
    for (int p = 0; p < n / 2; p++) {
      first[p] = 2 * p;
      second[p] = 2 * p + 1;
      similar[p] = p % 2 == 0;
    }
    Pairs pairs = Pairs.of(x, first, second, similar);
    double[] squaredRange = new double[4];
    for (int t = 0; t < 4; t++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] row : x) {
        lo = Math.min(lo, row[t]);
        hi = Math.max(hi, row[t]);
      }
      squaredRange[t] = (hi - lo) * (hi - lo);
    }
    double meanSquaredRange = Arrays.stream(squaredRange).sum() / 4;
    double[] weight = new double[4];
    for (int t = 0; t < 4; t++) {
      weight[t] = 1 / (squaredRange[t] > 0 ? squaredRange[t] : meanSquaredRange);
    }
    List<Double> d2 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int t = 0; t < 4; t++) {
          s += weight[t] * (x[i][t] - x[j][t]) * (x[i][t] - x[j][t]);
        }
        assertTrue(s <= 3 + 1e-12, "a squared distance above one per varying feature: " + s);
        d2.add(s);
      }
    }
    double[] sorted = d2.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    MahalanobisMetric m = Itml.builder().build().fit(pairs);
    assertEquals(
        percentile(sorted, 5),
        Double.parseDouble(m.provenance().hyperparameters().get("upperBound")),
        1e-12);
    assertEquals(
        percentile(sorted, 95),
        Double.parseDouble(m.provenance().hyperparameters().get("lowerBound")),
        1e-12);
    assertEquals("RANGE", m.provenance().hyperparameters().get("prior"));
  }

  private static double percentile(double[] sorted, double q) {
    double pos = q / 100 * (sorted.length - 1);
    int lo = (int) pos;
    double frac = pos - lo;
    return lo + 1 < sorted.length ? sorted[lo] * (1 - frac) + sorted[lo + 1] * frac : sorted[lo];
  }

  @Test
  void rangeVarianceAndCovariancePriorsMakeTheMetricIndependentOfFeatureUnits() {
    Pairs pairs = toyPairs(4, 20);
    double[] units = {1000, 0.01, 1};
    double[][] x = pairs.points();
    double[][] scaled = new double[x.length][3];
    for (int i = 0; i < x.length; i++) {
      for (int t = 0; t < 3; t++) {
        scaled[i][t] = x[i][t] * units[t];
      }
    }
    Pairs rescaled = Pairs.of(scaled, pairs.first(), pairs.second(), pairs.similar());
    for (Itml.Prior prior :
        new Itml.Prior[] {Itml.Prior.RANGE, Itml.Prior.VARIANCE, Itml.Prior.COVARIANCE}) {
      Itml itml = Itml.builder().prior(prior).build();
      MahalanobisMetric a = itml.fit(pairs);
      MahalanobisMetric b = itml.fit(rescaled);
      for (int i = 0; i < 10; i++) {
        double da = a.distance(x[i], x[i + 10]);
        double db = b.distance(scaled[i], scaled[i + 10]);
        assertEquals(da, db, 1e-6 * da, prior + " pair " + i);
      }
      assertEquals(a.fitSummary().iterations(), b.fitSummary().iterations());
    }
  }

  @Test
  void identityPriorOnUnscaledDataDependsOnUnits() {
    // the reason the default prior (RANGE) is a scaled one: the identity prior is not unit-free
    Pairs pairs = toyPairs(4, 20);
    double[][] x = pairs.points();
    double[][] scaled = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = new double[] {x[i][0] * 1000, x[i][1], x[i][2]};
    }
    Itml itml = Itml.builder().prior(Itml.Prior.IDENTITY).build();
    MahalanobisMetric a = itml.fit(pairs);
    MahalanobisMetric b =
        itml.fit(Pairs.of(scaled, pairs.first(), pairs.second(), pairs.similar()));
    double ratioA = a.distance(x[0], x[1]) / a.distance(x[2], x[3]);
    double ratioB = b.distance(scaled[0], scaled[1]) / b.distance(scaled[2], scaled[3]);
    assertTrue(Math.abs(ratioA - ratioB) > 1e-3 * ratioA, ratioA + " vs " + ratioB);
  }

  /**
   * How far a metric is from the optimum of ITML's slack problem, from the metric alone. With
   * {@code d_c} the squared distance of pair {@code c}, the optimality conditions of {@code min
   * D_ld(M, M_0) + gamma sum_c D_ld(xi_c, xi0_c)} give the dual variable of a similar pair as
   * {@code lambda_c = gamma max(0, 1/u - 1/d_c)} and of a dissimilar pair as {@code gamma max(0,
   * 1/d_c - 1/l)} (zero when the pair meets its bound, and then {@code xi_c = xi0_c}; otherwise
   * {@code xi_c = d_c}), and stationarity in {@code M} requires {@code M^-1 = M_0^-1 + sum_similar
   * lambda_c v_c v_c^T - sum_dissimilar lambda_c v_c v_c^T}. Returns the relative Frobenius norm of
   * the difference of the two sides.
   */
  private static double optimalityResidual(
      MahalanobisMetric m, Pairs pairs, double[] priorInverseDiagonal, double gamma) {
    double u = Double.parseDouble(m.provenance().hyperparameters().get("upperBound"));
    double l = Double.parseDouble(m.provenance().hyperparameters().get("lowerBound"));
    double[][] x = pairs.points();
    int d = x[0].length;
    DMatrixRMaj rhs = new DMatrixRMaj(d, d);
    for (int t = 0; t < d; t++) {
      rhs.set(t, t, priorInverseDiagonal[t]);
    }
    double[] d2 = squaredDistances(m, pairs);
    for (int p = 0; p < d2.length; p++) {
      boolean similar = pairs.similar()[p];
      double lambda =
          similar ? gamma * Math.max(0, 1 / u - 1 / d2[p]) : gamma * Math.max(0, 1 / d2[p] - 1 / l);
      double sign = similar ? 1 : -1;
      double[] a = x[pairs.first()[p]];
      double[] b = x[pairs.second()[p]];
      for (int r = 0; r < d; r++) {
        for (int c = 0; c < d; c++) {
          rhs.add(r, c, sign * lambda * (a[r] - b[r]) * (a[c] - b[c]));
        }
      }
    }
    DMatrixRMaj inverse = new DMatrixRMaj(m.matrix());
    assertTrue(CommonOps_DDRM.invert(inverse));
    double norm = NormOps_DDRM.normF(inverse);
    CommonOps_DDRM.subtractEquals(inverse, rhs);
    return NormOps_DDRM.normF(inverse) / norm;
  }

  /**
   * {@code (max - min)^2} of every feature over the points the pairs use: the inverse of the range
   * prior's diagonal.
   */
  private static double[] squaredRanges(Pairs pairs) {
    double[][] x = pairs.points();
    double[] out = new double[x[0].length];
    for (int t = 0; t < out.length; t++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < pairs.size(); p++) {
        for (int i : new int[] {pairs.first()[p], pairs.second()[p]}) {
          lo = Math.min(lo, x[i][t]);
          hi = Math.max(hi, x[i][t]);
        }
      }
      out[t] = (hi - lo) * (hi - lo);
    }
    return out;
  }

  /** Metric-learn's default draw on iris: 20 c^2 = 180 similar and 180 dissimilar pairs. */
  private static Pairs irisPairs() {
    return ConstraintSampler.withSeed(0).pairs(BundledDatasets.load("iris"), 180, 180);
  }

  @Test
  void convergesOnIrisToTheOptimumOfTheSlackProblem() {
    Pairs pairs = irisPairs();
    double[] priorInverse = squaredRanges(pairs);
    MahalanobisMetric byDefault = Itml.builder().build().fit(pairs);
    assertTrue(byDefault.fitSummary().converged(), byDefault.fitSummary().toString());
    assertTrue(byDefault.fitSummary().iterations() <= 100, byDefault.fitSummary().toString());
    assertTrue(optimalityResidual(byDefault, pairs, priorInverse, 1) < 1e-2);
    MahalanobisMetric tight =
        Itml.builder().tolerance(1e-10).maxIterations(10_000).build().fit(pairs);
    assertTrue(tight.fitSummary().converged(), tight.fitSummary().toString());
    assertTrue(optimalityResidual(tight, pairs, priorInverse, 1) < 1e-7);
    // the residual measures the distance to the optimum: the prior alone is far from it
    MahalanobisMetric prior = Itml.builder().maxIterations(1).tolerance(1e-12).build().fit(pairs);
    assertTrue(optimalityResidual(prior, pairs, priorInverse, 1) > 0.1);
  }

  @Test
  void fixedOrderReachesTheSameOptimumButNeedsFarMorePasses() {
    Pairs pairs = irisPairs();
    Itml fixed = Itml.builder().randomOrder(false).build();
    MahalanobisMetric stalled = fixed.fit(pairs);
    assertTrue(!stalled.fitSummary().converged(), stalled.fitSummary().toString());
    assertEquals(1000, stalled.fitSummary().iterations());

    Pairs toy = toyPairs(3, 20);
    double[] priorInverse = squaredRanges(toy);
    MahalanobisMetric random = Itml.builder().tolerance(1e-10).build().fit(toy);
    MahalanobisMetric cyclic =
        fixed.toBuilder().tolerance(1e-10).maxIterations(100_000).build().fit(toy);
    assertTrue(cyclic.fitSummary().converged(), cyclic.fitSummary().toString());
    assertTrue(optimalityResidual(cyclic, toy, priorInverse, 1) < 1e-7);
    double[][] a = random.matrix();
    double[][] b = cyclic.matrix();
    for (int r = 0; r < a.length; r++) {
      for (int c = 0; c < a.length; c++) {
        assertEquals(a[r][c], b[r][c], 1e-6 * Math.abs(a[r][r]), "M[" + r + "][" + c + "]");
      }
    }
  }

  @Test
  void stopsAtTheIterationLimitAndSaysItDidNotConverge() {
    Pairs pairs = toyPairs(5, 30);
    MahalanobisMetric m = Itml.builder().maxIterations(2).tolerance(1e-12).build().fit(pairs);
    assertEquals(2, m.fitSummary().iterations());
    assertTrue(!m.fitSummary().converged());
    assertTrue(Double.isFinite(m.fitSummary().objective()));
  }

  @Test
  void pairsOfIdenticalPointsOnlyAreRejected() {
    double[][] x = {{1, 2}, {1, 2}, {3, 4}};
    Pairs pairs = Pairs.of(x, new int[] {0, 2}, new int[] {1, 2}, new boolean[] {true, false});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Itml.builder().build().fit(pairs));
    assertTrue(String.valueOf(e.getMessage()).contains("identical"), e.getMessage());
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    assertThrows(IllegalArgumentException.class, () -> Itml.builder().gamma(0).build());
    assertThrows(IllegalArgumentException.class, () -> Itml.builder().gamma(Double.NaN).build());
    assertThrows(IllegalArgumentException.class, () -> Itml.builder().maxIterations(0).build());
    assertThrows(IllegalArgumentException.class, () -> Itml.builder().tolerance(-1).build());
    assertThrows(
        IllegalArgumentException.class, () -> Itml.builder().boundPercentiles(50, 40).build());
    assertThrows(IllegalArgumentException.class, () -> Itml.builder().bounds(0, 1).build());
    Itml itml = Itml.builder().gamma(2).maxIterations(5).tolerance(0.1).seed(4).build();
    Itml copy = itml.toBuilder().build();
    assertEquals(2, copy.gamma());
    assertEquals(5, copy.maxIterations());
    assertEquals(0.1, copy.tolerance());
    assertEquals(4, copy.seed());
    assertTrue(copy.randomOrder());
    assertTrue(!itml.toBuilder().randomOrder(false).build().randomOrder());
    assertEquals(Itml.Prior.RANGE, copy.prior());
    assertTrue(Arrays.asList(Itml.Prior.values()).contains(Itml.Prior.COVARIANCE));
  }
}
