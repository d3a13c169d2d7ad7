package org.metriclearn4j.deep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MnistDatasetsTest {

  @Test
  void bundledTestSplitHasThePublishedClassCounts() {
    TensorDataset test = MnistDatasets.mnist(MnistDatasets.Split.TEST);
    assertEquals(10_000, test.size());
    assertArrayEquals(new long[] {1, 28, 28}, test.sampleShape());
    int[] counts = new int[10];
    for (int label : test.labels()) {
      counts[label]++;
    }
    // class counts of the official MNIST test set
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, counts);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : test.values()) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(0f, min, 0f);
    assertEquals(1f, max, 0f);
    assertEquals("mnist-test", test.name());
  }
}
