package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchClassicCommandTest {
  private static int run(StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
  }

  /** Runs {@code bench classic} on iris without warm-up or repeated timing, plus {@code extra}. */
  private static int benchOnIris(StringWriter err, Path dir, String learners, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "bench",
                "classic",
                "--learners",
                learners,
                "--datasets",
                "iris",
                "--warmup-seconds",
                "0",
                "--min-timing-seconds",
                "0",
                "--output-dir",
                dir.toString()));
    args.addAll(List.of(extra));
    return run(err, args.toArray(new String[0]));
  }

  /** Runs {@link #benchOnIris}, checks that it succeeded and returns the CSV's lines. */
  private static List<String> csvOfBenchOnIris(Path dir, String learners, String... extra)
      throws IOException {
    StringWriter err = new StringWriter();
    assertEquals(0, benchOnIris(err, dir, learners, extra), err.toString());
    return Files.readAllLines(dir.resolve("bench-classic.csv"), StandardCharsets.UTF_8);
  }

  @Test
  void writesOneCsvRowPerLearnerAndPrepOnTheReferenceFolds(@TempDir Path dir) throws IOException {
    List<String> lines = csvOfBenchOnIris(dir, "covariance,lfda");
    assertEquals(
        "learner,dataset,prep,status,acc_k3,acc_k5,median_fit_s,median_fit_wall_s,"
            + "median_iterations,converged_folds,folds,error",
        lines.get(0));
    assertEquals(1 + 3 * 2, lines.size(), String.join("\n", lines));
    // metric-learn's reference run reports Euclidean kNN on raw iris, same folds: 0.960 / 0.953
    assertTrue(lines.get(1).startsWith("euclidean,iris,raw,ok,0.9600,0.9533,"), lines.get(1));
    // and Covariance (the inverse covariance metric): 0.900 / 0.893, raw and standardised alike
    assertTrue(
        lines.stream().anyMatch(l -> l.startsWith("covariance,iris,std,ok,0.9000,0.8933,")),
        String.join("\n", lines));
    String markdown = Files.readString(dir.resolve("bench-classic.md"), StandardCharsets.UTF_8);
    assertTrue(markdown.contains("| lfda |"), markdown);
    // the command's class path carries OpenBLAS, and the report says which backend ran
    assertTrue(markdown.contains("dense products: OpenBLAS"), markdown);
  }

  @Test
  void kernelsRunOnTheCallingThreadUnlessParallelIsGiven(@TempDir Path dir) throws IOException {
    String previous = System.getProperty("metriclearn4j.parallel");
    csvOfBenchOnIris(dir, "covariance");
    String markdown = Files.readString(dir.resolve("bench-classic.md"), StandardCharsets.UTF_8);
    assertTrue(markdown.lines().findFirst().orElse("").contains("calling thread only"), markdown);
    csvOfBenchOnIris(dir, "covariance", "--parallel");
    markdown = Files.readString(dir.resolve("bench-classic.md"), StandardCharsets.UTF_8);
    assertTrue(
        markdown.lines().findFirst().orElse("").contains("blocked kernels: up to"), markdown);
    assertEquals(previous, System.getProperty("metriclearn4j.parallel"), "the setting is restored");
  }

  @Test
  void negativeOrNonFiniteTimingOptionsAreUsageErrorsNamingTheOption(@TempDir Path dir) {
    for (String option : new String[] {"--warmup-seconds", "--min-timing-seconds"}) {
      for (String value : new String[] {"-1", "NaN", "Infinity"}) {
        StringWriter err = new StringWriter();
        int code = run(err, "bench", "classic", option, value, "--output-dir", dir.toString());
        assertEquals(2, code, option + " " + value);
        assertTrue(err.toString().contains(option + ": expected"), err.toString());
      }
    }
  }

  @Test
  void maxFoldsLimitsTheFoldsRunAndIsChecked(@TempDir Path dir) throws IOException {
    List<String> lines = csvOfBenchOnIris(dir, "covariance", "--max-folds", "2");
    assertTrue(lines.get(1).startsWith("euclidean,iris,raw,ok,"), lines.get(1));
    assertTrue(lines.get(1).endsWith(",2,2,"), lines.get(1));
    for (String bad : new String[] {"0", "6"}) {
      StringWriter usage = new StringWriter();
      assertEquals(2, run(usage, "bench", "classic", "--max-folds", bad));
      assertTrue(usage.toString().contains("--max-folds: expected 1 to 5, found " + bad));
    }
  }

  @Test
  void prepsSelectsThePreparationsAndIsChecked(@TempDir Path dir) throws IOException {
    List<String> lines = csvOfBenchOnIris(dir, "covariance", "--preps", "std");
    assertEquals(3, lines.size(), String.join("\n", lines));
    assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",iris,std,")), lines.toString());
    String markdown = Files.readString(dir.resolve("bench-classic.md"), StandardCharsets.UTF_8);
    assertTrue(markdown.contains("| iris std |") && !markdown.contains("iris raw"), markdown);
    StringWriter usage = new StringWriter();
    assertEquals(2, run(usage, "bench", "classic", "--preps", "raw,scaled"));
    assertTrue(
        usage.toString().contains("--preps: expected raw and/or std, found 'scaled'"),
        usage.toString());
  }

  @Test
  void unknownLearnerFailsBeforeAnyFileIsWritten(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = run(err, "bench", "classic", "--learners", "magic", "--output-dir", dir.toString());
    assertTrue(code != 0);
    assertTrue(err.toString().contains("magic"), err.toString());
    assertTrue(!Files.exists(dir.resolve("bench-classic.csv")));
  }
}
