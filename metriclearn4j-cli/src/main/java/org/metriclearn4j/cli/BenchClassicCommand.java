package org.metriclearn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.Accuracy;
import org.metriclearn4j.evaluation.Folds;
import org.metriclearn4j.evaluation.ReferenceFolds;
import org.metriclearn4j.evaluation.StratifiedKFold;
import org.metriclearn4j.learn.SupervisedMetricLearner;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Parallelism;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.transform.StandardScaler;
import org.metriclearn4j.transform.Transform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Every classic learner on every chosen dataset, raw and standardised: kNN accuracy (k=3 and 5)
 * after the learned metric, median fit time, iterations and convergence, on the reference folds
 * where they exist and on shuffled stratified seed-0 folds elsewhere.
 */
@Command(
    name = "classic",
    mixinStandardHelpOptions = true,
    description = {
      "Every classic learner on the bundled datasets, raw and standardised: kNN accuracy (k=3, k=5),"
          + " median fit time per fold (process CPU seconds without the JIT compiler's threads, like"
          + " metric-learn's figures, and wall seconds), iterations and convergence.",
      "Writes bench-classic.csv (columns as ../reference/compare_bench.py expects) and"
          + " bench-classic.md."
    })
final class BenchClassicCommand implements Callable<Integer> {
  private static final String EUCLIDEAN = "euclidean";

  @Spec
  @SuppressWarnings("NullAway.Init") // set by picocli before call()
  CommandSpec spec;

  @Mixin CommonOptions common = new CommonOptions();

  @Option(
      names = "--learners",
      split = ",",
      paramLabel = "NAME",
      description = "Learners to run (default: all, plus the Euclidean baseline).")
  List<String> learners = new ArrayList<>();

  @Option(
      names = "--datasets",
      split = ",",
      paramLabel = "NAME",
      description = "Bundled datasets (default: iris,wine,breast_cancer,digits).")
  List<String> datasets = new ArrayList<>(List.of("iris", "wine", "breast_cancer", "digits"));

