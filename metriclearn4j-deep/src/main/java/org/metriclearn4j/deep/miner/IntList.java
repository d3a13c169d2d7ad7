package org.metriclearn4j.deep.miner;

import java.util.Arrays;

/** A growable list of {@code int}s, for miners that do not know their output size in advance. */
final class IntList {
  private int[] values;
  private int size;

  IntList() {
    this(16);
  }

  IntList(int capacity) {
    values = new int[Math.max(capacity, 1)];
  }

  void add(int value) {
    if (size == values.length) {
      if (values.length >= Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "too many tuples for one batch: more than " + (Integer.MAX_VALUE - 8));
      }
      values =
          Arrays.copyOf(values, (int) Math.min((long) values.length * 2, Integer.MAX_VALUE - 8));
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  static int max(int[] values) {
    int max = -1;
    for (int v : values) {
      max = Math.max(max, v);
    }
    return max;
  }
}
