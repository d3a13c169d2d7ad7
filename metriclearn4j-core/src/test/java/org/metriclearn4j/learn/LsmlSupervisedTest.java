package org.metriclearn4j.learn;

class LsmlSupervisedTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return LsmlSupervised.builder().seed(seed).build();
  }
}
