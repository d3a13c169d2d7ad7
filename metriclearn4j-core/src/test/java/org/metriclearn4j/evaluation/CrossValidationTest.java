package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.pipeline.Pipeline;
import org.metriclearn4j.pipeline.RecordingTransformLearner;

class CrossValidationTest {
  private static final double[] X = {0, 1, 2, 10, 11, 12, 1.5};
  private static final int[] LABELS = {0, 0, 0, 1, 1, 1, 1};

  private static LabeledDataset data() {
    double[][] rows = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      rows[i] = new double[] {X[i]};
    }
    return LabeledDataset.of("line", rows, LABELS);
  }

  @Test
  void scoresEachFoldOnAPipelineFittedOnTheOtherFolds() {
    Folds folds = Folds.fromAssignment(new int[] {0, 1, 0, 1, 0, 1, 0});
    CrossValidationResult r =
        CrossValidation.evaluate(
            Pipeline.of(KNeighborsClassifier.builder().k(1).build()), data(), folds);
    // fold 0 trains on x = 1, 10, 12: tests 0 ok, 2 ok, 11 ok (tie 10/12 -> row 3), 1.5 wrong
    // fold 1 trains on x = 0, 2, 11, 1.5: tests 1 wrong (nearest 1.5), 10 ok, 12 ok
    assertEquals(List.of(0.75, 2.0 / 3), r.scores());
    assertEquals((0.75 + 2.0 / 3) / 2, r.mean(), 1e-15);
    assertEquals(2, r.fitSeconds().size());
    assertTrue(r.fitSeconds().get(0) >= 0);
    assertEquals(List.of("knn(k=1)", "knn(k=1)"), r.summaries());
    assertEquals("knn(k=1)", r.pipeline());
  }

  @Test
  void refitsTheWholePipelineOnTrainingRowsOnly() {
    Folds folds = Folds.fromAssignment(new int[] {2, 0, 1, 2, 0, 1, 0});
    RecordingTransformLearner spy = new RecordingTransformLearner(1);
    Pipeline pipeline =
        Pipeline.builder().add(spy).classifier(KNeighborsClassifier.builder().k(1).build()).build();
    CrossValidationResult r = CrossValidation.evaluate(pipeline, data(), folds);
    assertEquals(3, r.numFolds());
    assertEquals(3, spy.seen().size());
    for (int f = 0; f < 3; f++) {
      double[][] rows = spy.seen().get(f);
      int[] train = folds.trainIndices(f);
      double[] expected = new double[train.length];
      double[] actual = new double[rows.length];
      for (int i = 0; i < train.length; i++) {
        expected[i] = X[train[i]];
      }
      for (int i = 0; i < rows.length; i++) {
        actual[i] = rows[i][0];
      }
      assertArrayEquals(expected, actual, "fold " + f);
    }
  }

  @Test
  void rejectsFoldsOfAnotherSize() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CrossValidation.evaluate(
                    Pipeline.of(KNeighborsClassifier.builder().k(1).build()),
                    data(),
                    Folds.fromAssignment(new int[] {0, 1, 0, 1})));
    assertTrue(
        String.valueOf(e.getMessage()).contains("7")
            && String.valueOf(e.getMessage()).contains("4"),
        e.getMessage());
  }

  @Test
  void aFailingFoldIsNamed() {
    Folds folds = Folds.fromAssignment(new int[] {0, 1, 0, 1, 0, 1, 0});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CrossValidation.evaluate(
                    Pipeline.of(KNeighborsClassifier.builder().k(4).build()), data(), folds));
    assertTrue(String.valueOf(e.getMessage()).startsWith("fold 0: "), e.getMessage());
  }
}
