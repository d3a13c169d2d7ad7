package org.metriclearn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.linalg.Kernels;

class KernelTest {
  private static final double[] X = {1, 2, 0};
  private static final double[] Y = {0, 1, 2};

  // x.y = 2, ||x - y||^2 = 1 + 1 + 4 = 6, d = 3

  @Test
  void rbfIsTheGaussianOfTheSquaredDistanceWithGammaOneOverDByDefault() {
    assertEquals(Math.exp(-6.0 / 3), Kernel.rbf().value(X, Y), 1e-15);
    assertEquals(Math.exp(-0.5 * 6), Kernel.rbf(0.5).value(X, Y), 1e-15);
    assertEquals(1, Kernel.rbf().value(X, X), 0);
    assertTrue(Kernel.rbf().gammaIsAuto());
    assertEquals(0.25, Kernel.rbf().gamma(4), 0);
    assertEquals(0.5, Kernel.rbf(0.5).gamma(4), 0);
  }

  @Test
  void polynomialLinearAndSigmoidFollowTheirFormulas() {
    assertEquals(Math.pow(2.0 / 3 + 1, 3), Kernel.polynomial(3).value(X, Y), 1e-12);
    assertEquals(Math.pow(0.5 * 2 - 1, 2), Kernel.polynomial(2, 0.5, -1).value(X, Y), 1e-15);
    assertEquals(2, Kernel.linear().value(X, Y), 0);
    assertEquals(Math.tanh(2.0 / 3 + 1), Kernel.sigmoid().value(X, Y), 1e-15);
    assertEquals(Math.tanh(0.1 * 2 - 2), Kernel.sigmoid(0.1, -2).value(X, Y), 1e-15);
  }

  @Test
  void matrixAgreesWithPointwiseValuesForEveryFamily() {
    double[][] a = {{0.5, -1, 2}, {3, 0, 1}, {-2, 2, 0.25}};
    double[][] b = {{1, 1, 1}, {0, -3, 2}};
    for (Kernel k :
        new Kernel[] {
          Kernel.rbf(), Kernel.rbf(2), Kernel.polynomial(2), Kernel.linear(), Kernel.sigmoid()
        }) {
      DMatrixRMaj m = k.matrix(Kernels.toMatrix(a), Kernels.toMatrix(b));
      assertEquals(3, m.numRows);
      assertEquals(2, m.numCols);
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 2; j++) {
          assertEquals(k.value(a[i], b[j]), m.get(i, j), 1e-12, k.name() + " at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void rejectsInvalidParametersAndMismatchedVectors() {
    assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(0));
    assertThrows(IllegalArgumentException.class, () -> Kernel.rbf(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Kernel.polynomial(0));
    assertThrows(IllegalArgumentException.class, () -> Kernel.sigmoid(1, Double.POSITIVE_INFINITY));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Kernel.linear().value(X, new double[] {1, 2}));
    assertTrue(String.valueOf(e.getMessage()).contains("y"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Kernel.rbf().matrix(new DMatrixRMaj(2, 3), new DMatrixRMaj(2, 2)));
  }

  @Test
  void namesAndEqualityReflectTheParameters() {
    assertEquals("rbf(gamma=1/d)", Kernel.rbf().name());
    assertEquals("polynomial(gamma=1/d, coef0=1.0, degree=3)", Kernel.polynomial(3).name());
    assertEquals("linear()", Kernel.linear().name());
    assertEquals(Kernel.rbf(2), Kernel.rbf(2));
    assertEquals(Kernel.rbf(2).hashCode(), Kernel.rbf(2).hashCode());
    assertTrue(!Kernel.rbf(2).equals(Kernel.rbf(3)));
    assertTrue(!Kernel.rbf().equals(Kernel.sigmoid()));
  }
}
