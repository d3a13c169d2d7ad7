package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;

class ReferenceFoldsTest {

  @Test
  void aDatasetWithoutReferenceFoldsHasNone() {
    LabeledDataset data =
        LabeledDataset.of("no-such-dataset", new double[][] {{0}, {1}}, new int[] {0, 1});
    assertTrue(ReferenceFolds.forDataset(data).isEmpty());
    assertTrue(!ReferenceFolds.datasets().contains("no-such-dataset"));
  }
}
