package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MmcSupervisedTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return MmcSupervised.builder().seed(seed).build();
  }

  @Test
  void diagonalFormHasItsOwnName() {
    SupervisedMetricLearner diagonal =
        MmcSupervised.builder().mmc(Mmc.builder().form(Mmc.Form.DIAGONAL).build()).build();
    assertEquals("mmc_diagonal_supervised", diagonal.name());
    assertEquals("mmc_diagonal_supervised", diagonal.fit(trainingData()).provenance().learner());
  }
}
