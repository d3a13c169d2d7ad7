package org.metriclearn4j.deep;

/**
 * libtorch thread counts.
 *
 * @param numThreads intra-op threads (one operator split over threads), at least 1
 * @param numInteropThreads inter-op threads (independent operators in parallel), at least 1
 */
public record ThreadOptions(int numThreads, int numInteropThreads) {
  /**
   * Validates the counts.
   *
   * @param numThreads intra-op threads (one operator split over threads), at least 1
   * @param numInteropThreads inter-op threads (independent operators in parallel), at least 1
   * @throws IllegalArgumentException if a count is below 1
   */
  public ThreadOptions {
    if (numThreads < 1) {
      throw new IllegalArgumentException("numThreads: expected >= 1, found " + numThreads);
    }
    if (numInteropThreads < 1) {
      throw new IllegalArgumentException(
          "numInteropThreads: expected >= 1, found " + numInteropThreads);
    }
  }

  /**
   * One thread for everything: slowest, but the least contention on a shared machine.
   *
   * @return {@code (1, 1)}
   */
  public static ThreadOptions single() {
    return new ThreadOptions(1, 1);
  }
}
