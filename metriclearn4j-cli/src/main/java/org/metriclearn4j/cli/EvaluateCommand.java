package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.CrossValidation;
import org.metriclearn4j.evaluation.CrossValidationResult;
import org.metriclearn4j.learn.SupervisedMetricLearner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Cross-validates one pipeline: optional scaler, optional metric learner, kNN. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Cross-validated accuracy of a pipeline [--standardize] [--learner NAME] kNN; every step"
            + " is refitted on each training fold.")
final class EvaluateCommand implements Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();
  @Mixin CrossValidationOptions options = new CrossValidationOptions();

  @Option(
      names = {"-l", "--learner"},
      paramLabel = "NAME",
      description = "Metric learner before kNN (default: none); one of: ${COMPLETION-CANDIDATES}",
      completionCandidates = LearnerNames.class)
  @Nullable String learner;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    LabeledDataset dataset = options.data.load();
    SupervisedMetricLearner metricLearner =
        learner == null ? null : LearnerCatalog.create(learner, options.folds.seed);
    CrossValidationResult result =
        CrossValidation.evaluate(
            options.pipeline.pipeline(metricLearner), dataset, options.folds.split(dataset));
    String name = (metricLearner == null ? "" : metricLearner.name() + "+") + "knn";
    out.println(options.describe(dataset));
    out.println(name + " scores: " + Report.scores(Report.toArray(result.scores())));
    out.println(
        String.format(
            Locale.ROOT,
            "%s accuracy: %s (median fit %.3f s per fold)",
            name,
            Report.meanStd(result),
            Report.median(Report.toArray(result.fitSeconds()))));
    return 0;
  }
}
