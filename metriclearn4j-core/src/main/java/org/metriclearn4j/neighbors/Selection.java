package org.metriclearn4j.neighbors;

import java.util.Arrays;

/** Order statistics and a stable key sort on primitive arrays, used by the exact index. */
final class Selection {
  private Selection() {}

  /**
   * Returns the {@code rank}-th smallest (0-based) of the first {@code length} values, reordering
   * them. Quickselect with median-of-three pivots that falls back to a full sort of the remaining
   * range if partitioning makes poor progress, so the worst case is {@code O(length log length)}.
   *
   * @param values written: the first {@code length} entries are permuted
   * @param length how many entries take part, {@code >= 1}
   * @param rank in {@code [0, length)}
   * @return the value of that rank
   */
  static double kthSmallest(double[] values, int length, int rank) {
    int lo = 0;
    int hi = length - 1;
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(length)) + 4;
    while (lo < hi) {
      if (budget-- == 0) {
        Arrays.sort(values, lo, hi + 1);
        return values[rank];
      }
      int mid = (lo + hi) >>> 1;
      double pivot = median(values[lo], values[mid], values[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double tmp = values[i];
          values[i] = values[j];
          values[j] = tmp;
          i++;
          j--;
        }
      }
      if (rank <= j) {
        hi = j;
      } else if (rank >= i) {
        lo = i;
      } else {
        return values[rank];
      }
    }
    return values[rank];
  }

  private static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /**
   * Sorts the first {@code length} pairs {@code (keys[i], items[i])} by key, keeping the input
   * order of equal keys (a bottom-up merge sort).
   *
   * @param keys written: sorted in place
   * @param items written: permuted with the keys
   * @param length how many pairs take part
   * @param keyBuffer scratch of at least {@code length}
   * @param itemBuffer scratch of at least {@code length}
   */
  static void stableSortByKey(
      double[] keys, int[] items, int length, double[] keyBuffer, int[] itemBuffer) {
    // short runs by insertion sort
    final int run = 16;
    for (int start = 0; start < length; start += run) {
      int end = Math.min(length, start + run);
      for (int i = start + 1; i < end; i++) {
        double key = keys[i];
        int item = items[i];
        int j = i - 1;
        while (j >= start && keys[j] > key) {
          keys[j + 1] = keys[j];
          items[j + 1] = items[j];
          j--;
        }
        keys[j + 1] = key;
        items[j + 1] = item;
      }
    }
    double[] srcKeys = keys;
    int[] srcItems = items;
    double[] dstKeys = keyBuffer;
    int[] dstItems = itemBuffer;
    for (int width = run; width < length; width *= 2) {
      for (int lo = 0; lo < length; lo += 2 * width) {
        int mid = Math.min(length, lo + width);
        int hi = Math.min(length, lo + 2 * width);
        int a = lo;
        int b = mid;
        for (int o = lo; o < hi; o++) {
          if (a < mid && (b >= hi || srcKeys[a] <= srcKeys[b])) {
            dstKeys[o] = srcKeys[a];
            dstItems[o] = srcItems[a++];
          } else {
            dstKeys[o] = srcKeys[b];
            dstItems[o] = srcItems[b++];
          }
        }
      }
      double[] tk = srcKeys;
      srcKeys = dstKeys;
      dstKeys = tk;
      int[] ti = srcItems;
      srcItems = dstItems;
      dstItems = ti;
    }
    if (srcKeys != keys) {
      System.arraycopy(srcKeys, 0, keys, 0, length);
      System.arraycopy(srcItems, 0, items, 0, length);
    }
  }
}
