package org.metriclearn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  private static SymmetricEigen withValues(double... values) {
    return new SymmetricEigen(values, new DMatrixRMaj(values.length, values.length));
  }

  @Test
  void rankAboveCountsLeadingEigenvaluesAboveTheRelativeFloor() {
    // floor 1e-3 * 4 = 4e-3: 4, 1 and 5e-3 are above it, 4e-3 (equal) and below are not
    assertEquals(3, withValues(4, 1, 5e-3, 4e-3, 1e-9, -1).rankAbove(1e-3));
  }

  @Test
  void rankAboveCountsEveryEigenvalueWhenAllAreAboveTheFloor() {
    assertEquals(3, withValues(2, 2, 1).rankAbove(1e-10));
  }

  @Test
  void rankAboveIsZeroWhenTheLargestEigenvalueIsNotPositive() {
    assertEquals(0, withValues(0, 0).rankAbove(1e-10));
    assertEquals(0, withValues(-1, -2).rankAbove(1e-10));
    assertEquals(0, withValues(Double.NaN, 1).rankAbove(1e-10));
  }
}
