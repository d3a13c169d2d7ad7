package org.metriclearn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class KernelsTest {

  private static DMatrixRMaj gaussian(int rows, int cols, long seed, double offset) {
    Random random = new Random(seed);
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = offset + random.nextGaussian();
    }
    return m;
  }

  /** A random symmetric matrix {@code Q diag(lambda) Q^T} with the given eigenvalues. */
  private static DMatrixRMaj withEigenvalues(double[] lambda, long seed) {
    int d = lambda.length;
    var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(d, d);
    assertTrue(qr.decompose(gaussian(d, d, seed, 0)));
    DMatrixRMaj q = qr.getQ(null, false);
    DMatrixRMaj scaled = q.copy();
    for (int c = 0; c < d; c++) {
      for (int r = 0; r < d; r++) {
        scaled.set(r, c, scaled.get(r, c) * lambda[c]);
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransB(scaled, q, out);
    Kernels.symmetrize(out);
    return out;
  }

  /** The explicit double sum {@code sum_ij w(i, j) (x_i - x_j)(x_i - x_j)^T}. */
  private static DMatrixRMaj explicitScatter(DMatrixRMaj x, double[][] w) {
    int n = x.numRows;
    int d = x.numCols;
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            out.add(a, b, w[i][j] * (x.get(i, a) - x.get(j, a)) * (x.get(i, b) - x.get(j, b)));
          }
        }
      }
    }
    return out;
  }

  private static double[][] randomWeights(int n, long seed) {
    Random random = new Random(seed);
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = random.nextGaussian();
      }
    }
    return w;
  }

  private static void assertMatrixEquals(DMatrixRMaj expected, DMatrixRMaj actual, double tol) {
    assertEquals(expected.numRows, actual.numRows);
    assertEquals(expected.numCols, actual.numCols);
    double scale = Math.max(1, CommonOps_DDRM.elementMaxAbs(expected));
    for (int i = 0; i < expected.data.length && i < expected.getNumElements(); i++) {
      assertEquals(expected.data[i], actual.data[i], tol * scale, "element " + i);
    }
  }

  private static double minEigenvalue(DMatrixRMaj m) {
    double[] v = Kernels.symmetricEigen(m).values();
    return v[v.length - 1];
  }

  @Test
  void squaredDistancesMatchADirectLoopAcrossSeveralBlocks() {
    // 600 rows: three blocks of BLOCK_ROWS, the last one partial
    DMatrixRMaj a = gaussian(600, 5, 1, 0);
    DMatrixRMaj b = gaussian(37, 5, 2, 0.5);
    DMatrixRMaj d = Kernels.squaredDistances(a, b);
    assertEquals(600, d.numRows);
    assertEquals(37, d.numCols);
    for (int i = 0; i < 600; i++) {
      for (int j = 0; j < 37; j++) {
        double s = 0;
        for (int t = 0; t < 5; t++) {
          double v = a.get(i, t) - b.get(j, t);
          s += v * v;
        }
        assertEquals(s, d.get(i, j), 1e-12 * Math.max(1, s), "(" + i + "," + j + ")");
      }
    }
  }

  @Test
  void squaredDistancesRowsEqualsTheNormExpansionExactlyForEveryRemainderOfFour() {
    DMatrixRMaj a = gaussian(3, 7, 8, 0.25);
    double[] aNorms = Kernels.squaredRowNorms(a);
    for (int m = 1; m <= 9; m++) {
      DMatrixRMaj b = gaussian(m, 7, 9 + m, -0.5);
      double[] bNorms = Kernels.squaredRowNorms(b);
      double[] out = new double[3 * m];
      Kernels.squaredDistancesRows(a, aNorms, b, bNorms, 0, 3, out, 0);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < m; j++) {
          double dot = 0;
          for (int t = 0; t < 7; t++) {
            dot += a.get(i, t) * b.get(j, t);
          }
          double expected = Math.max(0, aNorms[i] + bNorms[j] - 2 * dot);
          assertEquals(expected, out[i * m + j], 0.0, "m=" + m + " (" + i + "," + j + ")");
        }
      }
    }
  }

  @Test
  void squaredDistancesOfARowToItselfAreClampedAtZero() {
    DMatrixRMaj a = gaussian(50, 3, 3, 1e4);
    DMatrixRMaj d = Kernels.squaredDistances(a, a);
    for (int i = 0; i < 50; i++) {
      assertTrue(d.get(i, i) >= 0, "never negative");
      assertEquals(0, d.get(i, i), 1e-6, "cancellation leaves at most rounding noise");
    }
  }

  @Test
  void squaredDistancesRowsWritesOneBlockAtItsOffsetOnly() {
    DMatrixRMaj a = gaussian(10, 4, 4, 0);
    DMatrixRMaj b = gaussian(6, 4, 5, 0);
    double[] out = new double[2 + 3 * 6 + 2];
    java.util.Arrays.fill(out, -7);
    Kernels.squaredDistancesRows(
        a, Kernels.squaredRowNorms(a), b, Kernels.squaredRowNorms(b), 4, 7, out, 2);
    DMatrixRMaj full = Kernels.squaredDistances(a, b);
    assertEquals(-7, out[0]);
    assertEquals(-7, out[1]);
    assertEquals(-7, out[out.length - 1]);
    for (int r = 0; r < 3; r++) {
      for (int j = 0; j < 6; j++) {
        assertEquals(full.get(4 + r, j), out[2 + r * 6 + j]);
      }
    }
  }

  @Test
  void squaredDistancesRejectDifferentWidths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Kernels.squaredDistances(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 4)));
    assertTrue(String.valueOf(e.getMessage()).startsWith("b:"), e.getMessage());
  }

  @Test
  void pairwiseScatterEqualsTheExplicitDoubleSum() {
    DMatrixRMaj x = gaussian(20, 4, 6, 3);
    double[][] w = randomWeights(20, 7);
    DMatrixRMaj expected = explicitScatter(x, w);
    DMatrixRMaj actual = Kernels.pairwiseScatter(x, Kernels.toMatrix(w));
    assertMatrixEquals(expected, actual, 1e-12);
  }

  @Test
  void scattersRejectAPairMatrixOfTheWrongShapeNamingIt() {
    DMatrixRMaj x = new DMatrixRMaj(3, 2);
    DMatrixRMaj notSquare = new DMatrixRMaj(3, 4);
    assertEquals(
        "weights: expected 3x3, found 3x4",
        assertThrows(IllegalArgumentException.class, () -> Kernels.pairwiseScatter(x, notSquare))
            .getMessage());
    assertEquals(
        "laplacian: expected 3x3, found 3x4",
        assertThrows(IllegalArgumentException.class, () -> Kernels.laplacianScatter(x, notSquare))
            .getMessage());
  }

  @Test
  void laplacianScatterOfSymmetricWeightsEqualsTheExplicitDoubleSum() {
    DMatrixRMaj x = gaussian(15, 3, 8, 2);
    double[][] w = randomWeights(15, 9);
    int n = w.length;
    double[][] symmetric = new double[n][n];
    DMatrixRMaj laplacian = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        symmetric[i][j] = w[i][j] + w[j][i];
        laplacian.add(i, j, -symmetric[i][j]);
        laplacian.add(i, i, symmetric[i][j]);
      }
    }
    // sum_ij S_ij C_ij counts each pair twice; sum_{i<j} once
    DMatrixRMaj expected = explicitScatter(x, symmetric);
    CommonOps_DDRM.scale(0.5, expected);
    assertMatrixEquals(expected, Kernels.laplacianScatter(x, laplacian), 1e-12);
  }

  @Test
  void rowBlockScatterEqualsTheExplicitDoubleSum() {
    DMatrixRMaj x = gaussian(25, 3, 8, -2);
    double[][] w = randomWeights(25, 9);
    DMatrixRMaj actual = Kernels.rowBlockScatter(x, rowsOf(w));
    assertMatrixEquals(explicitScatter(x, w), actual, 1e-12);
    assertEquals(actual.get(0, 2), actual.get(2, 0), "exactly symmetric");
  }

  @Test
  void rowBlockScatterEqualsPairwiseScatterOverManyBlocksAndFarFromTheOrigin() {
    // 700 rows -> blocks of 256, 256, 188; rows near 1e4 test the centring
    DMatrixRMaj x = gaussian(700, 6, 10, 1e4);
    double[][] w = randomWeights(700, 11);
    DMatrixRMaj centred = x.copy();
    for (int i = 0; i < centred.data.length; i++) {
      centred.data[i] -= 1e4;
    }
    DMatrixRMaj reference = Kernels.pairwiseScatter(centred, Kernels.toMatrix(w));
    DMatrixRMaj actual = Kernels.rowBlockScatter(x, rowsOf(w));
    assertMatrixEquals(reference, actual, 1e-9);
  }

  @Test
  void rowBlockScatterSkipsZeroWeightsWithoutChangingTheSum() {
    DMatrixRMaj x = gaussian(40, 4, 21, 3);
    double[][] w = randomWeights(40, 22);
    Random keep = new Random(23);
    for (double[] row : w) {
      for (int j = 0; j < row.length; j++) {
        row[j] = keep.nextInt(10) == 0 ? row[j] : 0;
      }
    }
    assertMatrixEquals(explicitScatter(x, w), Kernels.rowBlockScatter(x, rowsOf(w)), 1e-12);
    double[][] none = new double[40][40];
    DMatrixRMaj zero = Kernels.rowBlockScatter(x, rowsOf(none));
    for (double v : zero.data) {
      assertEquals(0.0, v, "no weights, no scatter");
    }
  }

  @Test
  void rowBlockScatterAsksForEveryRowExactlyOnce() {
    int n = 1000;
    AtomicIntegerArray calls = new AtomicIntegerArray(n);
    Kernels.rowBlockScatter(
        gaussian(n, 2, 12, 0),
        (start, end, out) -> {
          assertTrue(end - start <= Kernels.scatterBlockRows(n));
          for (int i = start; i < end; i++) {
            calls.incrementAndGet(i);
          }
          java.util.Arrays.fill(out, 0, (end - start) * n, 1.0);
        });
    for (int i = 0; i < n; i++) {
      assertEquals(1, calls.get(i), "row " + i);
    }
  }

  @Test
  void rowBlockScatterIsBitIdenticalForAnyThreadCount() throws Exception {
    DMatrixRMaj x = gaussian(1000, 5, 13, 1);
    double[][] w = randomWeights(1000, 14);
    assertTrue(
        Parallelism.worthwhile(1000L * 1000 * 5), "large enough to run its blocks in parallel");
    DMatrixRMaj common = Kernels.rowBlockScatter(x, rowsOf(w));
    for (int threads : new int[] {1, 3}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        DMatrixRMaj other = pool.submit(() -> Kernels.rowBlockScatter(x, rowsOf(w))).get();
        assertArrayEquals(common.data, other.data, "threads=" + threads);
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void scatterBlockRowsDependsOnTheSampleCountOnly() {
    assertEquals(5, Kernels.scatterBlockRows(5));
    assertEquals(Kernels.BLOCK_ROWS, Kernels.scatterBlockRows(2000));
    assertEquals((1 << 20) / 50_000, Kernels.scatterBlockRows(50_000));
    assertEquals(16, Kernels.scatterBlockRows(10_000_000));
  }

  private static RowBlockWeights rowsOf(double[][] w) {
    return (start, end, out) -> {
      int n = w.length;
      for (int i = start; i < end; i++) {
        System.arraycopy(w[i], 0, out, (i - start) * n, n);
      }
    };
  }

  @Test
  void pairScatterEqualsTheExplicitSumOverPairs() {
    DMatrixRMaj x = gaussian(12, 3, 15, 0);
    int[] first = {0, 3, 3, 11, 5};
    int[] second = {1, 2, 3, 0, 9};
    double[] weights = {0.5, -2, 7, 1, 3};
    DMatrixRMaj expected = new DMatrixRMaj(3, 3);
    for (int p = 0; p < first.length; p++) {
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          double da = x.get(first[p], a) - x.get(second[p], a);
          double db = x.get(first[p], b) - x.get(second[p], b);
          expected.add(a, b, weights[p] * da * db);
        }
      }
    }
    assertMatrixEquals(expected, Kernels.pairScatter(x, first, second, weights), 1e-13);
  }

  @Test
  void pairScatterOfNoPairsIsZeroAndMismatchedListsAreRejected() {
    DMatrixRMaj x = gaussian(4, 3, 16, 0);
    DMatrixRMaj none = Kernels.pairScatter(x, new int[0], new int[0], new double[0]);
    assertArrayEquals(new double[9], none.data);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Kernels.pairScatter(x, new int[] {0}, new int[] {1, 2}, new double[] {1}));
    assertTrue(String.valueOf(e.getMessage()).contains("1, 2, 1"), e.getMessage());
  }

  @Test
  void symmetricEigenReturnsDescendingEigenpairs() {
    double[] lambda = {-3, 5, 0.5, 2, 2};
    DMatrixRMaj a = withEigenvalues(lambda, 17);
    SymmetricEigen eig = Kernels.symmetricEigen(a);
    assertArrayEquals(new double[] {5, 2, 2, 0.5, -3}, eig.values(), 1e-12);
    for (int c = 0; c < 5; c++) {
      for (int r = 0; r < 5; r++) {
        double av = 0;
        for (int t = 0; t < 5; t++) {
          av += a.get(r, t) * eig.vectors().get(t, c);
        }
        assertEquals(eig.values()[c] * eig.vectors().get(r, c), av, 1e-12);
      }
    }
    DMatrixRMaj vtv = new DMatrixRMaj(5, 5);
    CommonOps_DDRM.multTransA(eig.vectors(), eig.vectors(), vtv);
    assertMatrixEquals(CommonOps_DDRM.identity(5), vtv, 1e-12);
  }

  @Test
  void symmetricEigenFromTheNativeOrderUpReturnsDescendingOrthonormalEigenpairs() {
    int d = Kernels.NATIVE_EIGEN_MIN_DIMENSION + 32;
    assertTrue(NativeBlas.status().available(), NativeBlas.status().description());
    double[] lambda = new double[d];
    for (int i = 0; i < d; i++) {
      lambda[i] = (i % 7) - 2.5 + 0.01 * i; // both signs, all distinct
    }
    DMatrixRMaj a = withEigenvalues(lambda, 23);
    SymmetricEigen eig = Kernels.symmetricEigen(a);
    double[] expected = lambda.clone();
    java.util.Arrays.sort(expected);
    for (int i = 0; i < d; i++) {
      assertEquals(expected[d - 1 - i], eig.values()[i], 1e-10, "eigenvalue " + i);
    }
    DMatrixRMaj av = new DMatrixRMaj(d, d);
    CommonOps_DDRM.mult(a, eig.vectors(), av);
    for (int c = 0; c < d; c++) {
      for (int r = 0; r < d; r++) {
        assertEquals(eig.values()[c] * eig.vectors().get(r, c), av.get(r, c), 1e-10);
      }
    }
    DMatrixRMaj vtv = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multTransA(eig.vectors(), eig.vectors(), vtv);
    assertMatrixEquals(CommonOps_DDRM.identity(d), vtv, 1e-10);
  }

  @Test
  void symmetricEigenRejectsNonFiniteAndNonSquareInput() {
    DMatrixRMaj bad = CommonOps_DDRM.identity(2);
    bad.set(1, 1, Double.NaN);
    assertThrows(IllegalArgumentException.class, () -> Kernels.symmetricEigen(bad));
    assertThrows(
        IllegalArgumentException.class, () -> Kernels.symmetricEigen(new DMatrixRMaj(2, 3)));
  }

  @Test
  void projectToPsdClampsNegativeEigenvaluesToZero() {
    double[] lambda = {4, -1, 0.25, -6};
    DMatrixRMaj a = withEigenvalues(lambda, 18);
    DMatrixRMaj p = Kernels.projectToPsd(a);
    assertArrayEquals(new double[] {4, 0.25, 0, 0}, Kernels.symmetricEigen(p).values(), 1e-12);
    assertTrue(minEigenvalue(p) >= -1e-12);
    // the projection keeps the eigenvectors: it equals the matrix with clamped eigenvalues
    assertMatrixEquals(withEigenvalues(new double[] {4, 0, 0.25, 0}, 18), p, 1e-12);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(p.get(i, j), p.get(j, i), "exactly symmetric");
      }
    }
  }

  @Test
  void projectToPsdIsIdempotentOnPsdInput() {
    DMatrixRMaj b = gaussian(6, 3, 19, 0);
    DMatrixRMaj psd = new DMatrixRMaj(6, 6);
    CommonOps_DDRM.multTransB(b, b, psd); // rank 3
    DMatrixRMaj once = Kernels.projectToPsd(psd);
    assertMatrixEquals(psd, once, 1e-12);
    assertMatrixEquals(once, Kernels.projectToPsd(once), 1e-12);
  }

  @Test
  void psdFactorReproducesTheMatrixIncludingRankDeficientOnes() {
    for (int rank : new int[] {5, 2}) {
      DMatrixRMaj b = gaussian(5, rank, 20 + rank, 0);
      DMatrixRMaj m = new DMatrixRMaj(5, 5);
      CommonOps_DDRM.multTransB(b, b, m);
      DMatrixRMaj l = Kernels.psdFactor(m);
      DMatrixRMaj ltl = new DMatrixRMaj(5, 5);
      CommonOps_DDRM.multTransA(l, l, ltl);
      assertMatrixEquals(m, ltl, 1e-12);
      // rows come by decreasing eigenvalue, so the row norms decrease
      for (int r = 1; r < 5; r++) {
        assertTrue(rowNorm(l, r) <= rowNorm(l, r - 1) + 1e-12);
      }
    }
  }

  private static double rowNorm(DMatrixRMaj l, int r) {
    double s = 0;
    for (int c = 0; c < l.numCols; c++) {
      s += l.get(r, c) * l.get(r, c);
    }
    return Math.sqrt(s);
  }

  @Test
  void toMatrixAndToRowsRoundTripAndRaggedRowsAreRejected() {
    double[][] rows = {{1, 2, 3}, {4, 5, 6}};
    DMatrixRMaj m = Kernels.toMatrix(rows);
    assertEquals(6, m.get(1, 2));
    double[][] back = Kernels.toRows(m);
    assertArrayEquals(rows[0], back[0]);
    assertArrayEquals(rows[1], back[1]);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Kernels.toMatrix(new double[][] {{1, 2}, {3}}));
    assertTrue(String.valueOf(e.getMessage()).contains("row 1"), e.getMessage());
  }

  @Test
  void squaredRowNormsAreTheSumsOfSquares() {
    DMatrixRMaj x = Kernels.toMatrix(new double[][] {{3, 4}, {0, 0}, {-1, 2}});
    assertArrayEquals(new double[] {25, 0, 5}, Kernels.squaredRowNorms(x));
  }
}
