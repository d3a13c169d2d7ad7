package org.metriclearn4j.cli;

import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.Folds;
import org.metriclearn4j.evaluation.ReferenceFolds;
import org.metriclearn4j.evaluation.StratifiedKFold;
import picocli.CommandLine.Option;

/** How samples are split into cross-validation folds. */
final class FoldOptions {
  @Option(
      names = "--folds",
      paramLabel = "K",
      defaultValue = "5",
      description = "Number of stratified folds (default: ${DEFAULT-VALUE}).")
  int folds = 5;

  @Option(
      names = "--shuffle",
      defaultValue = "false",
      description =
          "Shuffle before splitting (with --seed). Without it, folds follow scikit-learn's"
              + " unshuffled StratifiedKFold, so its scores can be reproduced fold for fold.")
  boolean shuffle;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "0",
      description = "Seed of fold shuffling and of learners (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--reference-folds",
      defaultValue = "false",
      description =
          "Use the published reference folds of this dataset (iris, wine, breast_cancer, digits),"
              + " the folds metric-learn's figures were measured on.")
  boolean referenceFolds;

  /**
   * Splits the data.
   *
   * @param data the dataset
   * @return the folds
   */
  Folds split(LabeledDataset data) {
    if (referenceFolds) {
      return ReferenceFolds.forDataset(data)
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "--reference-folds: no reference folds for dataset '"
                          + data.name()
                          + "' (available for iris, wine, breast_cancer, digits)"));
    }
    StratifiedKFold splitter =
        shuffle ? StratifiedKFold.shuffled(folds, seed) : StratifiedKFold.unshuffled(folds);
    return splitter.split(data);
  }

  /** Returns a one-line description of the split for reports. */
  String describe() {
    if (referenceFolds) {
      return "reference folds";
    }
    return folds
        + " stratified folds, "
        + (shuffle ? "shuffled with seed " + seed : "unshuffled (scikit-learn's order)");
  }
}
