package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.metric.MahalanobisMetric;

class ScmlSupervisedTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return ScmlSupervised.builder().seed(seed).build();
  }

  @Override
  protected int expectedOutputDimension(int inputDimension) {
    // the rank is the number of active bases; iris' 60 samples activate at least 4
    return learner(7).fit(trainingData()).outputDimension();
  }

  @Test
  void localDiscriminantBasesByDefaultAndTripletDifferencesOnRequest() {
    MahalanobisMetric local = learner(1).fit(trainingData());
    assertEquals("LOCAL_DISCRIMINANT", local.provenance().hyperparameters().get("basis"));
    // 4 features, 3 classes: min(20 d, 2 n e) = min(80, 240) bases requested
    assertEquals("80", local.provenance().hyperparameters().get("requestedBases"));
    MahalanobisMetric global =
        ScmlSupervised.builder()
            .basis(ScmlSupervised.Basis.TRIPLET_DIFFERENCES)
            .build()
            .fit(trainingData());
    assertEquals("TRIPLET_DIFFERENCES", global.provenance().hyperparameters().get("basis"));
    assertEquals(
        ScmlSupervised.Basis.TRIPLET_DIFFERENCES,
        ScmlSupervised.builder().basis(ScmlSupervised.Basis.TRIPLET_DIFFERENCES).build().basis());
    assertThrows(
        IllegalArgumentException.class, () -> ScmlSupervised.builder().kGenuine(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> ScmlSupervised.builder().kImpostor(0).build());
    assertThrows(
        IllegalArgumentException.class, () -> ScmlSupervised.builder().numBases(-1).build());
  }
}
