package org.metriclearn4j.cli;

import picocli.CommandLine.Option;

/** The {@code --learner} option of the commands that always learn a metric (compare, fit). */
final class LearnerOption {
  @Option(
      names = {"-l", "--learner"},
      paramLabel = "NAME",
      defaultValue = "nca",
      description = "Metric learner (default: ${DEFAULT-VALUE}); one of: ${COMPLETION-CANDIDATES}",
      completionCandidates = LearnerNames.class)
  String name = "nca";
}
