package org.metriclearn4j.deep.reduce;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReducerTest {

  private static double reduce(Reducer reducer, double... losses) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray result = reducer.reduce(manager.create(losses));
      assertEquals(0, result.getShape().dimension(), "a reducer returns a scalar");
      return result.getDouble();
    }
  }

  @Test
  void reducersComputeMeanSumAndMeanOverPositiveLosses() {
    assertEquals(1.5, reduce(new MeanReducer(), 0, 1, 2, 3), 1e-12);
    assertEquals(6.0, reduce(new SumReducer(), 0, 1, 2, 3), 1e-12);
    // Zeros and negative values are left out of the mean over non-zero losses.
    assertEquals(2.0, reduce(new MeanOverNonZeroReducer(), 0, 1, 0, 3, -4), 1e-12);
    assertEquals(0.0, reduce(new MeanOverNonZeroReducer(), 0, 0), 0.0);
  }

  @Test
  void emptyLossesReduceToAZeroThatStillBackPropagates() {
    for (Reducer reducer :
        List.of(new MeanReducer(), new SumReducer(), new MeanOverNonZeroReducer())) {
      try (NDManager manager = NDManager.newBaseManager()) {
        NDArray x = manager.create(new double[] {1.5, -2.0, 3.0});
        x.setRequiresGradient(true);
        NDArray result;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray none = x.mul(2).take(manager.create(new long[0]));
          result = reducer.reduce(none);
          collector.backward(result);
        }
        assertEquals(0.0, result.getDouble(), 0.0, reducer.name());
        assertArrayEquals(new double[3], x.getGradient().toDoubleArray(), 0.0, reducer.name());
      }
    }
  }

  @Test
  void meanOverNonZeroGradientIsSpreadOverThePositiveLossesOnly() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(new double[] {2.0, 0.0, 4.0, -1.0});
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(new MeanOverNonZeroReducer().reduce(x));
      }
      assertArrayEquals(new double[] {0.5, 0, 0.5, 0}, x.getGradient().toDoubleArray(), 1e-12);
    }
  }

  @Test
  void nonVectorLossesAreRejected() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray matrix = manager.create(new double[][] {{1, 2}});
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new MeanReducer().reduce(matrix));
      assertEquals("losses must be a 1-D array, found shape (1, 2)", e.getMessage());
    }
  }
}
