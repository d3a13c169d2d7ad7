package org.metriclearn4j.deep.bench;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.deep.DjlRuntime;
import org.metriclearn4j.deep.ThreadOptions;

/**
 * The Siamese MNIST experiment: per-epoch mean held-out same-class and different-class distances.
 * Not a unit test; run it explicitly:
 *
 * <pre>
 * mvn -o -pl metriclearn4j-deep -am test -Dtest=MnistSiameseBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dbench.epochs=10 -Dbench.train=10000 \
 *     -Dbench.threads=1
 * </pre>
 */
class MnistSiameseBenchmark {

  @Test
  void run() {
    int epochs = Integer.parseInt(System.getProperty("bench.epochs", "10"));
    int train = Integer.parseInt(System.getProperty("bench.train", "10000"));
    int threads = Integer.parseInt(System.getProperty("bench.threads", "1"));
    long seed = Long.parseLong(System.getProperty("bench.seed", "0"));
    ThreadOptions current = DjlRuntime.threads();
    MnistSiamese.Settings settings =
        MnistSiamese.Settings.defaults()
            .withEpochs(epochs)
            .withTrainSize(train)
            .withThreads(new ThreadOptions(threads, current.numInteropThreads()));
    MnistSiamese.Result r = MnistSiamese.run(settings, seed);
    System.out.printf(
        Locale.ROOT,
        "MNIST Siamese (SmallCnn, contrastive 0/1, %d train images, %d held-out, seed %d):"
            + " %.2f s/epoch wall, %.2f s/epoch CPU%n",
        train,
        10 * settings.heldOutPerClass(),
        seed,
        r.secondsPerEpoch(),
        r.cpuSecondsPerEpoch());
    System.out.println("epoch  loss    same   different  MAP@R");
    for (int e = 0; e < r.sameClass().length; e++) {
      var record = r.history().epoch(e);
      System.out.printf(
          Locale.ROOT,
          "%5d  %s  %.3f  %.3f      %.1f%n",
          e,
          record.meanLoss().isPresent()
              ? String.format(Locale.ROOT, "%.4f", record.meanLoss().getAsDouble())
              : "  -   ",
          r.sameClass()[e],
          r.differentClass()[e],
          100 * r.mapAtR()[e]);
    }
  }
}
