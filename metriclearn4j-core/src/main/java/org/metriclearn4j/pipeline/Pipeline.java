package org.metriclearn4j.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.transform.Transform;
import org.metriclearn4j.transform.TransformLearner;

/**
 * A chain of transform learners that ends in a classifier learner, fitted as a whole: each
 * transform is fitted on the output of the previous ones, then the classifier on the output of the
 * last. In cross-validation the whole chain is refitted on each training fold, so nothing is
 * learned from test data (scikit-learn's {@code Pipeline}).
 *
 * <p>Immutable; {@link #fit} returns a new {@link FittedPipeline}.
 */
public final class Pipeline {
  private final List<TransformLearner> transforms;
  private final ClassifierLearner classifier;

  private Pipeline(List<TransformLearner> transforms, ClassifierLearner classifier) {
    this.transforms = List.copyOf(transforms);
    this.classifier = classifier;
  }

  /**
   * Returns a builder of a pipeline with no transform and no classifier yet.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the pipeline that is just a classifier, with no transform.
   *
   * @param classifier the classifier learner
   * @return the pipeline
   */
  public static Pipeline of(ClassifierLearner classifier) {
    return new Pipeline(List.of(), classifier);
  }

  /**
   * Returns the transform learners, in the order they are applied.
   *
   * @return the transform learners, in the order they are applied
   */
  public List<TransformLearner> transforms() {
    return transforms;
  }

  /**
   * Returns the classifier learner at the end of the chain.
   *
   * @return the classifier learner at the end of the chain
   */
  public ClassifierLearner classifier() {
    return classifier;
  }

  /**
   * Returns the names of the steps joined by {@code " > "}.
   *
   * @return for example {@code "nca > knn(k=5)"}
   */
  public String name() {
    StringBuilder out = new StringBuilder();
    for (TransformLearner t : transforms) {
      out.append(t.name()).append(" > ");
    }
    return out.append(classifier.name()).toString();
  }

  /**
   * Fits every step in order on the given (training) data: each transform learner on the output of
   * the transforms fitted before it, then the classifier on the output of the last transform.
   *
   * @param data the training data (not modified)
   * @return the fitted pipeline
   * @throws IllegalArgumentException if a step cannot be fitted on its input or a fitted transform
   *     produces non-finite values; the message names the step
   */
  public FittedPipeline fit(LabeledDataset data) {
    List<Transform> fitted = new ArrayList<>(transforms.size());
    List<String> names = new ArrayList<>(transforms.size());
    LabeledDataset current = data;
    for (int s = 0; s < transforms.size(); s++) {
      TransformLearner learner = transforms.get(s);
      String step = "pipeline step " + (s + 1) + " (" + learner.name() + "): ";
      Transform transform;
      try {
        transform = learner.fit(current);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(step + e.getMessage(), e);
      }
      if (transform.inputDimension() != current.dimension()) {
        throw new IllegalStateException(
            step
                + "the fitted transform accepts "
                + transform.inputDimension()
                + " features, but was fitted on "
                + current.dimension());
      }
      try {
        current = current.withFeatures(transform.transform(current.features()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(step + "its output is unusable: " + e.getMessage(), e);
      }
      fitted.add(transform);
      names.add(learner.name());
    }
    Classifier model;
    try {
      model = classifier.fit(current);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "pipeline step "
              + (transforms.size() + 1)
              + " ("
              + classifier.name()
              + "): "
              + e.getMessage(),
          e);
    }
    return new FittedPipeline(fitted, names, model, classifier.name());
  }

  @Override
  public String toString() {
    return "Pipeline[" + name() + "]";
  }

  /** Builds a {@link Pipeline}; {@link #build()} checks that a classifier was set. */
  public static final class Builder {
    private final List<TransformLearner> transforms = new ArrayList<>();
    private @Nullable ClassifierLearner classifier;

    private Builder() {}

    /**
     * Appends a transform learner to the chain.
     *
     * @param transform the learner, applied after those added before
     * @return this builder
     */
    public Builder add(TransformLearner transform) {
      transforms.add(transform);
      return this;
    }

    /**
     * Sets the classifier learner at the end of the chain.
     *
     * @param classifier the classifier learner
     * @return this builder
     */
    public Builder classifier(ClassifierLearner classifier) {
      this.classifier = classifier;
      return this;
    }

    /**
     * Returns the pipeline.
     *
     * @return the validated pipeline
     * @throws IllegalArgumentException if no classifier was set
     */
    public Pipeline build() {
      ClassifierLearner c = classifier;
      if (c == null) {
        throw new IllegalArgumentException(
            "classifier: expected a classifier learner at the end of the pipeline, found none");
      }
      return new Pipeline(transforms, c);
    }
  }
}
