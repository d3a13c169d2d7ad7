package org.metriclearn4j.deep.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.ThreadOptions;
import org.metriclearn4j.deep.train.EpochRecord;
import org.metriclearn4j.deep.train.PairDistanceEvaluator;
import org.metriclearn4j.deep.train.RetrievalEvaluator;

/**
 * The digits benchmark against pytorch-metric-learning's published figures. Not a unit test
 * (surefire's default includes skip it); run it explicitly:
 *
 * <pre>
 * mvn -o -pl metriclearn4j-deep -am test -Dtest=DigitsProtocolBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.configs=contrastive_all,contrastive_ms \
 *     -Dbench.seeds=0,1,2 -Dbench.split=instance -Dbench.threads=1
 * </pre>
 */
class DigitsProtocolBenchmark {

  @Test
  void run() {
    String configs =
        System.getProperty("bench.configs", "contrastive_all,contrastive_ms,triplet_semihard");
    String seeds = System.getProperty("bench.seeds", "0,1,2");
    DigitsProtocol.Split split =
        DigitsProtocol.Split.valueOf(
            System.getProperty("bench.split", "instance").toUpperCase(Locale.ROOT));
    int threads = Integer.parseInt(System.getProperty("bench.threads", "1"));
    int epochs = Integer.parseInt(System.getProperty("bench.epochs", "30"));
    ThreadOptions current = DjlRuntime.threads();
    DigitsProtocol.Settings settings =
        DigitsProtocol.Settings.reference()
            .withSplit(split)
            .withEpochs(epochs)
            .withThreads(new ThreadOptions(threads, current.numInteropThreads()));
    System.out.printf(
        Locale.ROOT,
        "digits %s, %d epochs, libtorch %s, %d intra-op threads%n",
        split,
        epochs,
        DjlRuntime.engineVersion(),
        threads);
    for (String seedText : seeds.split(",", -1)) {
      long seed = Long.parseLong(seedText.trim());
      RetrievalEvaluator.Scores raw = DigitsProtocol.rawBaseline(split, seed);
      RetrievalEvaluator.Scores untrained = DigitsProtocol.untrainedBaseline(split, seed);
      System.out.printf(
          Locale.ROOT,
          "baseline seed %d: raw pixels MAP@R %.1f P@1 %.1f | untrained MLP MAP@R %.1f P@1 %.1f%n",
          seed,
          100 * raw.mapAtR(),
          100 * raw.precisionAt1(),
          100 * untrained.mapAtR(),
          100 * untrained.precisionAt1());
    }
    for (String name : configs.split(",", -1)) {
      DigitsProtocol.Config config = DigitsProtocol.Config.fromReferenceName(name.trim());
      List<Double> maps = new ArrayList<>();
      for (String seedText : seeds.split(",", -1)) {
        long seed = Long.parseLong(seedText.trim());
        DigitsProtocol.Result r = DigitsProtocol.run(config, seed, settings);
        maps.add(r.mapAtR());
        System.out.printf(
            Locale.ROOT,
            "%-22s seed %d: P@1 %.1f  R-Prec %.1f  MAP@R %.1f  %.3f s/epoch wall, %.3f s/epoch CPU"
                + "  (train %d, test %d)%n",
            config.referenceName(),
            seed,
            100 * r.precisionAt1(),
            100 * r.rPrecision(),
            100 * r.mapAtR(),
            r.secondsPerEpoch(),
            r.cpuSecondsPerEpoch(),
            r.trainSize(),
            r.testSize());
        StringBuilder curve =
            new StringBuilder("    epoch loss tuples(pos/neg/trip) same diff MAP@R:");
        for (EpochRecord e : r.history().epochs()) {
          if (e.epoch() <= 3 || e.epoch() % 5 == 0) {
            curve.append(
                String.format(
                    Locale.ROOT,
                    "%n    %2d %s %.0f/%.0f/%.0f %.3f %.3f %.1f",
                    e.epoch(),
                    e.meanLoss().isPresent()
                        ? String.format(Locale.ROOT, "%.4f", e.meanLoss().getAsDouble())
                        : "  -   ",
                    e.meanPositivePairs(),
                    e.meanNegativePairs(),
                    e.meanTriplets(),
                    e.metric(PairDistanceEvaluator.SAME_CLASS),
                    e.metric(PairDistanceEvaluator.DIFFERENT_CLASS),
                    100 * e.metric(RetrievalEvaluator.MAP_AT_R)));
          }
        }
        System.out.println(curve);
      }
      double mean = maps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      double sd =
          Math.sqrt(
              maps.stream().mapToDouble(m -> (m - mean) * (m - mean)).sum()
                  / Math.max(1, maps.size() - 1));
      System.out.printf(
          Locale.ROOT,
          "%-22s MAP@R mean %.1f +/- %.1f over %d seeds%n",
          config.referenceName(),
          100 * mean,
          100 * sd,
          maps.size());
    }
  }
}
