package org.metriclearn4j.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.transform.Transform;
import org.metriclearn4j.transform.TransformLearner;

class PipelineTest {

  /** A classifier learner that records what it was fitted on and predicts class 0. */
  private static final class RecordingClassifier implements ClassifierLearner {
    final List<double[][]> seen = new ArrayList<>();

    @Override
    public Classifier fit(LabeledDataset data) {
      seen.add(data.features());
      int d = data.dimension();
      return new Classifier() {
        @Override
        public int inputDimension() {
          return d;
        }

        @Override
        public int predict(double[] x) {
          return x[0] > 0 ? 1 : 0;
        }
      };
    }

    @Override
    public String name() {
      return "recording-classifier";
    }
  }

  private static final LabeledDataset DATA =
      LabeledDataset.of("toy", new double[][] {{1, 10}, {3, 20}, {5, 60}}, new int[] {0, 0, 1});

  @Test
  void fitsEachStepOnTheOutputOfThePreviousOne() {
    RecordingTransformLearner first = new RecordingTransformLearner(1);
    RecordingTransformLearner second = new RecordingTransformLearner(2);
    RecordingClassifier classifier = new RecordingClassifier();
    Pipeline pipeline = Pipeline.builder().add(first).add(second).classifier(classifier).build();
    FittedPipeline fitted = pipeline.fit(DATA);

    assertArrayEquals(DATA.features(), first.seen().get(0));
    // first: x - mean, mean = (3, 30)
    double[][] centred = {{-2, -20}, {0, -10}, {2, 30}};
    assertArrayEquals(centred, second.seen().get(0));
    // second: 2 (x - mean), mean of centred data = 0
    double[][] scaled = {{-4, -40}, {0, -20}, {4, 60}};
    assertArrayEquals(scaled, classifier.seen.get(0));
    assertArrayEquals(scaled, fitted.transform(DATA.features()));
    assertArrayEquals(new int[] {0, 0, 1}, fitted.predict(DATA.features()));
    assertEquals(1.0, fitted.score(DATA));
    assertEquals(2, fitted.transforms().size());
    assertEquals(2, fitted.inputDimension());
    assertEquals("recording(1.0) > recording(2.0) > recording-classifier", pipeline.name());
    assertEquals(
        "recording(1.0)[2->2] > recording(2.0)[2->2] > recording-classifier", fitted.summary());
  }

  @Test
  void ofAClassifierAloneHasNoTransform() {
    KNeighborsClassifier knn = KNeighborsClassifier.builder().k(1).build();
    Pipeline pipeline = Pipeline.of(knn);
    assertTrue(pipeline.transforms().isEmpty());
    assertSame(knn, pipeline.classifier());
    FittedPipeline fitted = pipeline.fit(DATA);
    double[][] x = DATA.features();
    double[][] out = fitted.transform(x);
    assertArrayEquals(x, out);
    out[0][0] = 99;
    assertEquals(1, x[0][0]);
    assertEquals(1.0, fitted.score(DATA));
  }

  @Test
  void summaryReportsWhatAMetricFitDid() {
    MahalanobisMetric metric =
        MahalanobisMetric.of(
            org.ejml.dense.row.CommonOps_DDRM.identity(2),
            new FitSummary(12, false, 0.5),
            new Provenance("nca", java.util.Map.of(), 3, 2, 0));
    TransformLearner learner =
        new TransformLearner() {
          @Override
          public Transform fit(LabeledDataset data) {
            return metric;
          }

          @Override
          public String name() {
            return "nca";
          }
        };
    FittedPipeline fitted =
        Pipeline.builder()
            .add(learner)
            .classifier(KNeighborsClassifier.builder().k(1).build())
            .build()
            .fit(DATA);
    assertEquals("nca[2->2, 12 iterations, not converged] > knn(k=1)", fitted.summary());
  }

  @Test
  void buildWithoutAClassifierFails() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pipeline.builder().add(new RecordingTransformLearner(1)).build());
    assertTrue(String.valueOf(e.getMessage()).contains("classifier"), e.getMessage());
  }

  @Test
  void aFailingStepIsNamedInTheError() {
    Pipeline pipeline =
        Pipeline.builder()
            .add(new RecordingTransformLearner(1))
            .classifier(KNeighborsClassifier.builder().k(5).build())
            .build();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pipeline.fit(DATA));
    assertTrue(
        String.valueOf(e.getMessage()).startsWith("pipeline step 2 (knn(k=5)): "), e.getMessage());
  }

  @Test
  void assembledFromFittedPartsChecksDimensions() {
    Transform t = new RecordingTransformLearner(1).fit(DATA);
    Classifier wrongWidth =
        new RecordingClassifier().fit(LabeledDataset.of("a", new double[][] {{1}}, new int[] {0}));
    assertThrows(IllegalArgumentException.class, () -> FittedPipeline.of(List.of(t), wrongWidth));
    Classifier right = new RecordingClassifier().fit(DATA);
    FittedPipeline fitted = FittedPipeline.of(List.of(t), right);
    assertArrayEquals(new int[] {0, 0, 1}, fitted.predict(DATA.features()));
    assertEquals("recording[2->2] > ", fitted.summary().substring(0, 18));
  }
}
