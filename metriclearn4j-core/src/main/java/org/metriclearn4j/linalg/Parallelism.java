package org.metriclearn4j.linalg;

import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Decides when a computation is spread over threads: only when it holds at least {@link
 * #MIN_PARALLEL_WORK} multiply-adds. Below that, handing blocks to the common fork-join pool (or to
 * EJML's concurrent operations) costs more than it saves: the idle worker spins while it waits for
 * work, and the process spends CPU time the computation never needed. Measured on 2 cores: LFDA on
 * 455 samples x 30 features took 2.4 times its single-thread CPU time with its blocks in parallel,
 * and EJML's concurrent {@code A^T B} of a 455 x 30 matrix used 40 % more CPU than the sequential
 * one; at 4 million multiply-adds and above the concurrent one uses about the same CPU time and
 * halves the wall time.
 *
 * <p>The system property {@value #PROPERTY} {@code =false} keeps all work on the calling thread
 * (default {@code true}): for a server or a Spark executor that gives each task one core, and for
 * measuring CPU time against single-threaded figures. It is read at each decision, so {@code
 * System.setProperty} takes effect for the computations that start after it. On breast_cancer's
 * training fold (455 x 30) an NCA fit on two threads took about 1.25 times the CPU time of the
 * single-threaded fit, for 1.2 to 1.4 times less wall time; on digits (1437 x 64) the CPU times
 * were equal.
 *
 * <p>The choice never changes a result: every kernel that runs blocks in parallel computes each
 * output element in one task in a fixed order, and EJML's concurrent products split the output
 * rows, not the sums.
 */
public final class Parallelism {
  /** Multiply-adds (or comparable scalar steps) below which work stays on the calling thread. */
  public static final long MIN_PARALLEL_WORK = 1L << 22;

  /** The system property that allows threads ({@code true}, the default) or not ({@code false}). */
  public static final String PROPERTY = "metriclearn4j.parallel";

  private Parallelism() {}

  /**
   * Returns whether work may be spread over threads at all ({@value #PROPERTY}).
   *
   * @return the setting
   * @throws IllegalArgumentException if {@value #PROPERTY} is neither {@code true} nor {@code
   *     false}
   */
  public static boolean enabled() {
    return enabled(System.getProperty(PROPERTY, "true"));
  }

  /** Parses a value of {@value #PROPERTY}. */
  static boolean enabled(String setting) {
    switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException(
            "-D" + PROPERTY + ": expected true or false, found '" + setting + "'");
    }
  }

  /**
   * Returns whether work of this size is spread over threads.
   *
   * @param work the multiply-adds (or comparable scalar steps) of the whole computation
   * @return {@code work >= MIN_PARALLEL_WORK} when {@linkplain #enabled() enabled}, else {@code
   *     false}
   * @throws IllegalArgumentException if {@value #PROPERTY} is neither {@code true} nor {@code
   *     false}
   */
  public static boolean worthwhile(long work) {
    return enabled() && work >= MIN_PARALLEL_WORK;
  }

  /**
   * Returns the stream of block indices {@code 0 .. count - 1}, parallel when the whole work is
   * {@linkplain #worthwhile worth it} and sequential otherwise.
   *
   * @param count the number of blocks
   * @param work the multiply-adds of all blocks together
   * @return the block indices
   */
  public static IntStream blocks(int count, long work) {
    IntStream blocks = IntStream.range(0, count);
    return worthwhile(work) && count > 1 ? blocks.parallel() : blocks;
  }
}
