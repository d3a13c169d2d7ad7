package org.metriclearn4j.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Supplier;

/**
 * The time one run of a task takes, in CPU seconds of this JVM process (the unit of metric-learn's
 * reference figures, unaffected by other processes competing for the cores) and in wall seconds.
 * The CPU time does not count the JIT compiler's threads ({@link CompilerCpuTime}): compiling is a
 * warm-up cost of the JVM that a Python process does not have, and it can still run for seconds
 * after a warm-up, doubling the CPU time of a millisecond fit. The task's own threads (the caller
 * and the fork-join workers) and the garbage collector's count. The task is repeated until a
 * minimum CPU time has passed and the mean per run is kept, so that tasks shorter than the CPU
 * clock's tick (about 10 ms) are still measured.
 *
 * @param cpuSecondsPerRun mean process CPU seconds per run, without the JIT compiler's
 * @param wallSecondsPerRun mean wall seconds per run
 * @param runs how many times the task ran
 * @param lastResult what the last run returned
 * @param <T> the task's result type
 */
record FitTiming<T>(double cpuSecondsPerRun, double wallSecondsPerRun, int runs, T lastResult) {
  /** The most runs one measurement makes, however short the task. */
  static final int MAX_REPETITIONS = 100;

  /** The window of process CPU seconds over which {@link #warmUp} measures the JVM's own share. */
  static final double QUIET_CPU_SECONDS = 0.5;

  /**
   * The share of CPU time on non-Java threads under which {@link #warmUp} considers the JVM quiet.
   */
  static final double QUIET_HIDDEN_SHARE = 0.1;

  /** {@link #warmUp} stops after this many times its minimum CPU time, quiet or not. */
  static final int MAX_WARMUP_FACTOR = 10;

  /**
   * Runs {@code task} at least once and until {@code minCpuSeconds} of process CPU time have passed
   * or it ran {@value #MAX_REPETITIONS} times, and reports the process CPU time of those runs minus
   * what the JIT compiler's threads used meanwhile.
   *
   * @param task the task; its runs must be alike (same input)
   * @param minCpuSeconds the CPU time to reach, {@code >= 0}
   * @param <T> the task's result type
   * @return the mean times per run and the last result
   * @throws IllegalStateException if the JVM does not report process CPU time
   */
  static <T> FitTiming<T> measure(Supplier<T> task, double minCpuSeconds) {
    CompilerCpuTime compilerStart = CompilerCpuTime.now();
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
    long compiling = CompilerCpuTime.now().since(compilerStart);
    double cpuSeconds = Math.max(0, cpuElapsed - compiling) / 1e9;
    return new FitTiming<>(cpuSeconds / runs, wallElapsed / 1e9 / runs, runs, result);
  }

  /**
   * Runs {@code task} unmeasured until the JVM's own threads have gone quiet: at least once, for at
   * least {@code minCpuSeconds} of process CPU time, and then on until, over a window of {@value
   * #QUIET_CPU_SECONDS} CPU seconds, at most {@value #QUIET_HIDDEN_SHARE} of the process's CPU time
   * went to threads that are not Java threads (the JIT compilers, the garbage collector), or until
   * {@value #MAX_WARMUP_FACTOR} times {@code minCpuSeconds} have passed. The JIT compiles the
   * task's methods on its own threads for seconds after the first runs (measured: 5 s of LSML fits
   * on iris before its share fell from one half to zero), and that CPU time counts in the
   * process's: a measurement taken before then shows up to twice the task's real cost.
   *
   * @param task the task to warm up
   * @param minCpuSeconds the least CPU time to spend, {@code >= 0}
   * @return how many times the task ran
   */
  static int warmUp(Supplier<?> task, double minCpuSeconds) {
    long start = processCpuNanos();
    long minNanos = (long) (minCpuSeconds * 1e9);
    long maxNanos = minNanos * MAX_WARMUP_FACTOR;
    long windowNanos = (long) (QUIET_CPU_SECONDS * 1e9);
    long windowProcess = start;
    long windowJava = javaThreadsCpuNanos();
    boolean quiet = false;
    int runs = 0;
    while (true) {
      var unused = task.get();
      runs++;
      long now = processCpuNanos();
      if (now - windowProcess >= windowNanos) {
        long java = javaThreadsCpuNanos();
        double hidden = 1 - (double) (java - windowJava) / (now - windowProcess);
        quiet = hidden <= QUIET_HIDDEN_SHARE;
        windowProcess = now;
        windowJava = java;
      }
      if (now - start >= maxNanos || (now - start >= minNanos && quiet)) {
        return runs;
      }
    }
  }

  /**
   * Returns the CPU time of the live Java threads (not the JVM's hidden compiler and GC threads).
   */
  private static long javaThreadsCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos > 0) {
        total += nanos;
      }
    }
    return total;
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
