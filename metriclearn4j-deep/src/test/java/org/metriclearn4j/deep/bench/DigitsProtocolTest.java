package org.metriclearn4j.deep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.data.TensorDataset;
import org.metriclearn4j.deep.train.RetrievalEvaluator;

class DigitsProtocolTest {

  @Test
  void splitsHaveTheReferenceSizes() {
    TensorDataset[] instance = DigitsProtocol.split(DigitsProtocol.Split.INSTANCE, 0);
    assertEquals(1257, instance[0].size());
    assertEquals(540, instance[1].size());
    TensorDataset[] disjoint = DigitsProtocol.split(DigitsProtocol.Split.CLASS_DISJOINT, 0);
    assertEquals(901, disjoint[0].size());
    assertEquals(896, disjoint[1].size());
    float max = 0;
    for (float v : instance[0].values()) {
      max = Math.max(max, v);
    }
    assertEquals(1f, max, 0f, "pixels 0..16 divided by 16");
  }

  @Test
  void rawPixelBaselineIsNearPytorchMetricLearningsFigure() {
    // PML 2.8.1 reports MAP@R 52.7 % and P@1 98.1 % for raw pixels on its 540-sample split
    RetrievalEvaluator.Scores raw = DigitsProtocol.rawBaseline(DigitsProtocol.Split.INSTANCE, 0);
    double mapAtR = raw.mapAtR();
    assertTrue(mapAtR > 0.49 && mapAtR < 0.57, "MAP@R " + mapAtR);
    assertTrue(raw.precisionAt1() > 0.96);
  }

  @Test
  void twoEpochsAlreadyImproveRetrievalOverTheUntrainedNetwork() {
    DigitsProtocol.Result r =
        DigitsProtocol.run(
            DigitsProtocol.Config.CONTRASTIVE_MS,
            0,
            DigitsProtocol.Settings.reference().withEpochs(2));
    double[] map = r.history().metric(RetrievalEvaluator.MAP_AT_R);
    assertEquals(3, map.length);
    assertTrue(map[2] > map[0] + 0.1, Arrays.toString(map));
    assertEquals(map[2], r.mapAtR(), 0.0);
    assertTrue(r.history().epoch(1).meanPositivePairs() > 0, "the miner found pairs");
  }

  @Test
  void configNamesRoundTrip() {
    for (DigitsProtocol.Config c : DigitsProtocol.Config.values()) {
      assertEquals(c, DigitsProtocol.Config.fromReferenceName(c.referenceName()));
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DigitsProtocol.Config.fromReferenceName("contrastive"));
    assertTrue(String.valueOf(e.getMessage()).contains("contrastive_ms"));
  }
}
