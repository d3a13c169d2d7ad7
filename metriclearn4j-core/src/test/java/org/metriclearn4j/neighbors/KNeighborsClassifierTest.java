package org.metriclearn4j.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.neighbors.KNeighborsClassifier.Weights;

class KNeighborsClassifierTest {

  private static LabeledDataset line(double[] x, int[] labels, int numClasses) {
    double[][] rows = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      rows[i] = new double[] {x[i]};
    }
    List<String> classes = new java.util.ArrayList<>();
    for (int c = 0; c < numClasses; c++) {
      classes.add("c" + c);
    }
    return LabeledDataset.of("line", rows, labels, classes, List.of("x"));
  }

  @Test
  void defaultsAreFiveNeighboursWithUniformWeights() {
    KNeighborsClassifier knn = KNeighborsClassifier.builder().build();
    assertEquals(5, knn.k());
    assertEquals(Weights.UNIFORM, knn.weights());
    assertEquals("knn(k=5)", knn.name());
    assertEquals(
        "knn(k=3, weights=distance)",
        KNeighborsClassifier.builder().k(3).weights(Weights.DISTANCE).build().name());
  }

  @Test
  void uniformVoteCountsTheKNearest() {
    LabeledDataset train = line(new double[] {0, 1, 2, 10, 11}, new int[] {0, 0, 1, 1, 1}, 2);
    KNeighborsModel model = KNeighborsClassifier.builder().k(3).build().fit(train);
    // neighbours of 1.4: x=1 (0.4), x=2 (0.6), x=0 (1.4) -> classes 0, 1, 0
    assertEquals(0, model.predict(new double[] {1.4}));
    assertArrayEquals(
        new double[] {2.0 / 3, 1.0 / 3}, model.predictProbabilities(new double[] {1.4}), 1e-15);
    // neighbours of 9: x=10, 11, 2 -> classes 1, 1, 1
    assertEquals(1, model.predict(new double[] {9}));
  }

  @Test
  void tiedVoteGoesToTheSmallestClassIndexNotTheNearestNeighbour() {
    LabeledDataset train = line(new double[] {0, 3}, new int[] {2, 1}, 3);
    KNeighborsModel model = KNeighborsClassifier.builder().k(2).build().fit(train);
    assertEquals(1, model.predict(new double[] {1}));
    assertArrayEquals(
        new double[] {0, 0.5, 0.5}, model.predictProbabilities(new double[] {1}), 0.0);
  }

  @Test
  void distanceWeightsOverruleTheMajority() {
    LabeledDataset train = line(new double[] {0, 2, 2.2}, new int[] {0, 1, 1}, 2);
    double[] q = {0.1};
    assertEquals(1, KNeighborsClassifier.builder().k(3).build().fit(train).predict(q));
    KNeighborsModel weighted =
        KNeighborsClassifier.builder().k(3).weights(Weights.DISTANCE).build().fit(train);
    assertEquals(0, weighted.predict(q));
    double w0 = 1 / 0.1;
    double w1 = 1 / Math.abs(2 - 0.1) + 1 / Math.abs(2.2 - 0.1);
    assertArrayEquals(
        new double[] {w0 / (w0 + w1), w1 / (w0 + w1)}, weighted.predictProbabilities(q), 1e-12);
  }

  @Test
  void distanceWeightsCountOnlyExactMatchesWhenThereAreAny() {
    LabeledDataset train = line(new double[] {5, 5.001, 5.002}, new int[] {0, 1, 1}, 2);
    KNeighborsModel weighted =
        KNeighborsClassifier.builder().k(3).weights(Weights.DISTANCE).build().fit(train);
    assertEquals(0, weighted.predict(new double[] {5}));
    assertArrayEquals(new double[] {1, 0}, weighted.predictProbabilities(new double[] {5}), 0.0);

    LabeledDataset tied = line(new double[] {5, 5, 6}, new int[] {1, 0, 0}, 2);
    KNeighborsModel model =
        KNeighborsClassifier.builder().k(3).weights(Weights.DISTANCE).build().fit(tied);
    assertArrayEquals(new double[] {0.5, 0.5}, model.predictProbabilities(new double[] {5}), 0.0);
    assertEquals(0, model.predict(new double[] {5}));
  }

  @Test
  void predictionsEqualABruteForceVoteOnRandomData() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 200;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(3);
      x[i][0] = random.nextInt(6) + y[i];
      x[i][1] = random.nextInt(6);
    }
    LabeledDataset train = LabeledDataset.of("random", x, y);
    int k = 7;
    KNeighborsModel model = KNeighborsClassifier.builder().k(k).build().fit(train);
    double[][] queries = new double[100][2];
    for (double[] q : queries) {
      q[0] = random.nextInt(9);
      q[1] = random.nextInt(6);
    }
    int[] predicted = model.predict(queries);
    for (int q = 0; q < queries.length; q++) {
      // brute force: sort by (squared distance, index), vote, smallest class on ties
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      double[] qq = queries[q];
      java.util.Arrays.sort(
          order,
          java.util.Comparator.<Integer>comparingDouble(
                  i ->
                      (x[i][0] - qq[0]) * (x[i][0] - qq[0]) + (x[i][1] - qq[1]) * (x[i][1] - qq[1]))
              .thenComparingInt(i -> i));
      int[] votes = new int[3];
      for (int j = 0; j < k; j++) {
        votes[y[order[j]]]++;
      }
      int best = 0;
      for (int c = 1; c < 3; c++) {
        if (votes[c] > votes[best]) {
          best = c;
        }
      }
      assertEquals(best, predicted[q], "query " + q);
      assertEquals(best, model.predict(qq), "single query " + q);
    }
  }

  @Test
  void probabilitiesCoverEveryClassOfTheTrainingData() {
    LabeledDataset train = line(new double[] {0, 1, 2}, new int[] {0, 0, 3}, 5);
    KNeighborsModel model = KNeighborsClassifier.builder().k(3).build().fit(train);
    assertEquals(5, model.numClasses());
    assertArrayEquals(
        new double[] {2.0 / 3, 0, 0, 1.0 / 3, 0},
        model.predictProbabilities(new double[] {1}),
        1e-15);
  }

  @Test
  void fitRejectsKLargerThanTheTrainingSetNamingBoth() {
    LabeledDataset train = line(new double[] {0, 1, 2}, new int[] {0, 1, 0}, 2);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KNeighborsClassifier.builder().k(4).build().fit(train));
    assertTrue(
        String.valueOf(e.getMessage()).contains("k=4")
            && String.valueOf(e.getMessage()).contains("(3)"),
        e.getMessage());
  }

  @Test
  void builderRejectsNonPositiveK() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> KNeighborsClassifier.builder().k(0).build());
    assertTrue(String.valueOf(e.getMessage()).contains("k"), e.getMessage());
  }

  @Test
  void predictRejectsWrongLength() {
    LabeledDataset train = line(new double[] {0, 1, 2}, new int[] {0, 1, 0}, 2);
    KNeighborsModel model = KNeighborsClassifier.builder().k(1).build().fit(train);
    assertEquals(1, model.inputDimension());
    assertThrows(IllegalArgumentException.class, () -> model.predict(new double[] {1, 2}));
  }
}
