package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompilerCpuTimeTest {
  @Test
  void userAndSystemTicksOfAStatLineAreItsCpuTime() {
    // a compiler thread's line: the name holds a space; utime 57 and stime 3 ticks of 10 ms
    String line =
        "21876 (C2 CompilerThre) S 21860 21860 11685 0 -1 1077936192 0 0 0 0 57 3 0 0 20 0 18 0"
            + " 5978743 3133440 378\n";
    assertEquals(600_000_000L, CompilerCpuTime.cpuNanos(line));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CompilerCpuTime.cpuNanos("12 (x) S 1"));
    assertTrue(String.valueOf(e.getMessage()).contains("found '12 (x) S 1'"), e.getMessage());
  }

  @Test
  void sinceCountsThreadsAliveNowAndNeverGoesNegative() {
    CompilerCpuTime before = new CompilerCpuTime(Map.of("1", 200L, "2", 900L, "3", 50L));
    // thread 1 ran 300 ns more, thread 2's id was reused by a thread with less time, thread 3
    // ended, thread 4 started and ran 100 ns
    CompilerCpuTime after = new CompilerCpuTime(Map.of("1", 500L, "2", 10L, "4", 100L));
    assertEquals(400, after.since(before));
    assertEquals(0, before.since(before));
  }

  @Test
  void onLinuxItFindsTheCompilerThreadsAndTheirWork() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
    CompilerCpuTime now = CompilerCpuTime.now();
    assertFalse(now.nanosByThread().isEmpty(), "HotSpot's C1/C2 compiler threads");
    // by the time tests run, the JIT has compiled JUnit and this module for well over a tick
    long sinceStart = now.since(new CompilerCpuTime(Map.of()));
    assertTrue(sinceStart >= 10_000_000L, "compiler CPU since the JVM started: " + sinceStart);
  }

  @Test
  void measuredCpuTimeIsAtMostTheProcesssCpuTime() {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    double[] sink = new double[1];
    long before = os.getProcessCpuTime();
    FitTiming<double[]> timing =
        FitTiming.measure(
            () -> {
              for (int i = 0; i < 1_000_000; i++) {
                sink[0] += freshlyCompiled(i) * 1e-9;
              }
              return sink;
            },
            0.05);
    double process = (os.getProcessCpuTime() - before) / 1e9;
    assertTrue(
        timing.cpuSecondsPerRun() * timing.runs() <= process + 1e-9,
        timing.cpuSecondsPerRun() * timing.runs() + " s vs the process's " + process + " s");
  }

  private static double freshlyCompiled(int i) {
    return Math.sqrt(i) + (i & 7);
  }
}
