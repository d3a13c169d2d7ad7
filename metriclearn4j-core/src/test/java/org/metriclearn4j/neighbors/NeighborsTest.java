package org.metriclearn4j.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NeighborsTest {

  @Test
  void accessorsReturnCopiesThatCannotChangeTheResult() {
    int[][] idx = {{3, 1}, {0, 2}};
    double[][] sq = {{1, 4}, {0, 9}};
    Neighbors n = Neighbors.of(idx, sq);
    idx[0][0] = 99;
    sq[0][0] = 99;
    n.indices()[0][0] = 42;
    n.indices(0)[1] = 42;
    n.squaredDistances()[1][1] = 42;
    n.squaredDistances(1)[0] = 42;
    assertArrayEquals(new int[] {3, 1}, n.indices(0));
    assertArrayEquals(new double[] {0, 9}, n.squaredDistances(1));
    assertArrayEquals(new double[] {1, 2}, n.distances(0));
    assertArrayEquals(new double[] {0, 3}, n.distances()[1]);
    assertEquals(2, n.numQueries());
    assertEquals(2, n.k());
  }

  @Test
  void rejectsInconsistentInput() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Neighbors.of(new int[][] {{0}}, new double[][] {{0}, {1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Neighbors.of(new int[][] {{0, 1}}, new double[][] {{0}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Neighbors.of(new int[][] {{-1}}, new double[][] {{0}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Neighbors.of(new int[][] {{0, 1}}, new double[][] {{2, 1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Neighbors.of(new int[][] {{0}}, new double[][] {{Double.NaN}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Neighbors.of(new int[][] {{0}}, new double[][] {{-1}}));
  }
}
