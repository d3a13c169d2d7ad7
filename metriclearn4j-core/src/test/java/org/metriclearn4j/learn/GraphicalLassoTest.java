package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.linalg.Kernels;

class GraphicalLassoTest {

  /** The tridiagonal precision of a Gaussian chain: 1 on the diagonal, -0.4 next to it. */
  private static DMatrixRMaj chainPrecision(int p) {
    DMatrixRMaj theta = new DMatrixRMaj(p, p);
    for (int i = 0; i < p; i++) {
      theta.set(i, i, 1);
      if (i + 1 < p) {
        theta.set(i, i + 1, -0.4);
        theta.set(i + 1, i, -0.4);
      }
    }
    return theta;
  }

  /** The empirical covariance of n Gaussian samples with the given precision. */
  private static DMatrixRMaj sampleCovariance(DMatrixRMaj precision, int n, long seed) {
    int p = precision.numRows;
    DMatrixRMaj sigma = new DMatrixRMaj(p, p);
    CommonOps_DDRM.invert(precision, sigma);
    DMatrixRMaj root = Kernels.psdFactor(sigma); // root^T root = sigma
    Random random = new Random(seed);
    DMatrixRMaj z = new DMatrixRMaj(n, p);
    for (int i = 0; i < z.data.length; i++) {
      z.data[i] = random.nextGaussian();
    }
    DMatrixRMaj x = new DMatrixRMaj(n, p);
    CommonOps_DDRM.mult(z, root, x);
    DMatrixRMaj s = new DMatrixRMaj(p, p);
    CommonOps_DDRM.multTransA(x, x, s);
    CommonOps_DDRM.scale(1.0 / n, s);
    return s;
  }

  /**
   * Two dense 3 x 3 blocks (1 on the diagonal, -0.3 off it) and zeros between them: the graphical
   * lasso gives exact zeros between blocks once lambda exceeds every between-block |S_ij| (Witten,
   * Friedman, Simon 2011; Mazumder, Hastie 2012), and keeps the within-block edges.
   */
  @Test
  void recoversTheZeroPatternOfASparsePrecision() {
    int p = 6;
    DMatrixRMaj theta = new DMatrixRMaj(p, p);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (i == j) {
          theta.set(i, j, 1);
        } else if (i / 3 == j / 3) {
          theta.set(i, j, -0.3);
        }
      }
    }
    DMatrixRMaj s = sampleCovariance(theta, 4000, 1);
    GraphicalLasso.Result r = GraphicalLasso.solve(s, 0.1, 200, 1e-6);
    assertTrue(r.converged());
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        if (i / 3 != j / 3) {
          assertTrue(Math.abs(s.get(i, j)) < 0.1, "premise: small between-block covariance");
          assertEquals(0.0, r.precision().get(i, j), 0.0, "zero at " + i + "," + j);
        } else if (i != j) {
          assertTrue(r.precision().get(i, j) < -0.1, "edge " + i + "," + j);
        }
      }
    }
  }

  @Test
  void satisfiesTheOptimalityConditions() {
    // at the optimum W = Theta^-1 and W_ij - S_ij = lambda sign(Theta_ij) where Theta_ij != 0,
    // |W_ij - S_ij| <= lambda where Theta_ij = 0 (off-diagonal), W_ii = S_ii
    int p = 5;
    DMatrixRMaj s = sampleCovariance(chainPrecision(p), 200, 2);
    double lambda = 0.08;
    GraphicalLasso.Result r = GraphicalLasso.solve(s, lambda, 500, 1e-9);
    DMatrixRMaj w = new DMatrixRMaj(p, p);
    CommonOps_DDRM.invert(r.precision(), w);
    for (int i = 0; i < p; i++) {
      assertEquals(s.get(i, i), w.get(i, i), 1e-5);
      for (int j = 0; j < p; j++) {
        if (i == j) {
          continue;
        }
        double gap = w.get(i, j) - s.get(i, j);
        double t = r.precision().get(i, j);
        if (t == 0) {
          assertTrue(Math.abs(gap) <= lambda + 1e-5, "gap " + gap + " at zero " + i + "," + j);
        } else {
          assertEquals(lambda * Math.signum(t), gap, 1e-5, "active " + i + "," + j);
        }
      }
    }
  }

  @Test
  void withoutPenaltyGivesTheInverse() {
    int p = 4;
    DMatrixRMaj s = sampleCovariance(chainPrecision(p), 100, 3);
    GraphicalLasso.Result r = GraphicalLasso.solve(s, 0.0, 500, 1e-10);
    DMatrixRMaj inverse = new DMatrixRMaj(p, p);
    CommonOps_DDRM.invert(s, inverse);
    for (int i = 0; i < p * p; i++) {
      assertEquals(inverse.data[i], r.precision().data[i], 1e-6 * Math.abs(inverse.data[i]) + 1e-8);
    }
  }

  @Test
  void oneByOneIsTheReciprocal() {
    DMatrixRMaj s = new DMatrixRMaj(new double[][] {{4}});
    assertEquals(0.25, GraphicalLasso.solve(s, 0.1, 10, 1e-4).precision().get(0, 0), 0.0);
  }

  @Test
  void stopsAtTheSweepLimitAndSaysSo() {
    DMatrixRMaj s = sampleCovariance(chainPrecision(6), 50, 4);
    GraphicalLasso.Result r = GraphicalLasso.solve(s, 0.01, 1, 1e-12);
    assertEquals(1, r.iterations());
    assertTrue(!r.converged());
  }
}
