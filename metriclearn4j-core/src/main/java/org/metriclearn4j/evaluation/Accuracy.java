package org.metriclearn4j.evaluation;

/** Classification accuracy: the fraction of samples whose predicted class is the true class. */
public final class Accuracy {
  private Accuracy() {}

  /**
   * Returns the fraction of positions where {@code predicted} equals {@code truth}.
   *
   * @param truth the true class of each sample, at least one
   * @param predicted the predicted class of each sample, as many as {@code truth}
   * @return the accuracy, in {@code [0, 1]}
   * @throws IllegalArgumentException if the arrays are empty or differ in length
   */
  public static double score(int[] truth, int[] predicted) {
    if (truth.length == 0) {
      throw new IllegalArgumentException("truth: expected at least one sample, found none");
    }
    if (predicted.length != truth.length) {
      throw new IllegalArgumentException(
          "predicted: expected "
              + truth.length
              + " predictions (one per true label), found "
              + predicted.length);
    }
    int correct = 0;
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] == predicted[i]) {
        correct++;
      }
    }
    return (double) correct / truth.length;
  }
}
