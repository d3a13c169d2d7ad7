package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;

/** Helpers of the supervised forms of the weakly supervised learners (package-private). */
final class SupervisedSupport {
  private SupervisedSupport() {}

  /**
   * Throws unless the data has at least two classes with samples and one class with two samples.
   *
   * @param data the training data
   * @param learner the learner's name, for the message
   */
  static void requireTwoClasses(LabeledDataset data, String learner) {
    if (data.numPresentClasses() < 2) {
      throw new IllegalArgumentException(
          "data: "
              + learner
              + " needs samples of at least two classes to draw constraints from, found "
              + data.numPresentClasses()
              + " class(es) with samples (counts "
              + Arrays.toString(data.classCounts())
              + "); add samples of another class");
    }
    boolean pair = false;
    for (int c : data.classCounts()) {
      pair |= c >= 2;
    }
    if (!pair) {
      throw new IllegalArgumentException(
          "data: "
              + learner
              + " needs a class with at least two samples to draw similar constraints from, found"
              + " one sample per class; add samples");
    }
  }

  /**
   * Returns the metric with the provenance of the supervised form: its name, the weak learner's
   * hyperparameters plus the sampling ones, the shape of the labelled data and the seed.
   *
   * @param weak the metric fitted on the drawn constraints
   * @param learner the supervised learner's name
   * @param sampling hyperparameters of the sampling
   * @param data the labelled training data
   * @param seed the seed
   * @return the relabelled metric
   */
  static MahalanobisMetric relabel(
      MahalanobisMetric weak,
      String learner,
      Map<String, String> sampling,
      LabeledDataset data,
      long seed) {
    Map<String, String> hp = new LinkedHashMap<>(weak.provenance().hyperparameters());
    hp.putAll(sampling);
    return MahalanobisMetric.of(
        weak.componentsMatrix(),
        weak.fitSummary(),
        new Provenance(learner, hp, data.size(), data.dimension(), seed));
  }
}
