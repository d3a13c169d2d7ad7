package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.ThreadOptions;
import org.metriclearn4j.deep.bench.DigitsProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The digits protocol of the pytorch-metric-learning reference runs (see {@link DigitsProtocol}),
 * for chosen loss/miner configurations and seeds, beside the reference's published figures.
 */
@Command(
    name = "deep",
    mixinStandardHelpOptions = true,
    description = {
      "Deep metric learning on the bundled digits (MLP 64-128-32, Adam 1e-3, batch 64, stratified"
          + " 70/30 split): held-out MAP@R, P@1, R-precision and seconds per epoch per"
          + " configuration, averaged over seeds, beside pytorch-metric-learning 2.8.1.",
      "Writes bench-deep.md."
    })
final class BenchDeepCommand implements Callable<Integer> {
  /**
   * MAP@R in % (mean of seeds 0-2) of pytorch-metric-learning 2.8.1, reference run on digits, same
   * protocol.
   */
  static final Map<String, Double> PML_MAP_AT_R_PERCENT =
      Map.of(
          "contrastive_all", 94.2,
          "contrastive_ms", 94.2,
          "contrastive_pairmargin", 92.8,
          "triplet_all", 92.6,
          "triplet_semihard", 93.7,
          "triplet_semihard_cos", 93.9);

  /**
   * Seconds per epoch on a quiet machine of pytorch-metric-learning 2.8.1, reference run on digits,
   * same protocol.
   */
  static final Map<String, Double> PML_SECONDS_PER_EPOCH_QUIET =
      Map.of("contrastive_all", 0.043, "contrastive_ms", 0.062, "triplet_semihard", 0.057);

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--configs",
      split = ",",
      paramLabel = "NAME",
      description =
          "Configurations (default: contrastive_all,contrastive_ms,triplet_semihard); also"
              + " contrastive_pairmargin, triplet_all, triplet_semihard_cos.")
  List<String> configs =
      new ArrayList<>(List.of("contrastive_all", "contrastive_ms", "triplet_semihard"));

  @Option(
      names = "--seeds",
      split = ",",
      paramLabel = "SEED",
      description = "Seeds to average over (default: 0,1,2).")
  List<Long> seeds = new ArrayList<>(List.of(0L, 1L, 2L));

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "30",
      description = "Epochs (default: ${DEFAULT-VALUE}, as the reference).")
  int epochs = 30;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "libtorch intra-op threads (default: ${DEFAULT-VALUE}; more thrash when other processes"
              + " hold cores).")
  int threads = 1;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write bench-deep.md (default: ${DEFAULT-VALUE}).")
  Path outputDir = Path.of(".");

  @Override
  public Integer call() throws IOException {
    DjlRuntime.ensureOffline();
    PrintWriter out = spec.commandLine().getOut();
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs: expected >= 1, found " + epochs);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads: expected >= 1, found " + threads);
    }
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("--seeds: expected at least one seed, found none");
    }
    List<DigitsProtocol.Config> chosen = new ArrayList<>();
    for (String name : configs) {
      try {
        chosen.add(DigitsProtocol.Config.fromReferenceName(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--configs: " + e.getMessage(), e);
      }
    }
    DigitsProtocol.Settings settings =
        DigitsProtocol.Settings.reference()
            .withEpochs(epochs)
            .withThreads(new ThreadOptions(threads, 1));
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Digits, stratified 70/30, MLP 64-128-32, Adam 1e-3, batch 64, %d epochs, seeds %s,"
                + " %d libtorch thread(s). Held-out retrieval on L2-normalised embeddings;"
                + " metrics in %%, mean over seeds. Reference: pytorch-metric-learning 2.8.1,"
                + " reference run on digits (MAP@R: mean of seeds 0-2, 30 epochs; s/epoch on a"
                + " quiet machine).%n%n",
            epochs,
            seeds,
            threads));
    md.append(
        "| config | MAP@R | P@1 | R-Precision | s/epoch | CPU s/epoch | PML MAP@R | PML s/epoch |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (DigitsProtocol.Config config : chosen) {
      double map = 0;
      double p1 = 0;
      double rp = 0;
      double sec = 0;
      double cpu = 0;
      for (long seed : seeds) {
        DigitsProtocol.Result r = DigitsProtocol.run(config, seed, settings);
        out.println(
            String.format(
                Locale.ROOT,
                "%-22s seed %d: MAP@R %.2f  P@1 %.2f  R-Precision %.2f  %.3f s/epoch (CPU %.3f)",
                config.referenceName(),
                seed,
                100 * r.mapAtR(),
                100 * r.precisionAt1(),
                100 * r.rPrecision(),
                r.secondsPerEpoch(),
                r.cpuSecondsPerEpoch()));
        out.flush();
        map += r.mapAtR();
        p1 += r.precisionAt1();
        rp += r.rPrecision();
        sec += r.secondsPerEpoch();
        cpu += r.cpuSecondsPerEpoch();
      }
      int n = seeds.size();
      String name = config.referenceName();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.1f | %.1f | %.3f | %.3f | %s | %s |%n",
              name,
              100 * map / n,
              100 * p1 / n,
              100 * rp / n,
              sec / n,
              cpu / n,
              reference(PML_MAP_AT_R_PERCENT, name, "%.1f"),
              reference(PML_SECONDS_PER_EPOCH_QUIET, name, "%.3f")));
    }
    out.println();
    out.print(md);
    Path file = outputDir.resolve("bench-deep.md");
    AtomicFiles.write(file, md.toString().getBytes(StandardCharsets.UTF_8));
    out.println("wrote " + file);
    return 0;
  }

  private static String reference(Map<String, Double> figures, String name, String format) {
    Double value = figures.get(name);
    return value == null ? "-" : String.format(Locale.ROOT, format, value);
  }
}
