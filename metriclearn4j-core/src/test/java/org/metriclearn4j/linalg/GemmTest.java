package org.metriclearn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class GemmTest {
  // 20 x 30 x 40 is far below the parallel threshold; 320 x 120 x 120 is above it
  private static final int[][] SHAPES = {{20, 30, 40}, {320, 120, 120}};

  private static DMatrixRMaj random(int rows, int cols, long seed) {
    Random random = new Random(seed);
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = random.nextGaussian();
    }
    return m;
  }

  /** The three products of one shape, by EJML's sequential code and by {@code Gemm.product}. */
  private static void checkProducts(int[] s, boolean onNative, double tolerance) {
    DMatrixRMaj a = random(s[0], s[1], 1);
    DMatrixRMaj b = random(s[1], s[2], 2);
    DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]);
    DMatrixRMaj actual = new DMatrixRMaj(1, 1);
    CommonOps_DDRM.mult(a, b, expected);
    Gemm.product(false, false, a, b, actual, onNative);
    assertArrayEquals(expected.data, actual.data, tolerance, "a b");

    DMatrixRMaj at = random(s[1], s[0], 3);
    CommonOps_DDRM.multTransA(at, b, expected);
    Gemm.product(true, false, at, b, actual, onNative);
    assertArrayEquals(expected.data, actual.data, tolerance, "a^T b");

    DMatrixRMaj bt = random(s[2], s[1], 4);
    CommonOps_DDRM.multTransB(a, bt, expected);
    Gemm.product(false, true, a, bt, actual, onNative);
    assertArrayEquals(expected.data, actual.data, tolerance, "a b^T");

    DMatrixRMaj both = new DMatrixRMaj(s[0], s[2]);
    CommonOps_DDRM.multTransAB(at, bt, both);
    Gemm.product(true, true, at, bt, actual, onNative);
    assertArrayEquals(both.data, actual.data, tolerance, "a^T b^T");
  }

  @Test
  void javaProductsAreBitIdenticalToTheSequentialOnesOnEitherSideOfTheParallelThreshold() {
    for (int[] s : SHAPES) {
      checkProducts(s, false, 0.0);
    }
    assertTrue(Parallelism.worthwhile(320L * 120 * 120));
    assertFalse(Parallelism.worthwhile(20L * 30 * 40));
  }

  @Test
  void nativeProductsAgreeWithEjmlToRounding() {
    assertTrue(NativeBlas.status().available(), NativeBlas.status().description());
    // entries are sums of 30 or 120 products of unit normals: rounding differs by ~1e-14
    for (int[] s : SHAPES) {
      checkProducts(s, true, 1e-12);
    }
  }

  @Test
  void nativeProductsAreRepeatable() {
    DMatrixRMaj a = random(300, 70, 5);
    DMatrixRMaj b = random(70, 90, 6);
    DMatrixRMaj first = new DMatrixRMaj(1, 1);
    DMatrixRMaj second = new DMatrixRMaj(1, 1);
    Gemm.product(false, false, a, b, first, true);
    Gemm.product(false, false, a, b, second, true);
    assertArrayEquals(first.data, second.data, 0.0);
  }

  @Test
  void publicProductsUseTheNativeBackendFromTheThresholdOnly() {
    assertTrue(Gemm.runsNatively(Gemm.MIN_NATIVE_WORK));
    assertFalse(Gemm.runsNatively(Gemm.MIN_NATIVE_WORK - 1));
    // a tiny product stays in Java and is bit-identical to EJML's
    DMatrixRMaj a = random(3, 4, 7);
    DMatrixRMaj b = random(4, 5, 8);
    DMatrixRMaj expected = new DMatrixRMaj(3, 5);
    DMatrixRMaj actual = new DMatrixRMaj(3, 5);
    CommonOps_DDRM.mult(a, b, expected);
    Gemm.mult(a, b, actual);
    assertArrayEquals(expected.data, actual.data, 0.0);
    assertTrue(Gemm.backend().contains("OpenBLAS"), Gemm.backend());
  }

  @Test
  void emptyInnerDimensionGivesZerosAndEmptyOuterDimensionsGiveEmptyProducts() {
    DMatrixRMaj c = new DMatrixRMaj(2, 2);
    c.fill(7);
    Gemm.mult(new DMatrixRMaj(2, 0), new DMatrixRMaj(0, 2), c);
    assertArrayEquals(new double[4], c.data, 0.0);
    Gemm.multTransB(new DMatrixRMaj(0, 3), new DMatrixRMaj(4, 3), c);
    assertEquals(0, c.numRows);
    assertEquals(4, c.numCols);
  }

  @Test
  void mismatchedShapesAndAliasedOutputsAreRejected() {
    IllegalArgumentException shapes =
        assertThrows(
            IllegalArgumentException.class,
            () -> Gemm.multTransA(new DMatrixRMaj(3, 2), new DMatrixRMaj(4, 2), new DMatrixRMaj()));
    assertEquals(
        "a, b: expected equal inner dimensions of a^T (2x3) and b (4x2)", shapes.getMessage());
    DMatrixRMaj square = random(3, 3, 9);
    IllegalArgumentException aliased =
        assertThrows(IllegalArgumentException.class, () -> Gemm.mult(square, square, square));
    assertEquals("c: expected a matrix other than the factors", aliased.getMessage());
  }

  @Test
  void theBackendPropertyIsChecked() {
    NativeBlas.Status java = NativeBlas.load("java");
    assertFalse(java.available());
    assertEquals(null, java.failure());
    assertTrue(NativeBlas.load(" Native ").available());
    NativeBlas.Status invalid = NativeBlas.load("mkl");
    assertFalse(invalid.available());
    assertEquals(
        "-Dmetriclearn4j.blas: expected auto, native or java, found 'mkl'", invalid.failure());
  }
}
