package org.metriclearn4j.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationResultTest {

  @Test
  void meanAndPopulationStandardDeviationMatchNumpy() {
    // scikit-learn's kNN scores on iris and numpy's mean / std of them (reference README)
    CrossValidationResult r =
        new CrossValidationResult(
            "knn(k=5)",
            List.of(29 / 30.0, 1.0, 28 / 30.0, 29 / 30.0, 1.0),
            List.of(0.1, 0.2, 0.3, 0.4, 0.5),
            List.of("a", "b", "c", "d", "e"));
    assertEquals(0.973333, r.mean(), 5e-7);
    assertEquals(0.024944, r.standardDeviation(), 5e-7);
    assertEquals(1.5, r.totalFitSeconds(), 1e-12);
    assertEquals(5, r.numFolds());
  }

  @Test
  void rejectsMismatchedOrEmptyLists() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new CrossValidationResult("p", List.of(), List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new CrossValidationResult("p", List.of(1.0), List.of(1.0, 2.0), List.of("a")));
  }
}
