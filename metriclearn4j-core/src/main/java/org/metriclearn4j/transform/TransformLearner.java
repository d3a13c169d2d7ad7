package org.metriclearn4j.transform;

import org.metriclearn4j.data.LabeledDataset;

/**
 * An immutable configuration that learns a {@link Transform} from data. Unsupervised transforms
 * (scaling, PCA) ignore the labels; supervised ones (LDA, metric learners) use them. Fitting never
 * changes the learner.
 */
public interface TransformLearner {

  /**
   * Learns a transform from training data.
   *
   * @param data the training data (not modified)
   * @return the fitted transform
   * @throws IllegalArgumentException if the data cannot be used, with the reason and the fix
   */
  Transform fit(LabeledDataset data);

  /** Returns a short name for reports, for example {@code "nca"}. */
  String name();
}
