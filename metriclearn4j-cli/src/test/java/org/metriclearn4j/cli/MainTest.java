package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metriclearn4j.cli.CliRun.outputOfSuccess;
import static org.metriclearn4j.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.io.ModelFiles;
import org.metriclearn4j.transform.Transform;

class MainTest {
  @Test
  void datasetsListsBundledSetsWithTheirShapes() {
    String out = outputOfSuccess("datasets");
    assertTrue(out.matches("(?s).*iris\\s+150\\s+4\\s+3.*"), out);
    assertTrue(out.matches("(?s).*letter\\s+20000\\s+16\\s+26.*"), out);
  }

  @Test
  void compareOnIrisReproducesScikitLearnKnnFoldScores() {
    String out = outputOfSuccess("compare");
    assertTrue(out.contains("knn scores:        [0.9667, 1.0000, 0.9333, 0.9667, 1.0000]"), out);
    assertTrue(out.contains("nca+knn scores:"), out);
  }

  @Test
  void versionNamesTheLibraryTheRuntimeAndTheBackendOfDenseProducts() {
    String out = outputOfSuccess("--version");
    assertTrue(out.startsWith("metriclearn4j "), out);
    assertTrue(out.contains("\nJava "), out);
    assertTrue(out.contains("\ndense products: OpenBLAS 0.3.31"), out);
    assertTrue(out.contains("\nblocked kernels: up to "), out);
  }

  @Test
  void unknownOptionIsAUsageErrorWithExitCodeTwo() {
    CliRun r = run("compare", "--no-such-option");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--no-such-option"), r.err());
  }

  @Test
  void missingDatasetFailsWithOneLineAndExitCodeOne() {
    CliRun r = run("evaluate", "--dataset", "no-such-file.csv");
    assertEquals(1, r.code());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.contains("--dataset") && first.contains("no-such-file.csv"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
  }

  @Test
  void verboseAddsTheStackTrace() {
    CliRun r = run("evaluate", "--dataset", "no-such-file.csv", "--verbose");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  @Test
  void unknownLearnerNamesTheKnownOnes() {
    CliRun r = run("evaluate", "--learner", "magic");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("nca") && r.err().contains("magic"), r.err());
  }

  @Test
  void fitThenTransformAppliesTheSavedChain(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("wine-nca.json");
    var unused =
        outputOfSuccess("fit", "--dataset", "wine", "--standardize", "--output", model.toString());
    List<Transform> chain = ModelFiles.loadTransforms(model);
    assertEquals(2, chain.size());

    LabeledDataset wine = BundledDatasets.load("wine");
    Path input = dir.resolve("wine.csv");
    StringBuilder csv = new StringBuilder(String.join(",", wine.featureNames()) + ",label\n");
    for (int i = 0; i < wine.size(); i++) {
      for (double v : wine.row(i)) {
        csv.append(v).append(',');
      }
      csv.append(wine.classNames().get(wine.label(i))).append('\n');
    }
    Files.writeString(input, csv.toString(), StandardCharsets.UTF_8);
    Path output = dir.resolve("out.csv");
    CliRun transform =
        run(
            "transform",
            "--model",
            model.toString(),
            "--input",
            input.toString(),
            "--output",
            output.toString());
    assertEquals(0, transform.code(), transform.err());

    List<String> lines = Files.readAllLines(output);
    assertEquals(wine.size() + 1, lines.size());
    double[] expected = chain.get(1).transform(chain.get(0).transform(wine.row(7)));
    String[] cells = lines.get(8).split(",", -1);
    // the batch goes through dense products, the single row through vector code: they round apart
    for (int j = 0; j < expected.length; j++) {
      assertEquals(
          expected[j], Double.parseDouble(cells[j]), 1e-12 * Math.max(1, Math.abs(expected[j])));
    }
    assertEquals(wine.classNames().get(wine.label(7)), cells[cells.length - 1]);
  }

  @Test
  void transformRejectsAModelOfAnotherWidth(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("iris.json");
    assertEquals(0, run("fit", "--dataset", "iris", "--output", model.toString()).code());
    Path input = dir.resolve("two.csv");
    Files.writeString(input, "a,b,label\n1,2,x\n3,4,y\n", StandardCharsets.UTF_8);
    CliRun r =
        run(
            "transform",
            "--model",
            model.toString(),
            "--input",
            input.toString(),
            "--output",
            dir.resolve("o.csv").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("expects 4 feature columns, found 2"), r.err());
    assertFalse(Files.exists(dir.resolve("o.csv")));
  }
}
