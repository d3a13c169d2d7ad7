package org.metriclearn4j.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the demonstrations: small, seeded experiments that show one idea with numbers. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Seeded demonstrations that show one idea with numbers and a figure.",
    subcommands = {NonlinearDemoCommand.class})
final class DemoCommand implements Runnable {
  @Spec @Nullable CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        Objects.requireNonNull(spec).commandLine(), "demo: a subcommand is required (nonlinear)");
  }
}
