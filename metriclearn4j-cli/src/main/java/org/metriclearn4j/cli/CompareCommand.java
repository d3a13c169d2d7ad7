package org.metriclearn4j.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.CrossValidation;
import org.metriclearn4j.evaluation.CrossValidationResult;
import org.metriclearn4j.evaluation.Folds;
import org.metriclearn4j.learn.SupervisedMetricLearner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The seed example: kNN before and after learning a metric, under cross-validation. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Cross-validate kNN on the raw metric and kNN after a learned metric (default: NCA on iris).",
      "Prints every fold's accuracy, the mean and standard deviation, and the learner's fit time."
    })
final class CompareCommand implements java.util.concurrent.Callable<Integer> {
  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();
  @Mixin CrossValidationOptions options = new CrossValidationOptions();
  @Mixin LearnerOption learner = new LearnerOption();

  @Override
  public Integer call() throws java.io.IOException {
    PrintWriter out = spec.commandLine().getOut();
    LabeledDataset dataset = options.data.load();
    Folds split = options.folds.split(dataset);
    SupervisedMetricLearner metricLearner = LearnerCatalog.create(learner.name, options.folds.seed);
    CrossValidationResult plain =
        CrossValidation.evaluate(options.pipeline.pipeline(null), dataset, split);
    CrossValidationResult learned =
        CrossValidation.evaluate(options.pipeline.pipeline(metricLearner), dataset, split);

    out.println(options.describe(dataset));
    String learnedName = metricLearner.name() + "+knn";
    out.println(String.format(Locale.ROOT, "%-6s %18s %18s", "fold", "knn", learnedName));
    double[] plainScores = Report.toArray(plain.scores());
    double[] learnedScores = Report.toArray(learned.scores());
    for (int f = 0; f < plainScores.length; f++) {
      out.println(
          String.format(
              Locale.ROOT, "%-6d %18.4f %18.4f", f + 1, plainScores[f], learnedScores[f]));
    }
    out.println(
        String.format(
            Locale.ROOT, "%-6s %18s %18s", "mean", Report.meanStd(plain), Report.meanStd(learned)));
    out.println("knn scores:        " + Report.scores(plainScores));
    out.println(learnedName + " scores: " + Report.scores(learnedScores));
    double[] fitSeconds = Report.toArray(learned.fitSeconds());
    out.println(
        String.format(
            Locale.ROOT,
            "fit time of %s+knn per fold: median %.3f s (folds: %s)",
            metricLearner.name(),
            Report.median(fitSeconds),
            Arrays.toString(Report.round3(fitSeconds))));
    return 0;
  }
}
