package org.metriclearn4j.learn;

import java.util.Arrays;

/**
 * Finds the scale {@code beta} of squared distances at which the median row of a set of softmax
 * rows {@code p_j = exp(-beta d_j) / Z} has a given perplexity {@code exp(H)}, {@code H = -sum_j
 * p_j log p_j}.
 *
 * <p>Each row's log-perplexity {@code H_i} falls monotonically as {@code u = log(beta)} grows, so
 * each row has its own root {@code u_i} where {@code H_i(u_i)} is the target, and the median row's
 * log-perplexity crosses the target exactly at the median of the {@code u_i}. The search is a
 * safeguarded Newton iteration on the median row's log-perplexity, kept inside a bracket that every
 * evaluation narrows (bisection when a step would leave it). Each evaluation also settles, for
 * every row it evaluates, on which side of the bracket's new end that row's root lies; later
 * evaluations visit only the rows whose roots may still lie inside the bracket, and the Newton step
 * follows the open row at the median's rank less the number of rows settled below (which decides
 * the same side of the root as the median of all rows). Newton's iterates usually approach the root
 * from one side, so the rows beyond the root stay open; to keep the first, full evaluations few, a
 * search on more than {@code 2 x }{@link #WARM_START_ROWS} rows starts from the root of that many
 * evenly spaced rows, found to within {@link #WARM_START_PRECISION}. On the first reference
 * training fold of iris, wine, breast_cancer and digits, a search that evaluates every row at every
 * step needed 600, 994, 1 792 and 3 072 row evaluations; settling rows alone brought that to 333,
 * 777, 1 097 and 2 275 (with the same root, bit for bit), and the warm start to 250, 379, 626 and
 * 617 (warm start included; the root then differs in its last bits).
 */
final class MedianPerplexitySearch {
  /**
   * Searches on more rows than twice this many start from the root of this many evenly spaced rows,
   * found to within {@link #WARM_START_PRECISION}.
   */
  static final int WARM_START_ROWS = 16;

  /** The precision of the warm start's root, in {@code log(beta)}. */
  static final double WARM_START_PRECISION = 1e-3;

  private final double[][] rows;
  private final double logTarget;

  /**
   * Creates the search.
   *
   * @param rows each row's squared distances to the other points, shifted so that the row's
   *     smallest is 0 (not copied; not modified)
   * @param logTarget the logarithm of the target perplexity
   */
  MedianPerplexitySearch(double[][] rows, double logTarget) {
    this.rows = rows;
    this.logTarget = logTarget;
  }

  /**
   * Returns {@code log(beta)} at which the median row's log-perplexity is the target, to within
   * {@code precision}, searched in {@code [lo, hi]} from {@code start}.
   *
   * @param lo the lower end of the bracket of {@code log(beta)}
   * @param hi the upper end of the bracket of {@code log(beta)}
   * @param start the first {@code log(beta)} evaluated, inside the bracket
   * @param precision the Newton step below which the search stops
   * @param maxSteps the most evaluations of the warm start and, again, of the search on all rows
   * @return the root (or the last iterate after {@code maxSteps} evaluations)
   */
  double logScale(double lo, double hi, double start, double precision, int maxSteps) {
    if (rows.length > 2 * WARM_START_ROWS) {
      double[][] sample = new double[WARM_START_ROWS][];
      for (int r = 0; r < sample.length; r++) {
        sample[r] = rows[(int) ((long) r * rows.length / sample.length)];
      }
      start =
          new MedianPerplexitySearch(sample, logTarget)
              .logScale(lo, hi, start, WARM_START_PRECISION, maxSteps);
    }
    int median = rows.length / 2;
    int[] open = new int[rows.length];
    for (int r = 0; r < open.length; r++) {
      open[r] = r;
    }
    int openCount = open.length;
    // rows whose roots lie below the bracket; the median is the (median - below)-th open row
    int below = 0;
    double[] logPerplexity = new double[open.length];
    double[] slope = new double[open.length];
    double[] sorted = new double[open.length];
    double root = start;
    for (int step = 0; step < maxSteps; step++) {
      double beta = Math.exp(root);
      for (int t = 0; t < openCount; t++) {
        evaluate(rows[open[t]], beta, logPerplexity, slope, t);
      }
      System.arraycopy(logPerplexity, 0, sorted, 0, openCount);
      Arrays.sort(sorted, 0, openCount);
      double medianValue = sorted[median - below];
      int medianRow = 0;
      while (logPerplexity[medianRow] != medianValue) {
        medianRow++;
      }
      double g = medianValue - logTarget;
      if (g == 0) {
        break;
      }
      double medianSlope = slope[medianRow];
      // keep the open rows whose roots lie on the median's side of root
      int kept = 0;
      if (g > 0) {
        lo = root;
        for (int t = 0; t < openCount; t++) {
          if (logPerplexity[t] > logTarget) {
            open[kept++] = open[t];
          } else {
            below++;
          }
        }
      } else {
        hi = root;
        for (int t = 0; t < openCount; t++) {
          if (logPerplexity[t] < logTarget) {
            open[kept++] = open[t];
          }
        }
      }
      openCount = kept;
      double next = root - g / medianSlope;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi);
      }
      boolean done = Math.abs(next - root) <= precision;
      root = next;
      if (done) {
        break;
      }
    }
    return root;
  }

  /**
   * Writes a row's log-perplexity {@code H = log Z + beta E[d]} and its derivative with respect to
   * {@code log(beta)}, {@code -beta^2 Var[d]}, under {@code p_j = exp(-beta d_j) / Z}, at index
   * {@code t}.
   */
  private static void evaluate(
      double[] d, double beta, double[] logPerplexity, double[] slope, int t) {
    double z = 0;
    double weighted = 0;
    double weightedSquares = 0;
    // terms below 2^-53 of the largest (which is 1) change neither sum: skip their exponentials
    double cutoff = SoftmaxObjective.NEGLIGIBLE_EXPONENT / beta;
    for (double v : d) {
      if (v <= cutoff) {
        double e = Math.exp(-beta * v);
        z += e;
        weighted += e * v;
        weightedSquares += e * v * v;
      }
    }
    double mean = weighted / z;
    double variance = Math.max(0, weightedSquares / z - mean * mean);
    logPerplexity[t] = Math.log(z) + beta * mean;
    slope[t] = -beta * beta * variance;
  }
}
