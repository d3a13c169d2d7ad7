package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FitTimingTest {
  @Test
  void aZeroMinimumRunsTheTaskExactlyOnceAndKeepsItsResult() {
    AtomicInteger calls = new AtomicInteger();
    FitTiming<Integer> timing = FitTiming.measure(calls::incrementAndGet, 0);
    assertEquals(1, timing.runs());
    assertEquals(1, calls.get());
    assertEquals(1, timing.lastResult());
    assertTrue(timing.cpuSecondsPerRun() >= 0 && timing.wallSecondsPerRun() >= 0);
  }

  @Test
  void aTaskFasterThanTheClockIsRepeatedUpToTheCap() {
    AtomicInteger calls = new AtomicInteger();
    // one hour of CPU cannot pass in 100 increments: the cap stops the loop
    FitTiming<Integer> timing = FitTiming.measure(calls::incrementAndGet, 3600);
    assertEquals(FitTiming.MAX_REPETITIONS, timing.runs());
    assertEquals(FitTiming.MAX_REPETITIONS, calls.get());
    assertEquals(FitTiming.MAX_REPETITIONS, timing.lastResult());
  }

  @Test
  void theMeanPerRunCountsCpuSpentInTheTask() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    double[] sink = new double[1];
    // once unmeasured, so that the classes FitTiming reads /proc with are loaded outside the window
    var unused = FitTiming.measure(() -> sink, 0);
    long threadBefore = threads.getCurrentThreadCpuTime();
    FitTiming<double[]> timing =
        FitTiming.measure(
            () -> {
              double s = 0;
              for (int i = 0; i < 2_000_000; i++) {
                s += Math.sqrt(i);
              }
              sink[0] += s;
              return sink;
            },
            0.5);
    double taskThread = (threads.getCurrentThreadCpuTime() - threadBefore) / 1e9;
    double measured = timing.cpuSecondsPerRun() * timing.runs();
    assertTrue(timing.runs() >= 1);
    // the task ran on this thread: the process's CPU time without the compiler's covers it
    assertTrue(taskThread > 0.1, "the task's thread CPU " + taskThread);
    // both clocks advance in 10 ms ticks: allow a few of them
    assertTrue(measured >= taskThread - 0.04, measured + " s measured, thread " + taskThread);
  }

  @Test
  void aZeroWarmUpStillRunsTheTaskAtLeastOnce() {
    AtomicInteger calls = new AtomicInteger();
    int runs = FitTiming.warmUp(calls::incrementAndGet, 0);
    assertTrue(runs >= 1);
    assertEquals(runs, calls.get());
  }

  @Test
  void warmUpSpendsAtLeastTheMinimumAndAtMostTheCapOfCpuTime() {
    double[] sink = new double[1];
    long start = System.nanoTime();
    int runs =
        FitTiming.warmUp(
            () -> {
              double s = 0;
              for (int i = 0; i < 200_000; i++) {
                s += Math.sqrt(i + sink[0]);
              }
              sink[0] = s * 1e-12;
              return sink;
            },
            0.05);
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    assertTrue(runs > 1, "a task of well under 0.05 s ran " + runs + " time(s)");
    // process CPU time of a busy single-threaded loop cannot exceed the cap by much on any machine
    assertTrue(wallSeconds < FitTiming.MAX_WARMUP_FACTOR * 0.05 * 20, "took " + wallSeconds + " s");
  }
}
