package org.metriclearn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SyntheticTest {

  @Test
  void ringsWithoutNoiseLieOnTheirCircles() {
    LabeledDataset rings = Synthetic.concentricRings(101, 0.3, 0, 4);
    assertEquals(101, rings.size());
    assertArrayEquals(new int[] {50, 51}, rings.classCounts());
    for (int i = 0; i < rings.size(); i++) {
      double r = Math.hypot(rings.value(i, 0), rings.value(i, 1));
      assertEquals(rings.label(i) == 0 ? 1 : 0.3, r, 1e-12);
    }
  }

  @Test
  void moonsWithoutNoiseLieOnTheirHalfCircles() {
    LabeledDataset moons = Synthetic.moons(40, 0, 4);
    assertArrayEquals(new int[] {20, 20}, moons.classCounts());
    for (int i = 0; i < moons.size(); i++) {
      double x = moons.value(i, 0);
      double y = moons.value(i, 1);
      if (moons.label(i) == 0) {
        assertEquals(1, Math.hypot(x, y), 1e-12);
        assertTrue(y >= -1e-12);
      } else {
        assertEquals(1, Math.hypot(x - 1, y - 0.5), 1e-12);
        assertTrue(y <= 0.5 + 1e-12);
      }
    }
  }

  @Test
  void sameSeedSameDataOtherSeedOtherNoise() {
    LabeledDataset a = Synthetic.moons(50, 0.1, 7);
    LabeledDataset b = Synthetic.moons(50, 0.1, 7);
    LabeledDataset c = Synthetic.moons(50, 0.1, 8);
    assertArrayEquals(a.featuresRowMajor(), b.featuresRowMajor(), 0);
    assertArrayEquals(a.labels(), b.labels());
    assertTrue(!java.util.Arrays.equals(a.featuresRowMajor(), c.featuresRowMajor()));
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> Synthetic.moons(3, 0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> Synthetic.moons(10, -0.1, 0));
    assertThrows(IllegalArgumentException.class, () -> Synthetic.concentricRings(10, 1, 0, 0));
    assertThrows(
        IllegalArgumentException.class, () -> Synthetic.concentricRings(10, 0.5, Double.NaN, 0));
  }
}
