package org.metriclearn4j.deep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

  private static int[] labels() {
    int[] labels = new int[100];
    for (int i = 0; i < 100; i++) {
      labels[i] = i < 50 ? 0 : i < 80 ? 1 : 2; // 50 / 30 / 20
    }
    return labels;
  }

  @Test
  void stratifiedSplitPartitionsTheIndicesAndKeepsClassProportions() {
    int[] labels = labels();
    Splits.TrainTest split = Splits.stratified(labels, 0.3, 7);
    Set<Integer> all = new HashSet<>();
    for (int i : split.train()) {
      all.add(i);
    }
    for (int i : split.test()) {
      assertFalse(all.contains(i), "index in both parts: " + i);
      all.add(i);
    }
    assertEquals(100, all.size());
    int[] testCounts = new int[3];
    for (int i : split.test()) {
      testCounts[labels[i]]++;
    }
    assertArrayEquals(new int[] {15, 9, 6}, testCounts);
  }

  @Test
  void testSizeIsTheCeilingAndLeftoversGoToTheLargestRemainders() {
    // 10 samples of classes 5/3/2, 25 %: ceil(2.5) = 3 test samples; shares 1.5, 0.9, 0.6 ->
    // floors 1, 0, 0 and the two leftovers go to remainders 0.9 and 0.6
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
    Splits.TrainTest split = Splits.stratified(labels, 0.25, 3);
    int[] testCounts = new int[3];
    for (int i : split.test()) {
      testCounts[labels[i]]++;
    }
    assertArrayEquals(new int[] {1, 1, 1}, testCounts);
    assertEquals(7, split.train().length);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    int[] labels = labels();
    assertArrayEquals(
        Splits.stratified(labels, 0.3, 1).test(), Splits.stratified(labels, 0.3, 1).test());
    assertFalse(
        Arrays.equals(
            Splits.stratified(labels, 0.3, 1).test(), Splits.stratified(labels, 0.3, 2).test()));
  }

  @Test
  void balancedSampleTakesAtMostPerClassOfEachClass() {
    int[] labels = labels();
    int[] sample = Splits.balancedSample(labels, 25, 3);
    int[] counts = new int[3];
    for (int i : sample) {
      counts[labels[i]]++;
    }
    assertArrayEquals(new int[] {25, 25, 20}, counts);
    assertEquals(70, Arrays.stream(sample).distinct().count());
  }

  @Test
  void ofClassesKeepsOnlyTheNamedClasses() {
    assertArrayEquals(new int[] {1, 3}, Splits.ofClasses(new int[] {0, 2, 1, 2}, 2));
  }
}
