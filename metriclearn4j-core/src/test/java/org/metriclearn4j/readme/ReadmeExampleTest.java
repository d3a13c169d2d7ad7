package org.metriclearn4j.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.CrossValidation;
import org.metriclearn4j.evaluation.CrossValidationResult;
import org.metriclearn4j.evaluation.StratifiedKFold;
import org.metriclearn4j.learn.Nca;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.pipeline.Pipeline;
import org.metriclearn4j.transform.StandardScaler;

/**
 * The README's "In Java" example, statement for statement, so that it cannot drift from the API.
 */
class ReadmeExampleTest {
  @Test
  void theInJavaExampleRunsAndDoesWhatTheReadmeSays() {
    // --- as in the README ---
    LabeledDataset iris = BundledDatasets.load("iris");
    MahalanobisMetric metric = Nca.builder().build().fit(iris); // immutable; M = LᵀL
    double d = metric.distance(iris.row(0), iris.row(120)); // = Euclidean after x ↦ Lx
    Pipeline pipeline =
        Pipeline.builder()
            .add(StandardScaler.create())
            .add(Nca.builder().build())
            .classifier(KNeighborsClassifier.builder().k(5).build())
            .build();
    CrossValidationResult cv =
        CrossValidation.evaluate(pipeline, iris, StratifiedKFold.unshuffled(5).split(iris));
    // --- what the README claims about it ---
    double[][] projected = metric.transform(new double[][] {iris.row(0), iris.row(120)});
    double euclidean = 0;
    for (int t = 0; t < projected[0].length; t++) {
      double diff = projected[0][t] - projected[1][t];
      euclidean += diff * diff;
    }
    assertEquals(Math.sqrt(euclidean), d, 1e-9 * d);
    assertEquals(5, cv.scores().size());
    assertTrue(cv.mean() > 0.9, "cross-validated accuracy " + cv.mean());
  }
}
