package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in the test's JVM: its exit code and what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
record CliRun(int code, String out, String err) {
  /**
   * Runs the command line with {@code args}.
   *
   * @param args the arguments
   * @return the exit code and the captured output
   */
  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Runs the command line with {@code args}, asserts that it exited with 0 (showing its standard
   * error otherwise) and returns its standard output.
   *
   * @param args the arguments
   * @return what the successful run printed to standard output
   */
  static String outputOfSuccess(String... args) {
    CliRun r = run(args);
    assertEquals(0, r.code(), r.err());
    return r.out();
  }
}
