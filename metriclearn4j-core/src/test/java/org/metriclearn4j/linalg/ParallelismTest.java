package org.metriclearn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class ParallelismTest {
  private static DMatrixRMaj random(int rows, int cols, long seed) {
    Random random = new Random(seed);
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = random.nextGaussian();
    }
    return m;
  }

  @Test
  void workBelowTheThresholdStaysOnTheCallingThread() {
    assertFalse(Parallelism.worthwhile(Parallelism.MIN_PARALLEL_WORK - 1));
    assertTrue(Parallelism.worthwhile(Parallelism.MIN_PARALLEL_WORK));
    assertFalse(Parallelism.blocks(8, Parallelism.MIN_PARALLEL_WORK - 1).isParallel());
    assertTrue(Parallelism.blocks(8, Parallelism.MIN_PARALLEL_WORK).isParallel());
    assertFalse(Parallelism.blocks(1, Long.MAX_VALUE).isParallel(), "one block needs no threads");
  }

  @Test
  void blocksCoverEveryIndexOnceOnEitherSideOfTheThreshold() {
    for (long work : new long[] {0, Parallelism.MIN_PARALLEL_WORK}) {
      assertArrayEquals(
          new int[] {0, 1, 2, 3, 4, 5, 6}, Parallelism.blocks(7, work).sorted().toArray());
    }
  }

  @Test
  void productsAreBitIdenticalToTheSequentialOnesOnEitherSideOfTheThreshold() {
    // 20 x 30 x 40 is far below the threshold; 320 x 120 x 120 is above it
    for (int[] s : new int[][] {{20, 30, 40}, {320, 120, 120}}) {
      DMatrixRMaj a = random(s[0], s[1], 1);
      DMatrixRMaj b = random(s[1], s[2], 2);
      DMatrixRMaj expected = new DMatrixRMaj(s[0], s[2]);
      DMatrixRMaj actual = new DMatrixRMaj(s[0], s[2]);
      CommonOps_DDRM.mult(a, b, expected);
      Parallelism.mult(a, b, actual);
      assertArrayEquals(expected.data, actual.data, "a b");

      DMatrixRMaj at = random(s[1], s[0], 3);
      CommonOps_DDRM.multTransA(at, b, expected);
      Parallelism.multTransA(at, b, actual);
      assertArrayEquals(expected.data, actual.data, "a^T b");

      DMatrixRMaj bt = random(s[2], s[1], 4);
      CommonOps_DDRM.multTransB(a, bt, expected);
      Parallelism.multTransB(a, bt, actual);
      assertArrayEquals(expected.data, actual.data, "a b^T");
    }
    assertTrue(Parallelism.worthwhile(320L * 120 * 120));
  }
}