  @Option(
      names = "--preps",
      split = ",",
      paramLabel = "PREP",
      description =
          "Preparations to run: raw (the CSV as is) and/or std (standardised on each training"
              + " fold); default: raw,std.")
  List<String> preps = new ArrayList<>(List.of("raw", "std"));

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description =
          "Where to write bench-classic.csv and bench-classic.md (default: ${DEFAULT-VALUE}).")
  Path outputDir = Path.of(".");

  @Option(
      names = "--warmup-seconds",
      paramLabel = "SECONDS",
      defaultValue = "1",
      description =
          "Unmeasured fits on the first training fold (at least one) until this much CPU time has"
              + " passed and then until the JIT compiler and the garbage collector took at most 10%%"
              + " of 0.5 CPU seconds (at most 10 times this long), so that compilation is not"
              + " counted in the fit time (default: ${DEFAULT-VALUE}).")
  double warmupSeconds;

  @Option(
      names = "--min-timing-seconds",
      paramLabel = "SECONDS",
      defaultValue = "0.2",
      description =
          "Each fold's fit is repeated until this much CPU time has passed (at most "
              + FitTiming.MAX_REPETITIONS
              + " times) and the mean per fit is reported, so that fits shorter than the"
              + " clock's tick are still measured (default: ${DEFAULT-VALUE}).")
  double minTimingSeconds;

  @Option(
      names = "--max-folds",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Evaluate only the first N of the 5 folds, for large datasets such as letter; the"
              + " folds column of the output says how many ran (default: ${DEFAULT-VALUE}).")
  int maxFolds;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "0",
      description = "Seed of learners and of folds where no reference folds exist.")
  long seed;

  @Option(
      names = "--parallel",
      description =
          "Let core's blocked kernels use the common fork-join pool besides the calling thread"
              + " (sets -D"
              + Parallelism.PROPERTY
              + " for this run). Default: the calling thread only, so that the CPU seconds"
              + " compare with metric-learn's single-threaded figures.")
  boolean parallel;

  private record Row(
      String learner,
      String dataset,
      String prep,
      String status,
      double accK3,
      double accK5,
      double medianFitCpuSeconds,
      double medianFitWallSeconds,
      double medianIterations,
      int convergedFolds,
      int folds,
      String error) {}

  @Override
  public Integer call() throws IOException {
    String previous = System.getProperty(Parallelism.PROPERTY);
    System.setProperty(Parallelism.PROPERTY, Boolean.toString(parallel));
    try {
      return run();
    } finally {
      if (previous == null) {
        System.clearProperty(Parallelism.PROPERTY);
      } else {
        System.setProperty(Parallelism.PROPERTY, previous);
      }
    }
  }

  private int run() throws IOException {
    if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
      throw new ParameterException(
          spec.commandLine(),
          "--warmup-seconds: expected a finite number >= 0, found " + warmupSeconds);
    }
    if (!(minTimingSeconds >= 0) || Double.isInfinite(minTimingSeconds)) {
      throw new ParameterException(
          spec.commandLine(),
          "--min-timing-seconds: expected a finite number >= 0, found " + minTimingSeconds);
    }
    if (maxFolds < 1 || maxFolds > 5) {
      throw new ParameterException(
          spec.commandLine(), "--max-folds: expected 1 to 5, found " + maxFolds);
    }
    for (String prep : preps) {
      if (!prep.equals("raw") && !prep.equals("std")) {
        throw new ParameterException(
            spec.commandLine(), "--preps: expected raw and/or std, found '" + prep + "'");
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    List<String> names = new ArrayList<>();
    names.add(EUCLIDEAN);
    for (String learner : learners.isEmpty() ? LearnerCatalog.names() : learners) {
      try {
        names.add(LearnerCatalog.canonicalName(learner));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            String.valueOf(e.getMessage()).replace("--learner:", "--learners:"));
      }
    }
    out.println("dense products: " + Gemm.backend() + "; " + Report.threads());
    List<Row> rows = new ArrayList<>();
    for (String datasetName : datasets) {
      LabeledDataset data = BundledDatasets.load(datasetName);
      Folds folds =
          ReferenceFolds.forDataset(data)
              .orElseGet(() -> StratifiedKFold.shuffled(5, seed).split(data));
      for (String prep : preps) {
        for (String learner : names) {
          Row row = run(learner, data, folds, prep.equals("std"));
          rows.add(row);
          out.println(
              String.format(
                      Locale.ROOT,
                      "%-12s %-14s %-4s %-5s k3=%.4f k5=%.4f fit=%.4fs cpu, %.4fs wall, iter=%.0f converged=%d/%d",
                      row.learner(),
                      row.dataset(),
                      row.prep(),
                      row.status(),
                      row.accK3(),
                      row.accK5(),
                      row.medianFitCpuSeconds(),
                      row.medianFitWallSeconds(),
                      row.medianIterations(),
                      row.convergedFolds(),
                      row.folds())
                  + (row.error().isEmpty() ? "" : "  " + row.error()));
          out.flush();
        }
      }
    }
    AtomicFiles.write(
        outputDir.resolve("bench-classic.csv"), csv(rows).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(
        outputDir.resolve("bench-classic.md"),
        markdown(rows, names).getBytes(StandardCharsets.UTF_8));
    out.println("wrote " + outputDir.resolve("bench-classic.csv") + " and bench-classic.md");
    return 0;
  }

  private Row run(String learner, LabeledDataset data, Folds folds, boolean standardize) {
    int numFolds = Math.min(folds.numFolds(), maxFolds);
    double[] acc3 = new double[numFolds];
    double[] acc5 = new double[numFolds];
    double[] fitCpuSeconds = new double[numFolds];
    double[] fitWallSeconds = new double[numFolds];
    double[] iterations = new double[numFolds];
    int converged = 0;
    String prep = standardize ? "std" : "raw";
    try {
      for (int f = 0; f < numFolds; f++) {
        LabeledDataset train = data.subset(folds.trainIndices(f));
        LabeledDataset test = data.subset(folds.testIndices(f));
        if (standardize) {
          Transform scaler = StandardScaler.create().fit(train);
          train = train.withFeatures(scaler.transform(train.features()));
          test = test.withFeatures(scaler.transform(test.features()));
        }
        if (!learner.equals(EUCLIDEAN)) {
          SupervisedMetricLearner metricLearner = LearnerCatalog.create(learner, seed);
          LabeledDataset trainingFold = train;
          if (f == 0 && warmupSeconds > 0) {
            FitTiming.warmUp(() -> metricLearner.fit(trainingFold), warmupSeconds);
          }
          FitTiming<MahalanobisMetric> timing =
              FitTiming.measure(() -> metricLearner.fit(trainingFold), minTimingSeconds);
          MahalanobisMetric metric = timing.lastResult();
          fitWallSeconds[f] = timing.wallSecondsPerRun();
          fitCpuSeconds[f] = timing.cpuSecondsPerRun();
          iterations[f] = metric.fitSummary().iterations();
          converged += metric.fitSummary().converged() ? 1 : 0;
          train = train.withFeatures(metric.transform(train.features()));
          test = test.withFeatures(metric.transform(test.features()));
        } else {
          converged++;
        }
        acc3[f] = score(train, test, 3);
        acc5[f] = score(train, test, 5);
      }
    } catch (RuntimeException e) {
      return new Row(
          learner,
          data.name(),
          prep,
          "fail",
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          0,
          numFolds,
          e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return new Row(
        learner,
        data.name(),
        prep,
        "ok",
        mean(acc3),
        mean(acc5),
        Report.median(fitCpuSeconds),
        Report.median(fitWallSeconds),
        Report.median(iterations),
        converged,
        numFolds,
        "");
  }

  private static double score(LabeledDataset train, LabeledDataset test, int k) {
    int[] predicted =
        KNeighborsClassifier.builder().k(k).build().fit(train).predict(test.features());
    return Accuracy.score(test.labels(), predicted);
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  private static String csv(List<Row> rows) {
    StringBuilder sb =
        new StringBuilder(
            "learner,dataset,prep,status,acc_k3,acc_k5,median_fit_s,median_fit_wall_s,median_iterations,"
                + "converged_folds,folds,error\n");
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%s,%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%.0f,%d,%d,%s%n",
              r.learner(),
              r.dataset(),
              r.prep(),
              r.status(),
              r.accK3(),
              r.accK5(),
              r.medianFitCpuSeconds(),
              r.medianFitWallSeconds(),
              r.medianIterations(),
              r.convergedFolds(),
              r.folds(),
              csvField(r.error())));
    }
    return sb.toString();
  }

  private String markdown(List<Row> rows, List<String> names) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "mean kNN accuracy k=3 / k=5 (median fit CPU seconds per fold, folds where the learner"
            + " reported convergence); dense products: "
            + Gemm.backend()
            + "; "
            + Report.threads()
            + "\n\n");
    sb.append("| learner |");
    for (String d : datasets) {
      for (String prep : preps) {
        sb.append(' ').append(d).append(' ').append(prep).append(" |");
      }
    }
    sb.append("\n|---|");
    for (int i = 0; i < datasets.size() * preps.size(); i++) {
      sb.append("---|");
    }
    sb.append('\n');
    for (String learner : names) {
      sb.append("| ").append(learner).append(" |");
      for (String d : datasets) {
        for (String prep : preps) {
          Row r =
              rows.stream()
                  .filter(
                      x ->
                          x.learner().equals(learner)
                              && x.dataset().equals(d)
                              && x.prep().equals(prep))
                  .findFirst()
                  .orElseThrow();
          if (r.status().equals("ok")) {
            sb.append(
                String.format(
                    Locale.ROOT,
                    " %.3f / %.3f (%.3f s, %d/%d) |",
                    r.accK3(),
                    r.accK5(),
                    r.medianFitCpuSeconds(),
                    r.convergedFolds(),
                    r.folds()));
          } else {
            sb.append(" fail |");
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
  private static String csvField(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
