package org.metriclearn4j.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.Accuracy;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.transform.AffineTransform;
import org.metriclearn4j.transform.Transform;

/**
 * A fitted {@link Pipeline}: fitted transforms applied in order, then a fitted classifier.
 * Immutable.
 */
public final class FittedPipeline {
  private final List<Transform> transforms;
  private final List<String> names;
  private final Classifier classifier;
  private final String classifierName;

  FittedPipeline(
      List<Transform> transforms,
      List<String> names,
      Classifier classifier,
      String classifierName) {
    this.transforms = List.copyOf(transforms);
    this.names = List.copyOf(names);
    this.classifier = classifier;
    this.classifierName = classifierName;
  }

  /**
   * Returns a fitted pipeline assembled from already fitted parts, for example transforms loaded
   * from a model file and a classifier fitted on their output.
   *
   * @param transforms the fitted transforms, in order; each one's output dimension must be the next
   *     one's input dimension
   * @param classifier the fitted classifier; its input dimension must be the last transform's
   *     output dimension
   * @return the fitted pipeline
   * @throws IllegalArgumentException if consecutive dimensions disagree
   */
  public static FittedPipeline of(List<Transform> transforms, Classifier classifier) {
    List<String> names = new ArrayList<>(transforms.size());
    for (int s = 0; s < transforms.size(); s++) {
      Transform t = transforms.get(s);
      int expected =
          s + 1 < transforms.size()
              ? transforms.get(s + 1).inputDimension()
              : classifier.inputDimension();
      if (t.outputDimension() != expected) {
        throw new IllegalArgumentException(
            "transforms: step "
                + (s + 1)
                + " outputs "
                + t.outputDimension()
                + " features, but the next step accepts "
                + expected);
      }
      names.add(defaultName(t));
    }
    return new FittedPipeline(transforms, names, classifier, classifier.getClass().getSimpleName());
  }

  /**
   * Returns the fitted transforms, in the order they are applied.
   *
   * @return the fitted transforms, in the order they are applied
   */
  public List<Transform> transforms() {
    return transforms;
  }

  /**
   * Returns the fitted classifier.
   *
   * @return the fitted classifier
   */
  public Classifier classifier() {
    return classifier;
  }

  /**
   * Returns the number of input features.
   *
   * @return the number of input features
   */
  public int inputDimension() {
    return transforms.isEmpty() ? classifier.inputDimension() : transforms.get(0).inputDimension();
  }

  /**
   * Applies every fitted transform in order.
   *
   * @param x rows of length {@link #inputDimension()} (read only)
   * @return the rows the classifier sees (new arrays)
   * @throws IllegalArgumentException if a row has the wrong length
   */
  public double[][] transform(double[][] x) {
    double[][] current = x;
    for (Transform t : transforms) {
      current = t.transform(current);
    }
    if (current == x) {
      current = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        current[i] = x[i].clone();
      }
    }
    return current;
  }

  /**
   * Predicts the class of every row.
   *
   * @param x rows of length {@link #inputDimension()} (read only)
   * @return one class index per row
   * @throws IllegalArgumentException if a row has the wrong length
   */
  public int[] predict(double[][] x) {
    double[][] current = x;
    for (Transform t : transforms) {
      current = t.transform(current);
    }
    return classifier.predict(current);
  }

  /**
   * Returns the accuracy of the predictions on labelled data.
   *
   * @param data test data with {@link #inputDimension()} features
   * @return the fraction of samples predicted correctly
   * @throws IllegalArgumentException if the data has the wrong number of features
   */
  public double score(LabeledDataset data) {
    return Accuracy.score(data.labels(), predict(data.features()));
  }

  /**
   * Returns a one-line description of what was fitted, for example {@code "nca[4->4, 57 iterations,
   * converged] > knn(k=5)"}.
   *
   * @return the summary
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    for (int s = 0; s < transforms.size(); s++) {
      Transform t = transforms.get(s);
      out.append(names.get(s))
          .append('[')
          .append(t.inputDimension())
          .append("->")
          .append(t.outputDimension());
      if (t instanceof MahalanobisMetric metric) {
        FitSummary fit = metric.fitSummary();
        out.append(", ")
            .append(fit.iterations())
            .append(fit.iterations() == 1 ? " iteration, " : " iterations, ")
            .append(fit.converged() ? "converged" : "not converged");
      }
      out.append("] > ");
    }
    return out.append(classifierName).toString();
  }

  private static String defaultName(Transform t) {
    if (t instanceof MahalanobisMetric metric) {
      return metric.provenance().learner();
    }
    if (t instanceof AffineTransform affine) {
      return affine.kind();
    }
    return t.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "FittedPipeline[" + summary() + "]";
  }
}
