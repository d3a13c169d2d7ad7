package org.metriclearn4j.cli;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM process has used, so that fit times compare with single-process CPU seconds
 * (metric-learn's reference figures) whatever else runs on the machine.
 */
final class FitClock {
  private FitClock() {}

  /**
   * Returns the CPU time of all threads of this process, in nanoseconds.
   *
   * @return the process CPU time
   * @throws IllegalStateException if the JVM does not report process CPU time
   */
  static long processCpuNanos() {
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
