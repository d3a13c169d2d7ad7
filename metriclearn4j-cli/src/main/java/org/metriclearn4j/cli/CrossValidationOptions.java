package org.metriclearn4j.cli;

import org.metriclearn4j.data.LabeledDataset;
import picocli.CommandLine.Mixin;

/**
 * The options of the commands that cross-validate a kNN pipeline (compare, evaluate): the data, its
 * folds and the pipeline.
 */
final class CrossValidationOptions {
  @Mixin DataOptions data = new DataOptions();
  @Mixin FoldOptions folds = new FoldOptions();
  @Mixin PipelineOptions pipeline = new PipelineOptions();

  /**
   * Returns the line that heads a report: the data, the folds and the pipeline.
   *
   * @param dataset the loaded dataset
   * @return the line, without a line break
   */
  String describe(LabeledDataset dataset) {
    return dataset + "; " + folds.describe() + "; " + pipeline.describe();
  }
}
