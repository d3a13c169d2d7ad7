package org.metriclearn4j.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;

class StandardScalerTest {
  private static final LabeledDataset DATA =
      LabeledDataset.of(
          "toy",
          new double[][] {{1, 10, 7}, {2, 10, -1}, {3, 10, 4}, {4, 10, 2}},
          new int[] {0, 0, 1, 1});

  @Test
  void standardisesToMeanZeroAndUnitPopulationVariance() {
    AffineTransform t = StandardScaler.create().fit(DATA);
    double[][] z = t.transform(DATA.features());
    for (int j : new int[] {0, 2}) {
      double mean = 0;
      double sq = 0;
      for (double[] row : z) {
        mean += row[j];
        sq += row[j] * row[j];
      }
      assertEquals(0, mean / z.length, 1e-12);
      assertEquals(1, sq / z.length, 1e-12);
    }
    // column 0 = 1..4: mean 2.5, population variance 1.25
    assertEquals((1 - 2.5) / Math.sqrt(1.25), z[0][0], 1e-12);
    assertEquals("standard-scaler", t.kind());
  }

  @Test
  void constantColumnKeepsScaleOneInsteadOfDividingByZero() {
    AffineTransform t = StandardScaler.create().fit(DATA);
    assertEquals(1.0, t.weights()[1][1]);
    assertEquals(10.0, t.offset()[1]);
    assertArrayEquals(new double[] {5}, new double[] {t.transform(new double[] {0, 15, 0})[1]});
    LabeledDataset tenths =
        LabeledDataset.of("c", new double[][] {{0.1}, {0.1}, {0.1}}, new int[] {0, 0, 0});
    AffineTransform c = StandardScaler.create().fit(tenths);
    assertEquals(1.0, c.weights()[0][0]);
    assertEquals(0, c.transform(new double[] {0.1})[0], 1e-15);
  }

  @Test
  void newDataUsesTheTrainingMeanAndDeviation() {
    AffineTransform t = StandardScaler.create().fit(DATA);
    double[] z = t.transform(new double[] {2.5 + 2 * Math.sqrt(1.25), 10, 2.5});
    assertEquals(2, z[0], 1e-12);
    assertEquals(0, z[1], 1e-12);
    assertEquals(-0.5 / Math.sqrt(8.5), z[2], 1e-12); // column 2: mean 3, variance 34 / 4
  }

  @Test
  void centringAndScalingCanBeSwitchedOff() {
    AffineTransform onlyScale = StandardScaler.builder().center(false).build().fit(DATA);
    assertArrayEquals(new double[3], onlyScale.offset());
    assertEquals(1 / Math.sqrt(1.25), onlyScale.weights()[0][0], 1e-12);
    AffineTransform onlyCentre = StandardScaler.builder().scale(false).build().fit(DATA);
    assertArrayEquals(new double[] {2.5, 10, 3}, onlyCentre.offset(), 1e-12);
    assertEquals(1.0, onlyCentre.weights()[2][2]);
    assertEquals(0.0, onlyCentre.weights()[0][2]);
  }

  @Test
  void fittingLeavesTheLearnerUnchangedAndIsRepeatable() {
    StandardScaler scaler = StandardScaler.create();
    double[][] first = scaler.fit(DATA).weights();
    double[][] second = scaler.fit(DATA).weights();
    assertArrayEquals(first, second);
    assertEquals("standard-scaler", scaler.name());
  }
}
