package org.metriclearn4j.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParallelismTest {
  @Test
  void workBelowTheThresholdStaysOnTheCallingThread() {
    assertFalse(Parallelism.worthwhile(Parallelism.MIN_PARALLEL_WORK - 1));
    assertTrue(Parallelism.worthwhile(Parallelism.MIN_PARALLEL_WORK));
    assertFalse(Parallelism.blocks(8, Parallelism.MIN_PARALLEL_WORK - 1).isParallel());
    assertTrue(Parallelism.blocks(8, Parallelism.MIN_PARALLEL_WORK).isParallel());
    assertFalse(Parallelism.blocks(1, Long.MAX_VALUE).isParallel(), "one block needs no threads");
  }

  @Test
  void blocksCoverEveryIndexOnceOnEitherSideOfTheThreshold() {
    for (long work : new long[] {0, Parallelism.MIN_PARALLEL_WORK}) {
      assertArrayEquals(
          new int[] {0, 1, 2, 3, 4, 5, 6}, Parallelism.blocks(7, work).sorted().toArray());
    }
  }

  @Test
  void thePropertyTurnsThreadsOffAndRejectsOtherValues() {
    assertTrue(Parallelism.enabled(), "threads are allowed unless the property says false");
    assertFalse(Parallelism.enabled("false"));
    assertFalse(Parallelism.enabled(" FALSE "));
    assertTrue(Parallelism.enabled("true"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parallelism.enabled("1"));
    assertTrue(
        String.valueOf(e.getMessage())
            .equals("-Dmetriclearn4j.parallel: expected true or false, found '1'"),
        e.getMessage());
  }

  @Test
  void thePropertyIsReadAtEachDecision() {
    String previous = System.getProperty(Parallelism.PROPERTY);
    try {
      System.setProperty(Parallelism.PROPERTY, "false");
      assertFalse(Parallelism.enabled());
      assertFalse(Parallelism.blocks(8, Long.MAX_VALUE).isParallel());
      System.setProperty(Parallelism.PROPERTY, "true");
      assertTrue(Parallelism.blocks(8, Long.MAX_VALUE).isParallel());
      System.setProperty(Parallelism.PROPERTY, "yes");
      assertThrows(IllegalArgumentException.class, () -> Parallelism.worthwhile(1));
    } finally {
      if (previous == null) {
        System.clearProperty(Parallelism.PROPERTY);
      } else {
        System.setProperty(Parallelism.PROPERTY, previous);
      }
    }
  }
}
