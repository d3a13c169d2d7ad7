package org.metriclearn4j.verification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.learn.ItmlSupervised;
import org.metriclearn4j.learn.SupervisedMetricLearner;
import org.metriclearn4j.metric.MahalanobisMetric;

class PairClassifierTest {
  private static final double[][] X = {{0, 0}, {3, 4}, {1, 0}, {0, 2}};

  @Test
  void predictsSameAtOrBelowTheThresholdAndGivesTheDecisionValue() {
    PairClassifier c = PairClassifier.of(MahalanobisMetric.identity(2), 2.0);
    assertTrue(c.predictSame(X[0], X[2]));
    assertTrue(c.predictSame(X[0], X[3]), "distance equal to the threshold is 'same'");
    assertFalse(c.predictSame(X[0], X[1]));
    assertEquals(2.0 - 5.0, c.decisionFunction(X[0], X[1]), 1e-12);
    Pairs pairs =
        Pairs.of(X, new int[] {0, 0, 0}, new int[] {1, 2, 3}, new boolean[] {false, true, false});
    assertArrayEquals(new boolean[] {false, true, true}, c.predict(pairs));
    assertArrayEquals(new double[] {-3, 1, 0}, c.decisionFunction(pairs), 1e-12);
    assertEquals(2 / 3.0, c.accuracy(pairs), 1e-12);
    assertEquals(1.0, c.withThreshold(1.5).accuracy(pairs), 1e-12);
    assertEquals(1.5, c.withThreshold(1.5).threshold());
    assertTrue(c.toString().contains("2.0"));
    assertThrows(IllegalArgumentException.class, () -> c.withThreshold(Double.NaN));
  }

  @Test
  void everyLearnedMetricCanBeUsedForVerification() {
    LabeledDataset iris = BundledDatasets.load("iris");
    SupervisedMetricLearner learner = ItmlSupervised.builder().seed(1).build();
    MahalanobisMetric metric = learner.fit(iris);
    Pairs validation = ConstraintSampler.withSeed(2).pairs(iris, 200, 200);
    PairClassifier calibrated = ThresholdCalibration.accuracy().calibrate(metric, validation);
    assertTrue(
        calibrated.accuracy(validation) > 0.9, "accuracy " + calibrated.accuracy(validation));
    assertTrue(RocAuc.ofPairs(metric, validation) > 0.95);
    assertEquals(metric, calibrated.distance());
  }
}
