package org.metriclearn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class TopEigenTest {

  /** Returns {@code Q diag(values) Q^T} for a random orthogonal {@code Q}. */
  private static DMatrixRMaj withSpectrum(double[] values, long seed) {
    int m = values.length;
    SplittableRandom random = new SplittableRandom(seed);
    DMatrixRMaj q = new DMatrixRMaj(m, m);
    for (int i = 0; i < q.data.length; i++) {
      q.data[i] = random.nextGaussian();
    }
    TopEigen.orthonormalizeRows(q, 0, m, random);
    DMatrixRMaj scaled = q.copy();
    for (int r = 0; r < m; r++) {
      for (int c = 0; c < m; c++) {
        scaled.set(r, c, q.get(r, c) * values[r]);
      }
    }
    DMatrixRMaj a = new DMatrixRMaj(m, m);
    CommonOps_DDRM.multTransA(q, scaled, a);
    Kernels.symmetrize(a);
    return a;
  }

  private static void assertEigenpairs(DMatrixRMaj a, SymmetricEigen e, double tolerance) {
    int m = a.numRows;
    for (int c = 0; c < e.values().length; c++) {
      DMatrixRMaj v = CommonOps_DDRM.extract(e.vectors(), 0, m, c, c + 1);
      assertEquals(1, CommonOps_DDRM.dot(v, v), 1e-10, "unit length of vector " + c);
      DMatrixRMaj av = new DMatrixRMaj(m, 1);
      CommonOps_DDRM.mult(a, v, av);
      for (int r = 0; r < m; r++) {
        assertEquals(e.values()[c] * v.get(r, 0), av.get(r, 0), tolerance, "A v = lambda v");
      }
    }
  }

  @Test
  void findsTheLeadingEigenpairsOfALargeMatrixWithADecayingSpectrum() {
    int m = 320;
    double[] values = new double[m];
    for (int i = 0; i < m; i++) {
      values[i] = 100 * Math.pow(0.9, i);
    }
    DMatrixRMaj a = withSpectrum(values, 1);
    SymmetricEigen e = TopEigen.largest(a, 6, 42);
    assertArrayEquals(java.util.Arrays.copyOf(values, 6), e.values(), 1e-7);
    assertEigenpairs(a, e, 1e-6);
  }

  @Test
  void agreesWithTheDenseSolverOnSmallMatrices() {
    double[] values = {5, 4, 3, 2, 1, 0.5, 0.25, 0, 0, -1};
    DMatrixRMaj a = withSpectrum(values, 2);
    SymmetricEigen e = TopEigen.largest(a, 3, 0);
    assertArrayEquals(new double[] {5, 4, 3}, e.values(), 1e-10);
    assertEigenpairs(a, e, 1e-10);
  }

  @Test
  void completesTheBasisWhenTheMatrixHasLowRank() {
    // rank 3 out of 320: the Krylov blocks run out of directions and are refilled at random
    int m = 320;
    double[] values = new double[m];
    values[0] = 9;
    values[1] = 4;
    values[2] = 1;
    DMatrixRMaj a = withSpectrum(values, 3);
    SymmetricEigen e = TopEigen.largest(a, 5, 0);
    assertArrayEquals(new double[] {9, 4, 1, 0, 0}, e.values(), 1e-9);
    assertEigenpairs(a, e, 1e-9);
    DMatrixRMaj gram = new DMatrixRMaj(5, 5);
    CommonOps_DDRM.multTransA(e.vectors(), e.vectors(), gram);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-10, "orthonormal vectors");
      }
    }
  }

  @Test
  void sameSeedGivesTheSameResult() {
    double[] values = new double[310];
    for (int i = 0; i < values.length; i++) {
      values[i] = 1.0 / (1 + i);
    }
    DMatrixRMaj a = withSpectrum(values, 4);
    SymmetricEigen first = TopEigen.largest(a, 4, 9);
    SymmetricEigen second = TopEigen.largest(a, 4, 9);
    assertArrayEquals(first.values(), second.values(), 0);
    assertArrayEquals(first.vectors().data, second.vectors().data, 0);
  }

  @Test
  void rejectsAnOutOfRangeCountOrANonSquareMatrix() {
    assertThrows(
        IllegalArgumentException.class, () -> TopEigen.largest(new DMatrixRMaj(3, 3), 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> TopEigen.largest(new DMatrixRMaj(3, 3), 4, 0));
    assertThrows(
        IllegalArgumentException.class, () -> TopEigen.largest(new DMatrixRMaj(3, 2), 1, 0));
  }
}
