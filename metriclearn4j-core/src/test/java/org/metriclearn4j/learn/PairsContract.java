package org.metriclearn4j.learn;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.metriclearn4j.constraints.ConstraintSampler;
import org.metriclearn4j.constraints.Pairs;
import org.metriclearn4j.data.LabeledDataset;

/** {@link WeakLearnerContract} for learners of {@link Pairs}. */
abstract class PairsContract extends WeakLearnerContract<Pairs> {

  @Override
  protected Pairs constraints(LabeledDataset data, long seed) {
    return ConstraintSampler.withSeed(seed).pairs(data, 60, 60);
  }

  @Override
  protected Pairs withPoints(Pairs c, double[][] points) {
    return Pairs.of(points, c.first(), c.second(), c.similar());
  }

  @Override
  protected double[][] pointsOf(Pairs c) {
    return c.points();
  }

  @Override
  protected List<Executable> invalidConstructions(double[][] points) {
    return List.of(
        () -> Pairs.of(points, new int[0], new int[0], new boolean[0]),
        () -> Pairs.of(points, new int[] {0, 4}, new int[] {1, 2}, new boolean[] {true, false}),
        () -> Pairs.of(points, new int[] {0, 1}, new int[] {1}, new boolean[] {true, false}),
        () -> Pairs.of(points, new int[] {0, 1}, new int[] {1, 2}, new boolean[] {true}));
  }
}
