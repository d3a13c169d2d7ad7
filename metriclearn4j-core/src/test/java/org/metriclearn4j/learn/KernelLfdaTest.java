package org.metriclearn4j.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.BundledDatasets;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.data.Synthetic;
import org.metriclearn4j.kernel.Kernel;
import org.metriclearn4j.kernel.KernelPca;
import org.metriclearn4j.kernel.KernelTransform;
import org.metriclearn4j.neighbors.KNeighborsClassifier;
import org.metriclearn4j.pipeline.Pipeline;
import org.metriclearn4j.transform.TransformLearner;

/**
 * Kernel LFDA, and the reason for the kernel package: on two concentric rings and on two
 * interleaved moons no linear 1-D projection lets 1-NN separate the classes, a kernel one does.
 */
class KernelLfdaTest {

  private static double oneNearestNeighbourAccuracy(
      LabeledDataset train, LabeledDataset test, TransformLearner... steps) {
    Pipeline.Builder b = Pipeline.builder();
    for (TransformLearner step : steps) {
      b.add(step);
    }
    return b.classifier(KNeighborsClassifier.builder().k(1).build()).build().fit(train).score(test);
  }

  private static LabeledDataset half(LabeledDataset data, boolean first) {
    int n = data.size() / 2;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = first ? i : n + i;
    }
    return data.subset(idx);
  }

  @Test
  void aKernelProjectionToOneDimensionSeparatesRingsThatALinearOneCannot() {
    LabeledDataset rings = Synthetic.concentricRings(400, 0.5, 0.05, 1);
    LabeledDataset train = half(rings, true);
    LabeledDataset test = half(rings, false);
    double linear =
        oneNearestNeighbourAccuracy(train, test, Lfda.builder().outputDimension(1).build());
    double kernel =
        oneNearestNeighbourAccuracy(train, test, KernelLfda.builder().outputDimension(1).build());
    double kernelPcaThenLinear =
        oneNearestNeighbourAccuracy(
            train, test, KernelPca.builder().build(), Lfda.builder().outputDimension(1).build());
    // a linear projection folds the outer ring onto the inner one: at best about 3/4 correct
    assertTrue(linear < 0.8, "linear: " + linear);
    assertTrue(kernel > 0.97, "kernel LFDA: " + kernel);
    assertTrue(kernelPcaThenLinear > 0.97, "kernel PCA + LFDA: " + kernelPcaThenLinear);
  }

  @Test
  void aKernelProjectionToOneDimensionSeparatesInterleavedMoons() {
    LabeledDataset moons = Synthetic.moons(400, 0.1, 1);
    LabeledDataset train = half(moons, true);
    LabeledDataset test = half(moons, false);
    double linear =
        oneNearestNeighbourAccuracy(train, test, Lfda.builder().outputDimension(1).build());
    double kernel =
        oneNearestNeighbourAccuracy(
            train, test, KernelLfda.builder().kernel(Kernel.rbf(5)).outputDimension(1).build());
    double kernelPcaThenLinear =
        oneNearestNeighbourAccuracy(
            train,
            test,
            KernelPca.builder().kernel(Kernel.rbf(2)).build(),
            Lfda.builder().outputDimension(1).build());
    assertTrue(linear < 0.88, "linear: " + linear);
    assertTrue(kernel > 0.97, "kernel LFDA: " + kernel);
    assertTrue(kernelPcaThenLinear > 0.97, "kernel PCA + LFDA: " + kernelPcaThenLinear);
  }

  @Test
  void linearKernelLfdaSpansTheSameSpaceAsLfdaWithoutAffinityStandardisation() {
    // with the linear kernel, the feature space is the input space, so the 1-D embedding is LFDA's
    // (same affinities: both use the distances between the given features), up to sign and scale
    LabeledDataset iris = BundledDatasets.load("iris");
    KernelTransform k =
        KernelLfda.builder()
            .kernel(Kernel.linear())
            .outputDimension(1)
            .regularization(1e-9)
            .build()
            .fit(iris);
    double[][] l =
        Lfda.builder()
            .outputDimension(1)
            .standardizeAffinity(false)
            .regularization(1e-9)
            .build()
            .fit(iris)
            .components();
    double[][] x = iris.features();
    double[] a = new double[x.length];
    double[] b = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      a[i] = k.transform(x[i])[0];
      for (int c = 0; c < 4; c++) {
        b[i] += l[0][c] * x[i][c];
      }
    }
    // compare after centring (the kernel embedding is not centred)
    double ma = Arrays.stream(a).average().orElse(0);
    double mb = Arrays.stream(b).average().orElse(0);
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (a[i] - ma) * (b[i] - mb);
      na += (a[i] - ma) * (a[i] - ma);
      nb += (b[i] - mb) * (b[i] - mb);
    }
    assertEquals(1, Math.abs(dot) / Math.sqrt(na * nb), 1e-6);
  }

  @Test
  void keepsAStratifiedSubsetBeyondMaxSamplesAndIsDeterministic() {
    LabeledDataset wine = BundledDatasets.load("wine");
    KernelLfda learner = KernelLfda.builder().maxSamples(60).seed(3).build();
    KernelTransform t = learner.fit(wine);
    assertTrue(t.basis().length <= 62 && t.basis().length >= 55, "basis " + t.basis().length);
    assertEquals(13, t.outputDimension());
    double[] x = wine.row(10);
    assertArrayEquals(t.transform(x), learner.fit(wine).transform(x), 0);
    int[] sample = KernelLfda.stratifiedSample(wine.labels(), 60, 3);
    int[] perClass = new int[3];
    for (int i : sample) {
      perClass[wine.label(i)]++;
    }
    // 59, 71 and 48 members: floor(n_c * 60 / 178)
    assertArrayEquals(new int[] {19, 23, 16}, perClass);
  }

  @Test
  void duplicatesConstantColumnsAndUnscaledDataGiveFiniteEmbeddings() {
    double[][] x = {
      {0, 1, 1000}, {0, 1, 1000}, {0, 1, 1000}, {0, 2, 1500}, {0, 5, 200}, {0, 5, 200}, {0, 6, 900}
    };
    int[] y = {0, 0, 0, 0, 1, 1, 1};
    for (Kernel kernel : new Kernel[] {Kernel.rbf(), Kernel.linear(), Kernel.polynomial(2)}) {
      KernelTransform t =
          KernelLfda.builder().kernel(kernel).build().fit(LabeledDataset.of("dup", x, y));
      for (double[] row : t.transform(x)) {
        for (double v : row) {
          assertTrue(Double.isFinite(v), kernel.name());
        }
      }
    }
  }

  @Test
  void rejectsOneClassAndBadSettings() {
    LabeledDataset one =
        LabeledDataset.of("one", new double[][] {{1, 2}, {2, 3}, {3, 1}}, new int[3]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> KernelLfda.builder().build().fit(one));
    assertTrue(String.valueOf(e.getMessage()).contains("at least 2 classes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KernelLfda.builder().neighbors(0).build());
    assertThrows(IllegalArgumentException.class, () -> KernelLfda.builder().kernelRank(0).build());
    assertThrows(IllegalArgumentException.class, () -> KernelLfda.builder().maxSamples(1).build());
    assertThrows(
        IllegalArgumentException.class, () -> KernelLfda.builder().regularization(-1).build());
    assertThrows(
        IllegalArgumentException.class, () -> KernelLfda.builder().outputDimension(0).build());
  }
}
