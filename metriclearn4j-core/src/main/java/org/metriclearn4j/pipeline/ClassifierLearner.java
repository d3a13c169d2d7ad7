package org.metriclearn4j.pipeline;

import org.metriclearn4j.data.LabeledDataset;

/** An immutable configuration that learns a {@link Classifier} from labelled data. */
public interface ClassifierLearner {

  /**
   * Learns a classifier.
   *
   * @param data the training data (not modified)
   * @return the fitted classifier
   * @throws IllegalArgumentException if the data cannot be used, with the reason
   */
  Classifier fit(LabeledDataset data);

  /**
   * Returns a short name for reports, for example {@code "knn(k=5)"}.
   *
   * @return a short name for reports, for example {@code "knn(k=5)"}
   */
  String name();
}
