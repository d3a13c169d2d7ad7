package org.metriclearn4j.learn;

class SdmlSupervisedTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return SdmlSupervised.builder().seed(seed).build();
  }
}
