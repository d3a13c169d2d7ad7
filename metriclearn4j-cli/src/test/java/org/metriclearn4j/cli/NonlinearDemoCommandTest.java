package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metriclearn4j.cli.CliRun.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.data.Synthetic;

class NonlinearDemoCommandTest {
  /** Mean accuracy of one pipeline over the folds listed in the CSV. */
  private static double meanAccuracy(List<String> csv, String dataset, String pipeline) {
    return csv.stream()
        .skip(1)
        .map(line -> line.split(",", -1))
        .filter(f -> f[0].equals(dataset) && f[1].equals(pipeline))
        .mapToDouble(f -> Double.parseDouble(f[3]))
        .average()
        .orElseThrow();
  }

  @Test
  void withTheDefaultWidthRuleTheKernelPipelinesSeparateRingsThatTheLinearOneCannot(
      @TempDir Path dir) throws IOException {
    Path csv = dir.resolve("rings.csv");
    // measured on n = 120, seeds 0 to 5: lfda+knn 0.63 to 0.69, kernel pipelines 0.97 to 1.00
    CliRun r =
        run(
            "demo",
            "nonlinear",
            "-n",
            "120",
            "--seed",
            "3",
            "--datasets",
            "rings",
            "--csv",
            csv.toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals("dataset,pipeline,fold,accuracy,rbf_gamma", lines.get(0));
    assertEquals(1 + 4 * 5, lines.size(), "4 pipelines x 5 folds");
    double linear = meanAccuracy(lines, "rings", "lfda+knn");
    double kernelPca = meanAccuracy(lines, "rings", "kernel-pca+lfda+knn");
    double kernelLfda = meanAccuracy(lines, "rings", "kernel-lfda+knn");
    assertTrue(linear <= 0.75, "a projection onto a line folds the rings: " + linear);
    assertTrue(kernelPca >= 0.95, "kernel PCA + LFDA: " + kernelPca);
    assertTrue(kernelLfda >= 0.95, "kernel LFDA: " + kernelLfda);
    // the chosen widths are multiples of the median heuristic, and the table shows the numbers
    assertTrue(r.out().contains("kernel-pca+lfda+knn"), r.out());
    assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "%.4f", linear)), r.out());
  }

  @Test
  void theFigureIsAPngWithOnePanelPerDatasetAndPipeline(@TempDir Path dir) throws IOException {
    Path figure = dir.resolve("sub").resolve("kernel.png");
    CliRun r = run("demo", "nonlinear", "-n", "40", "--gamma", "2", "--figure", figure.toString());
    assertEquals(0, r.code(), r.err());
    byte[] bytes = Files.readAllBytes(figure);
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    assertArrayEquals(signature, Arrays.copyOf(bytes, 8));
    BufferedImage image = ImageIO.read(figure.toFile());
    assertNotNull(image);
    assertEquals(4 * ScatterPanels.PANEL_WIDTH, image.getWidth(), "4 pipelines per row");
    assertEquals(2 * ScatterPanels.PANEL_HEIGHT, image.getHeight(), "rings and moons");
    assertTrue(r.out().contains("moons"), r.out());
    try (var files = Files.list(figure.getParent())) {
      assertEquals(1, files.count(), "no temporary file is left behind");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "--samples, 3",
    "--noise, -0.5",
    "--neighbors, 0",
    "--dim, 3",
    "--gamma, 0",
    "--datasets, spirals",
    "--figure, plot.svg"
  })
  void aBadOptionIsAUsageErrorThatNamesIt(String option, String value) {
    CliRun r = run("demo", "nonlinear", option, value);
    assertEquals(2, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith(option + ": expected"), r.err());
    assertTrue(first.contains(value), r.err());
  }

  @Test
  void demoWithoutASubcommandIsAUsageError() {
    CliRun r = run("demo");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nonlinear"), r.err());
  }

  @Test
  void theMedianHeuristicIsOneOverTheMedianSquaredDistance() {
    LabeledDataset data = Synthetic.moons(41, 0.2, 7);
    double[][] x = data.features();
    double[] pairs = new double[41 * 40 / 2];
    int p = 0;
    for (int i = 0; i < 41; i++) {
      for (int j = i + 1; j < 41; j++) {
        double dx = x[i][0] - x[j][0];
        double dy = x[i][1] - x[j][1];
        pairs[p++] = dx * dx + dy * dy;
      }
    }
    Arrays.sort(pairs);
    // 820 pairs: the median is the mean of the 410th and 411th smallest
    double median = 0.5 * (pairs[409] + pairs[410]);
    assertEquals(1 / median, RbfWidth.medianHeuristic(data), 1e-9 / median);
  }
}
