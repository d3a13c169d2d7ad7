package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MedianPerplexitySearchTest {

  /** The log-perplexity of the softmax of {@code -beta d}, straight from its definition. */
  private static double logPerplexity(double[] d, double beta) {
    double total = 0;
    for (double v : d) {
      total += Math.exp(-beta * v);
    }
    double entropy = 0;
    for (double v : d) {
      double p = Math.exp(-beta * v) / total;
      if (p > 0) {
        entropy -= p * Math.log(p);
      }
    }
    return entropy;
  }

  /** The row's own root: the log(beta) at which its perplexity is the target, by bisection. */
  private static double rowRoot(double[] d, double logTarget) {
    double lo = -30;
    double hi = 30;
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (logPerplexity(d, Math.exp(mid)) > logTarget) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return 0.5 * (lo + hi);
  }

  private static double[][] randomRows(int count, int length, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[count][length];
    for (int r = 0; r < count; r++) {
      // rows of different spreads, each shifted so that its smallest distance is 0
      double spread = Math.exp(3 * random.nextGaussian());
      double smallest = Double.POSITIVE_INFINITY;
      for (int j = 0; j < length; j++) {
        rows[r][j] = spread * random.nextDouble() * random.nextDouble();
        smallest = Math.min(smallest, rows[r][j]);
      }
      for (int j = 0; j < length; j++) {
        rows[r][j] -= smallest;
      }
    }
    return rows;
  }

  @Test
  void findsTheMedianOfTheRowsOwnRoots() {
    for (int count : new int[] {1, 2, 7, 40, 101}) {
      double[][] rows = randomRows(count, 60, count);
      double logTarget = Math.log(10);
      double[] roots = new double[count];
      for (int r = 0; r < count; r++) {
        roots[r] = rowRoot(rows[r], logTarget);
      }
      Arrays.sort(roots);
      double found = new MedianPerplexitySearch(rows, logTarget).logScale(-30, 30, 0, 1e-12, 100);
      assertEquals(roots[count / 2], found, 1e-8, count + " rows");
    }
  }

  @Test
  void theMedianRowHasTheTargetPerplexity() {
    double[][] rows = randomRows(64, 200, 3);
    double logTarget = Math.log(30);
    double found = new MedianPerplexitySearch(rows, logTarget).logScale(-30, 30, 5, 1e-12, 100);
    double[] values = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      values[r] = logPerplexity(rows[r], Math.exp(found));
    }
    Arrays.sort(values);
    assertEquals(logTarget, values[rows.length / 2], 1e-9);
  }

  @Test
  void identicalRowsGiveTheirCommonRoot() {
    double[] row = {0, 0.5, 1, 2, 4, 8, 16};
    double[][] rows = {row, row.clone(), row.clone()};
    double logTarget = Math.log(3);
    double found = new MedianPerplexitySearch(rows, logTarget).logScale(-30, 30, -20, 1e-12, 100);
    assertEquals(rowRoot(row, logTarget), found, 1e-8);
  }

  @Test
  void aRootBeyondTheBracketStopsAtItsEnd() {
    // the target is above every row's largest perplexity (its number of entries): beta keeps
    // falling, and the search ends at the bracket's lower end
    double[][] rows = randomRows(5, 8, 9);
    double found = new MedianPerplexitySearch(rows, Math.log(100)).logScale(-4, 4, 0, 1e-12, 100);
    assertEquals(-4, found, 1e-9);
  }
}
