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
    double[] sink = new double[1];
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
            0.05);
    assertTrue(timing.runs() >= 1);
    assertTrue(timing.cpuSecondsPerRun() * timing.runs() >= 0.05, "reached the minimum");
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
