package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;

class ReferenceFoldsTest {

  @Test
  void bundledDatasetsHaveTheirReferenceFolds() {
    assertEquals(Set.of("breast_cancer", "digits", "iris", "wine"), ReferenceFolds.datasets());
    LabeledDataset iris = BundledDatasets.load("iris");
    Folds folds = ReferenceFolds.forDataset(iris).orElseThrow();
    assertEquals(5, folds.numFolds());
    assertEquals(150, folds.size());
    // first rows of the resource: iris,0,0,2 / iris,1,0,1 / iris,2,0,1 / iris,3,0,4
    assertEquals(2, folds.foldOf(0));
    assertEquals(1, folds.foldOf(1));
    assertEquals(1, folds.foldOf(2));
    assertEquals(4, folds.foldOf(3));
    // stratified: 10 of each class per fold
    for (int f = 0; f < 5; f++) {
      int[] counts = new int[3];
      for (int i : folds.testIndices(f)) {
        counts[iris.label(i)]++;
      }
      assertArrayEquals(new int[] {10, 10, 10}, counts, "fold " + f);
    }
    assertArrayEquals(BundledDatasets.referenceFolds("iris"), folds.assignment());
  }

  @Test
  void foldsLoadWhenTheFileNumbersTheClassesDifferently() {
    // the resource holds scikit-learn's breast_cancer targets (0 = malignant), the bundled data
    // sorts the label names (0 = benign): a consistent renaming, so the folds apply
    LabeledDataset cancer = BundledDatasets.load("breast_cancer");
    Folds folds = ReferenceFolds.forDataset(cancer).orElseThrow();
    assertArrayEquals(BundledDatasets.referenceFolds("breast_cancer"), folds.assignment());
  }

  @Test
  void aDatasetWithoutReferenceFoldsHasNone() {
    LabeledDataset data =
        LabeledDataset.of("no-such-dataset", new double[][] {{0}, {1}}, new int[] {0, 1});
    assertTrue(ReferenceFolds.forDataset(data).isEmpty());
  }

  @Test
  void foldsThatDoNotFitTheDataAreAnError() {
    LabeledDataset iris = BundledDatasets.load("iris");
    int[] first100 = new int[100];
    for (int i = 0; i < 100; i++) {
      first100[i] = i;
    }
    LabeledDataset part = iris.subset(first100);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReferenceFolds.forDataset(part));
    assertTrue(String.valueOf(e.getMessage()).contains("'iris'"), e.getMessage());
  }
}
