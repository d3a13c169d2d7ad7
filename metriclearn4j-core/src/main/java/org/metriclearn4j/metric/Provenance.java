package org.metriclearn4j.metric;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a fitted model came from: the learner, its hyperparameters (as text, in a stable order),
 * the shape of the training data and the seed.
 *
 * @param learner the learner's name, for example {@code "nca"}
 * @param hyperparameters every hyperparameter by name, as text
 * @param samples the number of training samples
 * @param features the number of input features
 * @param seed the random seed used (0 for deterministic learners)
 */
public record Provenance(
    String learner, Map<String, String> hyperparameters, int samples, int features, long seed) {

  /** Copies the hyperparameters into a sorted, unmodifiable map. */
  public Provenance {
    hyperparameters = java.util.Collections.unmodifiableMap(new TreeMap<>(hyperparameters));
  }

  /**
   * Returns the provenance of a metric that was given, not learned.
   *
   * @param features the input dimension
   * @return a provenance with learner {@code "given"}
   */
  public static Provenance given(int features) {
    return new Provenance("given", Map.of(), 0, features, 0L);
  }
}
