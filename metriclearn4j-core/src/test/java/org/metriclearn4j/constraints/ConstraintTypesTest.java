package org.metriclearn4j.constraints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConstraintTypesTest {
  private static final double[][] POINTS = {{0, 0}, {1, 0}, {0, 1}, {5, 5}};

  @Test
  void pairsCountSimilarAndDissimilarAndCopyTheirInputs() {
    int[] first = {0, 1, 2};
    double[][] points = {{0, 0}, {1, 0}, {0, 1}};
    Pairs pairs = Pairs.of(points, first, new int[] {1, 2, 0}, new boolean[] {true, false, false});
    first[0] = 2;
    points[0][0] = 99;
    assertEquals(3, pairs.size());
    assertEquals(1, pairs.numSimilar());
    assertEquals(2, pairs.numDissimilar());
    assertEquals(0, pairs.first()[0]);
    assertEquals(0.0, pairs.point(0)[0]);
    pairs.first()[1] = 7;
    assertEquals(1, pairs.first()[1]);
    assertEquals(2, pairs.dimension());
    assertEquals(3, pairs.numPoints());
  }

  @Test
  void pairsRejectEmptyMismatchedOutOfRangeAndNonFiniteInput() {
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pairs.of(POINTS, new int[0], new int[0], new boolean[0]));
    assertTrue(
        String.valueOf(empty.getMessage()).contains("at least one pair"), empty.getMessage());
    IllegalArgumentException lengths =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pairs.of(POINTS, new int[] {0, 1}, new int[] {1}, new boolean[] {true, true}));
    assertTrue(String.valueOf(lengths.getMessage()).startsWith("second"), lengths.getMessage());
    IllegalArgumentException labels =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pairs.of(POINTS, new int[] {0}, new int[] {1}, new boolean[] {true, false}));
    assertTrue(String.valueOf(labels.getMessage()).startsWith("similar"), labels.getMessage());
    IllegalArgumentException range =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pairs.of(POINTS, new int[] {0}, new int[] {4}, new boolean[] {true}));
    assertTrue(String.valueOf(range.getMessage()).contains("[0, 4)"), range.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Pairs.of(POINTS, new int[] {-1}, new int[] {0}, new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Pairs.of(
                new double[][] {{0, Double.NaN}, {1, 1}},
                new int[] {0},
                new int[] {1},
                new boolean[] {true}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Pairs.of(
                new double[][] {{0, 1}, {1}}, new int[] {0}, new int[] {1}, new boolean[] {true}));
  }

  @Test
  void tripletsValidateLikePairs() {
    Triplets t = Triplets.of(POINTS, new int[] {0, 1}, new int[] {1, 2}, new int[] {3, 3});
    assertEquals(2, t.size());
    assertArrayEquals(new int[] {3, 3}, t.negatives());
    assertThrows(
        IllegalArgumentException.class,
        () -> Triplets.of(POINTS, new int[0], new int[0], new int[0]));
    IllegalArgumentException lengths =
        assertThrows(
            IllegalArgumentException.class,
            () -> Triplets.of(POINTS, new int[] {0, 1}, new int[] {1, 2}, new int[] {3}));
    assertTrue(String.valueOf(lengths.getMessage()).startsWith("negatives"), lengths.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Triplets.of(POINTS, new int[] {0}, new int[] {9}, new int[] {3}));
  }

  @Test
  void quadrupletsDefaultToUnitWeightsAndRejectBadWeights() {
    Quadruplets q =
        Quadruplets.of(POINTS, new int[] {0}, new int[] {1}, new int[] {0}, new int[] {3});
    assertArrayEquals(new double[] {1.0}, q.weights());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Quadruplets.of(
                POINTS,
                new int[] {0},
                new int[] {1},
                new int[] {0},
                new int[] {3},
                new double[] {-1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Quadruplets.of(
                POINTS,
                new int[] {0},
                new int[] {1},
                new int[] {0},
                new int[] {3},
                new double[] {0}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Quadruplets.of(
                POINTS,
                new int[] {0},
                new int[] {1},
                new int[] {0},
                new int[] {3},
                new double[] {1, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> Quadruplets.of(POINTS, new int[] {0}, new int[] {1}, new int[] {0}, new int[] {4}));
  }

  @Test
  void chunksListMembersAndRejectBadIds() {
    Chunks c = Chunks.of(POINTS, new int[] {7, Chunks.NO_CHUNK, 7, 2});
    assertEquals(2, c.numChunks());
    assertArrayEquals(new int[] {2, 7}, c.chunkIds());
    assertArrayEquals(new int[] {0, 2}, c.members(7));
    assertEquals(3, c.numChunkedPoints());
    assertThrows(IllegalArgumentException.class, () -> Chunks.of(POINTS, new int[] {0, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> Chunks.of(POINTS, new int[] {0, -2, 0, 0}));
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class, () -> Chunks.of(POINTS, new int[] {-1, -1, -1, -1}));
    assertTrue(String.valueOf(none.getMessage()).contains("NO_CHUNK"), none.getMessage());
  }
}
