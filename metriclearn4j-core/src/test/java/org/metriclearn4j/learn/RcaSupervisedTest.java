package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;

class RcaSupervisedTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return RcaSupervised.builder().seed(seed).build();
  }

  @Override
  protected int expectedOutputDimension(int inputDimension) {
    return inputDimension;
  }

  @Test
  void defaultChunksFitAnIrisTrainingFoldWhereAHundredChunksCannot() {
    // a 120-sample iris fold holds at most 60 disjoint pairs; metric-learn's default asks for 100
    LabeledDataset fold = firstOfEachClass(BundledDatasets.load("iris"), 40);
    MahalanobisMetric m = learner(1).fit(fold);
    assertEquals("60", m.provenance().hyperparameters().get("numChunks"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RcaSupervised.builder().numChunks(100).build().fit(fold));
    assertTrue(String.valueOf(e.getMessage()).contains("at most 60"), e.getMessage());
  }

  @Test
  void chunkSizeLargerThanEveryClassIsRejected() {
    LabeledDataset small = firstOfEachClass(BundledDatasets.load("iris"), 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RcaSupervised.builder().chunkSize(3).build().fit(small));
    assertTrue(String.valueOf(e.getMessage()).contains("chunkSize"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> RcaSupervised.builder().chunkSize(1).build());
    assertThrows(
        IllegalArgumentException.class, () -> RcaSupervised.builder().numChunks(-1).build());
    assertEquals(
        "3",
        RcaSupervised.builder()
            .rca(Rca.builder().build())
            .numChunks(3)
            .build()
            .fit(small)
            .provenance()
            .hyperparameters()
            .get("numChunks"));
  }
}
