package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.metric.MahalanobisMetric;

class ItmlSupervisedTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return ItmlSupervised.builder().seed(seed).build();
  }

  @Test
  void drawsTwentyTimesTheSquaredClassCountOfEachKindByDefault() {
    MahalanobisMetric m = learner(1).fit(trainingData());
    assertEquals("20c^2=180", m.provenance().hyperparameters().get("numConstraints"));
    MahalanobisMetric fewer =
        ItmlSupervised.builder().numConstraints(15).build().fit(trainingData());
    assertEquals("15", fewer.provenance().hyperparameters().get("numConstraints"));
    assertThrows(
        IllegalArgumentException.class, () -> ItmlSupervised.builder().numConstraints(-1).build());
  }
}
