package org.metriclearn4j.deep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;

class TensorDatasetTest {

  @Test
  void fromLabeledAppliesThePreprocessingToEveryValue() {
    LabeledDataset data =
        LabeledDataset.of("d", new double[][] {{0, 16, 8}, {4, 2, 12}}, new int[] {1, 0});
    TensorDataset t = TensorDataset.fromLabeled(data, Preprocessing.divideBy(16, "pixels/16"));
    assertArrayEquals(new float[] {0f, 1f, 0.5f, 0.25f, 0.125f, 0.75f}, t.values());
    assertArrayEquals(new long[] {3}, t.sampleShape());
    assertArrayEquals(new int[] {1, 0}, t.labels());
    assertEquals(2, t.numClasses());
    assertEquals("pixels/16", t.preprocessing().description());
  }

  @Test
  void gatherCopiesRowsInTheGivenOrderWithRepeats() {
    TensorDataset t =
        TensorDataset.of(
            "t",
            new float[] {1, 2, 3, 4, 5, 6},
            new long[] {2},
            new int[] {0, 1, 2},
            Preprocessing.identity());
    assertArrayEquals(new float[] {5, 6, 1, 2, 5, 6}, t.gather(new int[] {2, 0, 2}));
    assertArrayEquals(new int[] {2, 0, 2}, t.gatherLabels(new int[] {2, 0, 2}));
    TensorDataset s = t.subset(new int[] {1});
    assertArrayEquals(new float[] {3, 4}, s.values());
    assertEquals(3, s.numClasses(), "a subset keeps the class count of its parent");
  }

  @Test
  void rejectsShapeMismatchNonFiniteValuesAndNegativeLabels() {
    IllegalArgumentException shape =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TensorDataset.of(
                    "t", new float[5], new long[] {2}, new int[] {0, 1}, Preprocessing.identity()));
    assertTrue(
        String.valueOf(shape.getMessage()).contains("expected 2 samples x 2 = 4"),
        String.valueOf(shape.getMessage()));
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TensorDataset.of(
                    "t",
                    new float[] {0, Float.NaN},
                    new long[] {1},
                    new int[] {0, 1},
                    Preprocessing.identity()));
    assertTrue(
        String.valueOf(nan.getMessage()).contains("sample 1"), String.valueOf(nan.getMessage()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TensorDataset.of(
                "t", new float[2], new long[] {1}, new int[] {0, -1}, Preprocessing.identity()));
  }

  @Test
  void preprocessingRejectsZeroScale() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Preprocessing(0, 0, "x"));
    assertTrue(String.valueOf(e.getMessage()).contains("scale"));
    assertEquals(3.0, new Preprocessing(1, 1.5, "shift").apply(3.0), 0.0);
  }
}
