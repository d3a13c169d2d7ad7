package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.evaluation.CrossValidation;
import org.metriclearn4j.evaluation.CrossValidationResult;
import org.metriclearn4j.evaluation.Folds;
import org.metriclearn4j.evaluation.StratifiedKFold;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.pipeline.Pipeline;
import org.metriclearn4j.transform.StandardScaler;

class NcaTest extends MetricLearnerContract {

  @Override
  protected SupervisedMetricLearner learner(long seed) {
    return Nca.builder().seed(seed).build();
  }

  @Override
  protected boolean deterministicRegardlessOfSeed() {
    return true;
  }

  @Override
  protected SupervisedMetricLearner learnerWithOutputDimension(long seed, int outputDimension) {
    return Nca.builder().seed(seed).outputDimension(outputDimension).build();
  }

  private static DMatrixRMaj randomMatrix(int rows, int cols, double scale, long seed) {
    Random random = new Random(seed);
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = scale * random.nextGaussian();
    }
    return m;
  }

  /** {@code f(L) = sum_i p_i} straight from the definition, with no shift. */
  private static double bruteForceObjective(double[][] x, int[] y, DMatrixRMaj l) {
    int n = x.length;
    double[][] z = new double[n][];
    for (int i = 0; i < n; i++) {
      z[i] = new double[l.numRows];
      for (int r = 0; r < l.numRows; r++) {
        for (int c = 0; c < l.numCols; c++) {
          z[i][r] += l.get(r, c) * x[i][c];
        }
      }
    }
    double f = 0;
    for (int i = 0; i < n; i++) {
      double total = 0;
      double same = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int r = 0; r < z[i].length; r++) {
          s += (z[i][r] - z[j][r]) * (z[i][r] - z[j][r]);
        }
        double e = Math.exp(-s);
        total += e;
        if (y[j] == y[i]) {
          same += e;
        }
      }
      f += same / total;
    }
    return f;
  }

  /** Leave-one-out 1-NN accuracy under the metric; ties go to the smaller index. */
  private static double leaveOneOutAccuracy(MahalanobisMetric metric, LabeledDataset data) {
    double[][] z = metric.transform(data.features());
    int[] y = data.labels();
    int correct = 0;
    for (int i = 0; i < z.length; i++) {
      int best = -1;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int j = 0; j < z.length; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int k = 0; k < z[i].length; k++) {
          s += (z[i][k] - z[j][k]) * (z[i][k] - z[j][k]);
        }
        if (s < bestDistance) {
          bestDistance = s;
          best = j;
        }
      }
      if (y[best] == y[i]) {
        correct++;
      }
    }
    return correct / (double) z.length;
  }

  private static NcaObjective objectiveOf(LabeledDataset data) {
    return new NcaObjective(Kernels.toMatrix(data.features()), data.labels());
  }

  private static CrossValidationResult crossValidate(
      boolean standardise, int k, LabeledDataset data, Folds folds) {
    Pipeline.Builder pipeline = Pipeline.builder();
    if (standardise) {
      pipeline.add(StandardScaler.create());
    }
    pipeline.add(Nca.builder().build());
    pipeline.classifier(KNeighborsClassifier.builder().k(k).build());
    return CrossValidation.evaluate(pipeline.build(), data, folds);
  }

  @Test
  void irisWithKnn5OnUnshuffledFoldsIsAsAccurateAsMetricLearn() {
    // metric-learn 0.7.0 NCA + kNN(5), cross_val_score defaults: mean 0.9667
    LabeledDataset iris = BundledDatasets.load("iris");
    CrossValidationResult result =
        crossValidate(false, 5, iris, StratifiedKFold.unshuffled(5).split(iris));
    assertTrue(result.mean() >= 0.95, result.scores().toString());
  }

  @Test
  void rawWineIsFarMoreAccurateThanWithAnIdentityStart() {
    // metric-learn's NCA (identity start) reaches 0.697 with kNN(3) on these folds of raw wine,
    // and 0.983 after standardising
    LabeledDataset wine = BundledDatasets.load("wine");
    Folds folds = Folds.fromAssignment(BundledDatasets.referenceFolds("wine"));
    CrossValidationResult raw = crossValidate(false, 3, wine, folds);
    assertTrue(raw.mean() >= 0.95, raw.scores().toString());
    CrossValidationResult standardised = crossValidate(true, 3, wine, folds);
    assertTrue(standardised.mean() >= 0.95, standardised.scores().toString());
  }

  @Test
  void gradientMatchesCentralFiniteDifferences() {
    LabeledDataset data = gaussianClasses("fd", 3, 10, new double[] {1, 1, 1, 1}, 1.0, 1);
    NcaObjective objective = objectiveOf(data);
    for (int k : new int[] {4, 2}) {
      DMatrixRMaj l = randomMatrix(k, 4, 0.7, 10 + k);
      DMatrixRMaj gradient = new DMatrixRMaj(1, 1);
      objective.valueAndGradient(l, gradient);
      assertEquals(k, gradient.numRows);
      assertEquals(4, gradient.numCols);
      double errorSquared = 0;
      double normSquared = 0;
      for (int e = 0; e < l.data.length; e++) {
        double h = 1e-5;
        DMatrixRMaj plus = l.copy();
        DMatrixRMaj minus = l.copy();
        plus.data[e] += h;
        minus.data[e] -= h;
        double numeric = (objective.value(plus) - objective.value(minus)) / (2 * h);
        errorSquared += (numeric - gradient.data[e]) * (numeric - gradient.data[e]);
        normSquared += gradient.data[e] * gradient.data[e];
      }
      assertTrue(normSquared > 1e-6, "a start where the gradient is not negligible");
      double relative = Math.sqrt(errorSquared / normSquared);
      assertTrue(relative < 1e-5, "relative error " + relative + " for k=" + k);
    }
  }

  @Test
  void objectiveEqualsTheDefinition() {
    LabeledDataset data = gaussianClasses("def", 3, 12, new double[] {1, 2, 1}, 1.0, 2);
    DMatrixRMaj l = randomMatrix(2, 3, 0.5, 3);
    double expected = bruteForceObjective(data.features(), data.labels(), l);
    assertEquals(expected, objectiveOf(data).value(l), 1e-12 * expected);
    // and the blocked path that also computes the gradient gives the same value
    assertEquals(expected, objectiveOf(data).valueAndGradient(l, new DMatrixRMaj(1, 1)), 1e-12);
  }

  @Test
  void objectiveWithMostTermsBelowTheCutoffEqualsTheDefinition() {
    // scaled up, most pairs are more than NEGLIGIBLE_EXPONENT beyond each row's nearest neighbour:
    // those terms are dropped, yet exp(-d) of every pair is still representable for the definition
    LabeledDataset data = gaussianClasses("sharp", 3, 12, new double[] {1, 2, 1}, 1.0, 2);
    DMatrixRMaj l = randomMatrix(3, 3, 0.5, 3);
    CommonOps_DDRM.scale(2.5, l);
    double[][] z = Kernels.toRows(multTransB(Kernels.toMatrix(data.features()), l));
    int n = z.length;
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      double nearest = Double.POSITIVE_INFINITY;
      double[] d = new double[n];
      for (int j = 0; j < n; j++) {
        for (int r = 0; r < 3; r++) {
          d[j] += (z[i][r] - z[j][r]) * (z[i][r] - z[j][r]);
        }
        if (j != i) {
          nearest = Math.min(nearest, d[j]);
        }
      }
      for (int j = 0; j < n; j++) {
        if (j != i && d[j] > nearest + SoftmaxObjective.NEGLIGIBLE_EXPONENT) {
          assertTrue(d[j] < 700, "exp(-d) stays representable for the definition");
          dropped++;
        }
      }
    }
    assertTrue(dropped > n * (n - 1) / 2, "most terms are dropped: " + dropped);
    double expected = bruteForceObjective(data.features(), data.labels(), l);
    assertEquals(expected, objectiveOf(data).valueAndGradient(l, new DMatrixRMaj(1, 1)), 1e-12 * n);
  }

  private static DMatrixRMaj multTransB(DMatrixRMaj a, DMatrixRMaj b) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, b.numRows);
    CommonOps_DDRM.multTransB(a, b, out);
    return out;
  }

  @Test
  void objectiveStaysFiniteWhenEverySoftmaxIsOneHot() {
    // at distances in the millions exp(-d) underflows to 0 for every pair: the shifted softmax
    // instead gives the one-hot limit, where p_i = 1 exactly when the nearest neighbour agrees
    LabeledDataset data = gaussianClasses("far", 2, 15, new double[] {1, 1}, 0.5, 4);
    DMatrixRMaj l = CommonOps_DDRM.identity(2);
    CommonOps_DDRM.scale(1e4, l);
    double f = objectiveOf(data).valueAndGradient(l, new DMatrixRMaj(1, 1));
    double nearestAgrees = leaveOneOutAccuracy(MahalanobisMetric.identity(2), data) * data.size();
    assertEquals(nearestAgrees, f, 1e-9);
  }

  @Test
  void fitIncreasesTheObjectiveAndReportsTheValueOfItsComponents() {
    LabeledDataset data = gaussianClasses("up", 3, 15, new double[] {1, 5, 1}, 1.5, 5);
    Nca nca = Nca.builder().build();
    NcaObjective objective = objectiveOf(data);
    double start = objective.value(nca.initialComponents(data));
    MahalanobisMetric metric = nca.fit(data);
    double end = objective.value(metric.componentsMatrix());
    assertTrue(end > start + 1, "objective " + start + " -> " + end);
    assertEquals(end, metric.fitSummary().objective(), 1e-9 * end);
    assertTrue(metric.fitSummary().iterations() > 0);
  }

  @Test
  void threeWellSeparatedGaussianClassesHavePerfectLeaveOneOutAccuracy() {
    LabeledDataset data = gaussianClasses("separated", 3, 20, new double[] {1, 1, 1}, 8.0, 6);
    MahalanobisMetric metric = Nca.builder().build().fit(data);
    assertEquals(1.0, leaveOneOutAccuracy(metric, data));
  }

  /** Two classes split by feature 0 (scale 1) and a pure-noise feature 1 with scale 1000. */
  private static LabeledDataset noisyFeatureAtScale1000() {
    Random random = new Random(7);
    int n = 60;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      x[i][0] = (y[i] == 0 ? -1.5 : 1.5) + 0.5 * random.nextGaussian();
      x[i][1] = 1000 * random.nextGaussian();
    }
    return LabeledDataset.of("scaled", x, y);
  }

  @Test
  void defaultStartLearnsOnDataWithANoisyFeatureAtScale1000() {
    LabeledDataset data = noisyFeatureAtScale1000();
    double euclidean = leaveOneOutAccuracy(MahalanobisMetric.identity(2), data);
    assertTrue(euclidean < 0.7, "the noise hides the classes from the Euclidean distance");
    MahalanobisMetric metric = Nca.builder().build().fit(data);
    double learned = leaveOneOutAccuracy(metric, data);
    assertTrue(learned >= 0.95, "leave-one-out 1-NN accuracy " + learned);
    double[][] l = metric.components();
    double informative = Math.hypot(l[0][0], l[1][0]);
    double noise = Math.hypot(l[0][1], l[1][1]) * 1000;
    assertTrue(informative > 3 * noise, "the noisy feature is down-weighted: " + noise);
  }

  @Test
  void unitsOfTheFeaturesDoNotChangeTheLearnedDistances() {
    LabeledDataset data = gaussianClasses("units", 3, 15, new double[] {1, 1, 1}, 1.5, 8);
    double[][] scaled = data.features();
    for (double[] row : scaled) {
      row[1] *= 1000;
      row[2] *= 0.01;
    }
    MahalanobisMetric a = Nca.builder().build().fit(data);
    MahalanobisMetric b = Nca.builder().build().fit(data.withFeatures(scaled));
    double[][] x = data.features();
    for (int i = 0; i < x.length; i += 3) {
      for (int j = 1; j < x.length; j += 4) {
        double da = a.distance(x[i], x[j]);
        double db = b.distance(scaled[i], scaled[j]);
        assertEquals(da, db, 1e-6 * Math.max(1, da), "pair " + i + "," + j);
      }
    }
  }

  @Test
  void constantFeatureGetsWeightZero() {
    LabeledDataset data = gaussianClasses("const", 2, 12, new double[] {1, 1, 1}, 2.0, 9);
    double[][] x = data.features();
    for (double[] row : x) {
      row[1] = 3.7;
    }
    MahalanobisMetric metric = Nca.builder().build().fit(data.withFeatures(x));
    for (double[] row : metric.components()) {
      assertEquals(0.0, row[1]);
    }
    assertTrue(metric.fitSummary().iterations() > 0);
  }

  @Test
  void startIsScaledToTheTargetPerplexity() {
    LabeledDataset data = gaussianClasses("perplexity", 3, 30, new double[] {1, 100, 1}, 1.0, 10);
    assertMedianPerplexityIsTheTarget(data, data.size());
  }

  @Test
  void onLargeDataTheStartIsScaledOnEvenlySpacedRows() {
    // more samples than Initializers.PERPLEXITY_ROWS: the median is taken over 256 evenly spaced
    // rows, each against all other samples
    LabeledDataset data = gaussianClasses("sampled", 3, 110, new double[] {1, 100, 1}, 1.0, 13);
    assertMedianPerplexityIsTheTarget(data, Initializers.PERPLEXITY_ROWS);
  }

  /** Checks the median perplexity of the start's softmax rows, computed from its definition. */
  private static void assertMedianPerplexityIsTheTarget(LabeledDataset data, int rows) {
    DMatrixRMaj l0 = Nca.builder().build().initialComponents(data);
    double[][] z = MahalanobisMetric.fromComponents(Kernels.toRows(l0)).transform(data.features());
    int n = z.length;
    double[] perplexities = new double[rows];
    for (int r = 0; r < rows; r++) {
      int i = (int) ((long) r * n / rows);
      double[] p = new double[n];
      double total = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          double s = 0;
          for (int k = 0; k < z[i].length; k++) {
            s += (z[i][k] - z[j][k]) * (z[i][k] - z[j][k]);
          }
          p[j] = Math.exp(-s);
          total += p[j];
        }
      }
      double entropy = 0;
      for (int j = 0; j < n; j++) {
        if (p[j] > 0) {
          double q = p[j] / total;
          entropy -= q * Math.log(q);
        }
      }
      perplexities[r] = Math.exp(entropy);
    }
    Arrays.sort(perplexities);
    double target = Initializers.targetPerplexity(n);
    assertEquals(target, perplexities[rows / 2], 1e-6 * target, "the root search's precision");
  }

  @Test
  void identityStartIsExactlyTheIdentity() {
    LabeledDataset data = gaussianClasses("id", 2, 10, new double[] {1, 50, 0.1}, 1.0, 11);
    DMatrixRMaj l0 = Nca.builder().init(Initialization.IDENTITY).build().initialComponents(data);
    DMatrixRMaj identity = CommonOps_DDRM.identity(3);
    for (int i = 0; i < 9; i++) {
      assertEquals(identity.data[i], l0.data[i], 1e-15);
    }
    DMatrixRMaj two =
        Nca.builder()
            .init(Initialization.IDENTITY)
            .outputDimension(2)
            .build()
            .initialComponents(data);
    assertEquals(2, two.numRows);
    assertEquals(1, two.get(1, 1), 1e-15);
    assertEquals(0, two.get(1, 2));
  }

  @Test
  void ldaStartPointsAlongTheDiscriminativeFeature() {
    // classes differ only in feature 2; every feature has the same noise
    Random random = new Random(12);
    double[][] x = new double[40][4];
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      y[i] = i % 2;
      for (int j = 0; j < 4; j++) {
        x[i][j] = random.nextGaussian() + (j == 2 ? 4 * y[i] : 0);
      }
    }
    LabeledDataset data = LabeledDataset.of("lda", x, y);
    for (Initialization init : List.of(Initialization.LDA, Initialization.AUTO)) {
      DMatrixRMaj l0 = Nca.builder().init(init).outputDimension(1).build().initialComponents(data);
      double norm = 0;
      for (int j = 0; j < 4; j++) {
        norm += l0.get(0, j) * l0.get(0, j);
      }
      assertTrue(Math.abs(l0.get(0, 2)) / Math.sqrt(norm) > 0.95, init + ": " + l0);
    }
  }

  @Test
  void pcaStartPointsAlongTheWidestStandardisedDirection() {
    // features 0 and 1 are strongly correlated, 2 independent: after standardising, the leading
    // principal axis is (1, 1, 0) / sqrt(2)
    Random random = new Random(13);
    double[][] x = new double[200][3];
    for (double[] row : x) {
      double t = random.nextGaussian();
      row[0] = 5 * (t + 0.05 * random.nextGaussian());
      row[1] = 0.2 * (t + 0.05 * random.nextGaussian());
      row[2] = random.nextGaussian();
    }
    int[] y = new int[200];
    for (int i = 0; i < 200; i++) {
      y[i] = i % 2;
    }
    LabeledDataset data = LabeledDataset.of("pca", x, y);
    DMatrixRMaj l0 =
        Nca.builder().init(Initialization.PCA).outputDimension(1).build().initialComponents(data);
    // in original units the row is (1 / sd_0, 1 / sd_1, 0) up to scale and sign
    double u = l0.get(0, 0) * 5;
    double v = l0.get(0, 1) * 0.2;
    double w = l0.get(0, 2);
    double norm = Math.sqrt(u * u + v * v + w * w);
    assertEquals(1 / Math.sqrt(2), Math.abs(u) / norm, 0.02);
    assertEquals(1 / Math.sqrt(2), Math.abs(v) / norm, 0.02);
    assertTrue(u * v > 0, "same sign");
  }

  @Test
  void randomStartDependsOnTheSeedOnly() {
    LabeledDataset data = trainingData();
    Nca a = Nca.builder().init(Initialization.RANDOM).seed(1).maxIterations(5).build();
    Nca b = Nca.builder().init(Initialization.RANDOM).seed(2).maxIterations(5).build();
    double[][] first = a.fit(data).components();
    assertTrue(Arrays.deepEquals(first, a.fit(data).components()));
    assertFalse(Arrays.deepEquals(first, b.fit(data).components()));
  }

  @Test
  void iterationLimitIsReportedAsNotConverged() {
    MahalanobisMetric metric =
        Nca.builder().maxIterations(1).tolerance(0).build().fit(trainingData());
    assertEquals(1, metric.fitSummary().iterations());
    assertFalse(metric.fitSummary().converged());
  }

  @Test
  void provenanceRecordsEveryHyperparameter() {
    Nca nca =
        Nca.builder()
            .outputDimension(2)
            .maxIterations(50)
            .tolerance(1e-4)
            .init(Initialization.PCA)
            .seed(5)
            .build();
    MahalanobisMetric metric = nca.fit(trainingData());
    assertEquals("nca", metric.provenance().learner());
    assertEquals(5, metric.provenance().seed());
    assertEquals(
        Map.of(
            "outputDimension", "2",
            "maxIterations", "50",
            "tolerance", "1.0E-4",
            "init", "PCA",
            "seed", "5"),
        metric.provenance().hyperparameters());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Nca nca = Nca.builder().build();
    assertTrue(nca.outputDimension().isEmpty());
    assertEquals(100, nca.maxIterations());
    assertEquals(1e-5, nca.tolerance());
    assertEquals(Initialization.AUTO, nca.init());
    assertEquals(0, nca.seed());
    assertEquals("nca", nca.name());
  }

  @Test
  void classesWithOneSampleEachAreRejectedWithTheCauseAndTheFix() {
    double[][] x = {{0, 1}, {1, 0}, {2, 2}};
    LabeledDataset data = LabeledDataset.of("singletons", x, new int[] {0, 1, 2});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nca.builder().build().fit(data));
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("at least 2 samples"), message);
    assertTrue(message.contains("add samples"), message);
  }

  @Test
  void singleClassMessageNamesTheClassAndTheFix() {
    double[][] x = {{0, 1}, {1, 0}, {2, 2}};
    LabeledDataset data =
        LabeledDataset.of("one", x, new int[] {1, 1, 1}, List.of("a", "b"), List.of("u", "v"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Nca.builder().build().fit(data));
    String message = String.valueOf(e.getMessage());
    assertTrue(message.contains("'b'"), message);
    assertTrue(message.contains("add samples of another class"), message);
  }

  @Test
  void outputDimensionAboveTheFeatureCountIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Nca.builder().outputDimension(5).build().fit(trainingData()));
    assertTrue(String.valueOf(e.getMessage()).startsWith("outputDimension:"), e.getMessage());
  }

  @Test
  void builderRejectsInvalidSettingsByName() {
    assertRejected("outputDimension", () -> Nca.builder().outputDimension(0).build());
    assertRejected("maxIterations", () -> Nca.builder().maxIterations(0).build());
    assertRejected("tolerance", () -> Nca.builder().tolerance(-1).build());
    assertRejected("tolerance", () -> Nca.builder().tolerance(Double.NaN).build());
  }

  private static void assertRejected(String argument, Runnable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
    assertTrue(String.valueOf(e.getMessage()).startsWith(argument + ":"), e.getMessage());
  }
}
