package org.metriclearn4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the bundled datasets with their rows, features and classes. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "List the bundled datasets (rows, features, classes).")
final class DatasetsCommand implements Runnable {
  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before run()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        String.format(Locale.ROOT, "%-14s %7s %9s %8s", "name", "rows", "features", "classes"));
    for (String name : BundledDatasets.names()) {
      LabeledDataset data = BundledDatasets.load(name);
      out.println(
          String.format(
              Locale.ROOT,
              "%-14s %7d %9d %8d",
              name,
              data.size(),
              data.dimension(),
              data.numClasses()));
    }
  }
}
