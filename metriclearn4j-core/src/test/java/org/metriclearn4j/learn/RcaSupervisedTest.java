package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
  void drawnPairsFitAnIrisTrainingFoldWhereAHundredChunksCannot() {
    // a 120-sample iris fold holds at most 60 disjoint pairs; metric-learn's default asks for 100
    LabeledDataset fold = firstOfEachClass(BundledDatasets.load("iris"), 40);
    MahalanobisMetric m = RcaSupervised.builder().chunkSize(2).seed(1).build().fit(fold);
    assertEquals("60", m.provenance().hyperparameters().get("numChunks"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RcaSupervised.builder().numChunks(100).build().fit(fold));
    assertTrue(String.valueOf(e.getMessage()).contains("at most 60"), e.getMessage());
  }

  @Test
  void defaultWhitensThePooledWithinClassCovarianceWhateverTheSeed() {
    // one chunklet per class: M = (S_w + ridge * T)^-1 with S_w the pooled within-class and T the
    // total covariance (both divided by n), computed here directly from the class means
    LabeledDataset data = firstOfEachClass(BundledDatasets.load("wine"), 30);
    int n = data.size();
    int d = data.dimension();
    double[][] x = data.features();
    int[] y = data.labels();
    int classes = data.numClasses();
    double[][] classMean = new double[classes][d];
    int[] count = new int[classes];
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      count[y[i]]++;
      for (int t = 0; t < d; t++) {
        classMean[y[i]][t] += x[i][t];
        mean[t] += x[i][t] / n;
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int t = 0; t < d; t++) {
        classMean[c][t] /= count[c];
      }
    }
    double ridge = Rca.builder().build().ridge();
    DMatrixRMaj expected = new DMatrixRMaj(d, d);
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          double within = (x[i][a] - classMean[y[i]][a]) * (x[i][b] - classMean[y[i]][b]);
          double total = (x[i][a] - mean[a]) * (x[i][b] - mean[b]);
          expected.add(a, b, (within + ridge * total) / n);
        }
      }
    }
    CommonOps_DDRM.invert(expected);
    double[][] seed1 = learner(1).fit(data).matrix();
    double[][] seed2 = learner(2).fit(data).matrix();
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        double scale = Math.sqrt(expected.get(a, a) * expected.get(b, b));
        assertEquals(expected.get(a, b), seed1[a][b], 1e-8 * scale, "M[" + a + "," + b + "]");
        assertEquals(seed1[a][b], seed2[a][b], 0.0, "seed changed M[" + a + "," + b + "]");
      }
    }
    assertEquals("classes", learner(1).fit(data).provenance().hyperparameters().get("chunklets"));
    // drawn pairs estimate the same covariance from fewer degrees of freedom: another matrix
    double[][] pairs = RcaSupervised.builder().chunkSize(2).seed(1).build().fit(data).matrix();
    double diff = 0;
    for (int a = 0; a < d; a++) {
      diff = Math.max(diff, Math.abs(pairs[a][a] - seed1[a][a]) / seed1[a][a]);
    }
    assertTrue(diff > 1e-3, "drawn pairs gave the whole-class metric (relative diff " + diff + ")");
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
