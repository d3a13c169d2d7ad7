package org.metriclearn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.metriclearn4j.cli.CliRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepCommandsTest {
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @Test
  void trainOnDigitsWritesAPngPlotAndAModelThatEmbedApplies(@TempDir Path dir) throws IOException {
    Path plot = dir.resolve("plots/d.png");
    Path svg = dir.resolve("d.svg");
    Path model = dir.resolve("digits.json");
    CliRun trained =
        run(
            "train",
            "--dataset",
            "digits",
            "--epochs",
            "1",
            "--train-size",
            "200",
            "--embedding-dim",
            "8",
            "--plot",
            plot.toString(),
            "--svg",
            svg.toString(),
            "--output",
            model.toString());
    assertEquals(0, trained.code(), trained.err());
    // header, epoch 0 (untrained) and epoch 1 rows
    List<String> lines = trained.out().lines().toList();
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("\\s*0\\s+-\\s+-\\s+[0-9.]+.*")), trained.out());
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("\\s*1\\s+[0-9.]+\\s+all\\s+[0-9.]+.*")),
        trained.out());
    assertTrue(trained.out().contains("200 training"), trained.out());
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(plot)) {
      assertEquals(8, in.read(head));
    }
    assertArrayEquals(PNG_MAGIC, head);
    assertTrue(Files.readString(svg).contains("<svg"));
    assertTrue(Files.isRegularFile(dir.resolve("digits.params")));
    if (plot.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertTrue(
          Files.getPosixFilePermissions(plot).contains(PosixFilePermission.OTHERS_READ),
          "the plot is not a private temporary file");
    }

    Path csv = dir.resolve("emb.csv");
    CliRun embedded =
        run("embed", "--model", model.toString(), "--input", "digits", "--output", csv.toString());
    assertEquals(0, embedded.code(), embedded.err());
    List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals(1 + 1797, rows.size());
    assertEquals("e0,e1,e2,e3,e4,e5,e6,e7,label", rows.get(0));
    for (String row : rows.subList(1, rows.size())) {
      String[] fields = row.split(",", -1);
      assertEquals(9, fields.length, row);
      for (int j = 0; j < 8; j++) {
        assertTrue(Double.isFinite(Double.parseDouble(fields[j])), row);
      }
    }
    assertFalse(
        Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
        "no temporary files left behind");
  }

  @Test
  void embedRejectsAnInputOfTheWrongWidthNamingTheOption(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("m.json");
    CliRun trained =
        run(
            "train",
            "--dataset",
            "digits",
            "--epochs",
            "1",
            "--train-size",
            "100",
            "--plot",
            dir.resolve("p.png").toString(),
            "--output",
            model.toString());
    assertEquals(0, trained.code(), trained.err());
    Path out = dir.resolve("iris.csv");
    CliRun r =
        run("embed", "--model", model.toString(), "--input", "iris", "--output", out.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("--input") && r.err().contains("64"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void badOptionValuesNameTheOption() {
    CliRun epochs = run("train", "--dataset", "digits", "--epochs", "0");
    assertEquals(1, epochs.code());
    assertTrue(epochs.err().contains("--epochs"), epochs.err());

    CliRun loss = run("train", "--dataset", "digits", "--loss", "magic");
    assertEquals(1, loss.code());
    assertTrue(loss.err().contains("--loss") && loss.err().contains("contrastive"), loss.err());

    CliRun cnn = run("train", "--dataset", "digits", "--network", "cnn");
    assertEquals(1, cnn.code());
    assertTrue(cnn.err().contains("--network"), cnn.err());

    CliRun miner =
        run("train", "--setup", "siamese", "--miner", "batch-hard", "--dataset", "digits");
    assertEquals(1, miner.code());
    assertTrue(miner.err().contains("--miner"), miner.err());

    CliRun notANumber = run("train", "--batch-size", "many");
    assertEquals(2, notANumber.code());
    assertTrue(notANumber.err().contains("--batch-size"), notANumber.err());

    CliRun config = run("bench", "deep", "--configs", "nope");
    assertEquals(1, config.code());
    assertTrue(
        config.err().contains("--configs") && config.err().contains("contrastive_ms"),
        config.err());

    CliRun missing =
        run("embed", "--model", "no-such.json", "--input", "digits", "--output", "x.csv");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("--model"), missing.err());
  }
}
