package org.metriclearn4j.deep.sampler;

import java.util.ArrayList;
import java.util.List;

/** The samples of each class, for the samplers. */
final class ClassIndex {
  final int[][] members;
  final int[] presentClasses;

  private ClassIndex(int[][] members, int[] presentClasses) {
    this.members = members;
    this.presentClasses = presentClasses;
  }

  static ClassIndex of(int[] labels) {
    if (labels.length == 0) {
      throw new IllegalArgumentException("labels: expected at least one sample, found none");
    }
    int max = -1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            "labels: expected class indices >= 0, found " + labels[i] + " at sample " + i);
      }
      max = Math.max(max, labels[i]);
    }
    int[] counts = new int[max + 1];
    for (int label : labels) {
      counts[label]++;
    }
    int[][] members = new int[max + 1][];
    for (int c = 0; c <= max; c++) {
      members[c] = new int[counts[c]];
    }
    int[] fill = new int[max + 1];
    for (int i = 0; i < labels.length; i++) {
      members[labels[i]][fill[labels[i]]++] = i;
    }
    List<Integer> present = new ArrayList<>();
    for (int c = 0; c <= max; c++) {
      if (counts[c] > 0) {
        present.add(c);
      }
    }
    return new ClassIndex(members, present.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Classes with at least {@code min} samples. */
  int[] classesWithAtLeast(int min) {
    return java.util.Arrays.stream(presentClasses).filter(c -> members[c].length >= min).toArray();
  }
}
