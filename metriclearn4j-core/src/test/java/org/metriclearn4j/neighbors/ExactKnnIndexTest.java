package org.metriclearn4j.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactKnnIndexTest {

  /** Direct reference: every squared distance by a plain loop, then a stable sort. */
  private static int[] bruteForceIndices(double[][] ref, double[] q, int k, int exclude) {
    Integer[] order = new Integer[ref.length];
    double[] d = new double[ref.length];
    for (int j = 0; j < ref.length; j++) {
      order[j] = j;
      d[j] = direct(ref[j], q);
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> d[j]).thenComparingInt(j -> j));
    return Arrays.stream(order)
        .mapToInt(Integer::intValue)
        .filter(j -> j != exclude)
        .limit(k)
        .toArray();
  }

  private static double direct(double[] a, double[] b) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      double diff = a[t] - b[t];
      s += diff * diff;
    }
    return s;
  }

  /** Random points on a coarse grid (many equal distances), with some rows duplicated. */
  private static double[][] gridPointsWithDuplicates(
      SplittableRandom random, int n, int d, double offset, double step) {
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextInt(5) == 0) {
        x[i] = x[random.nextInt(i)].clone();
        continue;
      }
      for (int t = 0; t < d; t++) {
        x[i][t] = offset + step * random.nextInt(-3, 4);
      }
    }
    return x;
  }

  private static void assertMatchesBruteForce(double[][] ref, double[][] queries, int... ks) {
    ExactKnnIndex index = ExactKnnIndex.of(ref);
    Neighbors[] results = new Neighbors[ks.length];
    for (int r = 0; r < ks.length; r++) {
      results[r] = index.search(queries, ks[r]);
      assertEquals(queries.length, results[r].numQueries());
    }
    for (int q = 0; q < queries.length; q++) {
      int[] expected = bruteForceIndices(ref, queries[q], ref.length, -1);
      for (int r = 0; r < ks.length; r++) {
        int k = ks[r];
        assertArrayEquals(Arrays.copyOf(expected, k), results[r].indices(q), "query " + q);
        double[] sq = results[r].squaredDistances(q);
        for (int j = 0; j < k; j++) {
          assertEquals(direct(ref[expected[j]], queries[q]), sq[j], 0.0, "query " + q);
        }
      }
    }
  }

  @Test
  void searchEqualsBruteForceOnGridDataWithDuplicatesAndTies() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] ref = gridPointsWithDuplicates(random, 300, 3, 0, 1);
    double[][] queries = gridPointsWithDuplicates(random, 300, 3, 0, 1);
    assertMatchesBruteForce(ref, queries, 1, 5, 37, 300);
  }

  @Test
  void searchBreaksTiesExactlyDespiteExpandedFormRoundingFarFromOrigin() {
    // coordinates ~1e4 with steps of 0.1: the expanded form loses most digits to cancellation, so
    // ties and near-ties are only right if the candidates are re-measured directly
    SplittableRandom random = new SplittableRandom(12);
    double[][] ref = gridPointsWithDuplicates(random, 300, 4, 1e4, 0.1);
    double[][] queries = gridPointsWithDuplicates(random, 150, 4, 1e4, 0.1);
    assertMatchesBruteForce(ref, queries, 1, 7, 50);
  }

  @Test
  void searchEqualsBruteForceOnContinuousRandomData() {
    SplittableRandom random = new SplittableRandom(13);
    double[][] ref = new double[500][6];
    double[][] queries = new double[40][6];
    for (double[] row : ref) {
      for (int t = 0; t < row.length; t++) {
        row[t] = random.nextGaussian() * 3 - 1;
      }
    }
    for (double[] row : queries) {
      for (int t = 0; t < row.length; t++) {
        row[t] = random.nextGaussian() * 3;
      }
    }
    assertMatchesBruteForce(ref, queries, 10);
  }

  @Test
  void equidistantNeighboursComeInReferenceOrder() {
    double[][] ref = {{2, 0}, {0, -1}, {-1, 0}, {0, 1}, {1, 0}};
    Neighbors n = ExactKnnIndex.of(ref).search(new double[][] {{0, 0}}, 4);
    assertArrayEquals(new int[] {1, 2, 3, 4}, n.indices(0));
    assertArrayEquals(new double[] {1, 1, 1, 1}, n.squaredDistances(0));
    assertArrayEquals(new double[] {1, 1, 1, 1}, n.distances(0));
  }

  @Test
  void duplicateReferencePointsTieAtZeroInReferenceOrder() {
    double[][] ref = {{5, 5}, {0.1, 0.2}, {3, 3}, {0.1, 0.2}, {0.1, 0.2}};
    Neighbors n = ExactKnnIndex.of(ref).search(new double[][] {{0.1, 0.2}}, 4);
    assertArrayEquals(new int[] {1, 3, 4, 2}, n.indices(0));
    assertArrayEquals(new double[] {0, 0, 0, direct(ref[2], ref[1])}, n.squaredDistances(0));
  }

  @Test
  void searchExcludingSelfSkipsOnlyThePointItselfNotItsDuplicates() {
    double[][] ref = {{0, 0}, {4, 0}, {0, 0}, {1, 0}};
    Neighbors n = ExactKnnIndex.of(ref).searchExcludingSelf(2);
    assertArrayEquals(new int[] {2, 3}, n.indices(0));
    assertArrayEquals(new double[] {0, 1}, n.squaredDistances(0));
    assertArrayEquals(new int[] {3, 0}, n.indices(1));
    assertArrayEquals(new int[] {0, 3}, n.indices(2));
    assertArrayEquals(new int[] {0, 2}, n.indices(3));
  }

  @Test
  void searchExcludingSelfEqualsBruteForceLeaveOneOut() {
    SplittableRandom random = new SplittableRandom(14);
    double[][] ref = gridPointsWithDuplicates(random, 300, 3, 0, 1);
    ExactKnnIndex index = ExactKnnIndex.of(ref);
    int[] ks = {1, 6, 299};
    Neighbors[] results = new Neighbors[ks.length];
    for (int r = 0; r < ks.length; r++) {
      results[r] = index.searchExcludingSelf(ks[r]);
    }
    for (int i = 0; i < ref.length; i++) {
      int[] expected = bruteForceIndices(ref, ref[i], ref.length - 1, i);
      for (int r = 0; r < ks.length; r++) {
        assertArrayEquals(Arrays.copyOf(expected, ks[r]), results[r].indices(i), "point " + i);
      }
    }
  }

  @Test
  void resultsDoNotDependOnTheBlockSchedule() {
    SplittableRandom random = new SplittableRandom(15);
    double[][] ref = gridPointsWithDuplicates(random, 200, 2, 0, 1);
    double[][] queries = gridPointsWithDuplicates(random, 1000, 2, 0, 1);
    ExactKnnIndex index = ExactKnnIndex.of(ref);
    int[][] all = index.search(queries, 4).indices();
    for (int q = 0; q < queries.length; q += 97) {
      assertArrayEquals(all[q], index.search(new double[][] {queries[q]}, 4).indices(0));
    }
  }

  @Test
  void rejectsInvalidArgumentsWithSpecificMessages() {
    ExactKnnIndex index = ExactKnnIndex.of(new double[][] {{0, 0}, {1, 1}, {2, 2}});
    assertEquals(3, index.size());
    assertEquals(2, index.dimension());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> index.search(new double[][] {{0, 0}}, 4));
    assertTrue(
        String.valueOf(e.getMessage()).contains("[1, 3]")
            && String.valueOf(e.getMessage()).contains("4"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> index.search(new double[][] {{0, 0}}, 0));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> index.search(new double[][] {{0, 0, 0}}, 1));
    assertTrue(String.valueOf(e.getMessage()).contains("3 columns, expected 2"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.search(new double[][] {{0, Double.NaN}}, 1));
    assertTrue(String.valueOf(e.getMessage()).contains("NaN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> index.searchExcludingSelf(3));
    assertTrue(String.valueOf(e.getMessage()).contains("[1, 2]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ExactKnnIndex.of(new double[0][]));
    assertThrows(
        IllegalArgumentException.class,
        () -> ExactKnnIndex.of(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}));
    assertThrows(
        IllegalArgumentException.class, () -> ExactKnnIndex.of(new double[][] {{1}, {1, 2}}));
  }

  @Test
  void searchWithNoQueryReturnsNoRow() {
    Neighbors n = ExactKnnIndex.of(new double[][] {{1}}).search(new double[0][], 1);
    assertEquals(0, n.numQueries());
  }
}
