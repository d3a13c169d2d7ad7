package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.pipeline.Pipeline;

/**
 * Reproduces published scikit-learn 1.2.1 / metric-learn 0.7.0 figures (the project's reference
 * results) with plain Euclidean kNN.
 */
class ScikitLearnReproductionTest {

  private static CrossValidationResult knn(int k, LabeledDataset data, Folds folds) {
    return CrossValidation.evaluate(
        Pipeline.of(KNeighborsClassifier.builder().k(k).build()), data, folds);
  }

  @Test
  void irisKnnOnUnshuffledStratifiedFiveFoldsMatchesCrossValScore() {
    // cross_val_score(KNeighborsClassifier(), X, y) on iris:
    // [0.966667 1.000000 0.933333 0.966667 1.000000] mean=0.973333 std=0.024944
    LabeledDataset iris = BundledDatasets.load("iris");
    Folds folds = StratifiedKFold.unshuffled(5).split(iris);
    int[] fold0 = new int[30];
    for (int r = 0; r < 10; r++) {
      fold0[r] = r;
      fold0[10 + r] = 50 + r;
      fold0[20 + r] = 100 + r;
    }
    assertArrayEquals(fold0, folds.testIndices(0));

    CrossValidationResult result = knn(5, iris, folds);
    double[] expected = {0.9667, 1.0, 0.9333, 0.9667, 1.0};
    for (int f = 0; f < 5; f++) {
      assertEquals(expected[f], result.scores().get(f), 5e-5, "fold " + f);
    }
    assertEquals(0.973333, result.mean(), 5e-7);
    assertEquals(0.024944, result.standardDeviation(), 5e-7);
  }

  @Test
  void euclideanKnnOnTheReferenceFoldsMatchesMetricLearnTable() {
    // "Euclidean" rows of the reference table (raw data, mean accuracy k=3 / k=5)
    LabeledDataset iris = BundledDatasets.load("iris");
    Folds irisFolds = ReferenceFolds.forDataset(iris).orElseThrow();
    assertEquals(0.960, knn(3, iris, irisFolds).mean(), 5e-4);
    assertEquals(0.953, knn(5, iris, irisFolds).mean(), 5e-4);

    LabeledDataset wine = BundledDatasets.load("wine");
    Folds wineFolds = ReferenceFolds.forDataset(wine).orElseThrow();
    assertEquals(0.674, knn(3, wine, wineFolds).mean(), 5e-4);
    assertEquals(0.663, knn(5, wine, wineFolds).mean(), 5e-4);
  }
}
