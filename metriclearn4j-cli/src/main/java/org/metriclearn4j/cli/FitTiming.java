package org.metriclearn4j.cli;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The time one run of a task takes, in CPU seconds of this JVM process (the unit of metric-learn's
 * reference figures, unaffected by other processes competing for the cores) and in wall seconds.
 * The task is repeated until a minimum CPU time has passed and the mean per run is kept, so that
 * tasks shorter than the CPU clock's tick (about 10 ms) are still measured.
 *
 * @param cpuSecondsPerRun mean process CPU seconds per run
 * @param wallSecondsPerRun mean wall seconds per run
 * @param runs how many times the task ran
 * @param lastResult what the last run returned
 * @param <T> the task's result type
 */
record FitTiming<T>(double cpuSecondsPerRun, double wallSecondsPerRun, int runs, T lastResult) {
  /** The most runs one measurement makes, however short the task. */
  static final int MAX_REPETITIONS = 100;

  /**
   * Runs {@code task} at least once and until {@code minCpuSeconds} of process CPU time have passed
   * or it ran {@value #MAX_REPETITIONS} times.
   *
   * @param task the task; its runs must be alike (same input)
   * @param minCpuSeconds the CPU time to reach, {@code >= 0}
   * @param <T> the task's result type
   * @return the mean times per run and the last result
   * @throws IllegalStateException if the JVM does not report process CPU time
   */
  static <T> FitTiming<T> measure(Supplier<T> task, double minCpuSeconds) {
    long cpuStart = processCpuNanos();
    long wallStart = System.nanoTime();
    long minNanos = (long) (minCpuSeconds * 1e9);
    int runs = 0;
    T result;
    long cpuElapsed;
    do {
      result = task.get();
      runs++;
      cpuElapsed = processCpuNanos() - cpuStart;
    } while (cpuElapsed < minNanos && runs < MAX_REPETITIONS);
    double wallElapsed = System.nanoTime() - wallStart;
    return new FitTiming<>(cpuElapsed / 1e9 / runs, wallElapsed / 1e9 / runs, runs, result);
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      long nanos = os.getProcessCpuTime();
      if (nanos >= 0) {
        return nanos;
      }
    }
    throw new IllegalStateException(
        "this JVM does not report process CPU time (com.sun.management.OperatingSystemMXBean);"
            + " run the benchmark on a HotSpot-based JDK");
  }
}
