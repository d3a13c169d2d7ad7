package org.metriclearn4j.deep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, stratified ways to split or sample a labelled dataset by index. */
public final class Splits {
  private Splits() {}

  /**
   * A split into training and test indices.
   *
   * @param train training indices, ascending
   * @param test test indices, ascending
   */
  @SuppressWarnings("ArrayRecordComponent") // returned fresh to the caller
  public record TrainTest(int[] train, int[] test) {}

  /**
   * Splits stratified by class, as scikit-learn's {@code train_test_split(stratify=labels)}: the
   * test part gets {@code ceil(testFraction * n)} samples, shared among the classes in proportion
   * to their sizes (each class gets the floor of its share, and the samples left over go to the
   * classes with the largest remainders, ties to the smaller class index); each class sends that
   * many of its samples, chosen uniformly at random, to the test part.
   *
   * @param labels class indices
   * @param testFraction in {@code (0, 1)}
   * @param seed random seed
   * @return the split, indices ascending
   * @throws IllegalArgumentException if the fraction is outside {@code (0, 1)}, a label is
   *     negative, or either part would be empty
   */
  public static TrainTest stratified(int[] labels, double testFraction, long seed) {
    if (!(testFraction > 0.0 && testFraction < 1.0)) {
      throw new IllegalArgumentException(
          "testFraction: expected a value in (0, 1), found " + testFraction);
    }
    List<List<Integer>> byClass = byClass(labels);
    int n = labels.length;
    int testTotal = (int) Math.ceil(testFraction * n);
    if (testTotal < 1 || testTotal >= n) {
      throw new IllegalArgumentException(
          "testFraction: "
              + testFraction
              + " of "
              + n
              + " samples leaves "
              + testTotal
              + " for testing and "
              + (n - testTotal)
              + " for training; both must be at least 1");
    }
    int classes = byClass.size();
    int[] take = new int[classes];
    double[] remainder = new double[classes];
    int assigned = 0;
    for (int c = 0; c < classes; c++) {
      double share = (double) testTotal * byClass.get(c).size() / n;
      take[c] = (int) Math.floor(share);
      remainder[c] = share - take[c];
      assigned += take[c];
    }
    Integer[] order = new Integer[classes];
    for (int c = 0; c < classes; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
    for (int k = 0; assigned < testTotal; k = (k + 1) % classes) {
      int c = order[k];
      if (take[c] < byClass.get(c).size()) {
        take[c]++;
        assigned++;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] isTest = new boolean[n];
    for (int c = 0; c < classes; c++) {
      int[] idx = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
      shuffle(idx, random);
      for (int k = 0; k < take[c]; k++) {
        isTest[idx[k]] = true;
      }
    }
    int[] train = new int[n - testTotal];
    int[] test = new int[testTotal];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      if (isTest[i]) {
        test[b++] = i;
      } else {
        train[a++] = i;
      }
    }
    return new TrainTest(train, test);
  }

  /**
   * Draws up to {@code perClass} samples of every class uniformly at random without replacement.
   *
   * @param labels class indices
   * @param perClass at least 1
   * @param seed random seed
   * @return the chosen indices, ascending
   * @throws IllegalArgumentException if {@code perClass < 1} or a label is negative
   */
  public static int[] balancedSample(int[] labels, int perClass, long seed) {
    if (perClass < 1) {
      throw new IllegalArgumentException("perClass: expected >= 1, found " + perClass);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> chosen = new ArrayList<>();
    for (List<Integer> members : byClass(labels)) {
      int[] idx = members.stream().mapToInt(Integer::intValue).toArray();
      shuffle(idx, random);
      for (int k = 0; k < Math.min(perClass, idx.length); k++) {
        chosen.add(idx[k]);
      }
    }
    int[] out = chosen.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * Returns the indices whose label is in the given set, ascending (for class-disjoint splits).
   *
   * @param labels class indices
   * @param classes the classes to keep
   * @return matching indices
   */
  public static int[] ofClasses(int[] labels, int... classes) {
    return Arrays.stream(range(labels.length))
        .filter(i -> Arrays.stream(classes).anyMatch(c -> c == labels[i]))
        .toArray();
  }

  private static int[] range(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private static List<List<Integer>> byClass(int[] labels) {
    int max = -1;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            "labels: expected class indices >= 0, found " + labels[i] + " at " + i);
      }
      max = Math.max(max, labels[i]);
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c <= max; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    return byClass;
  }

  /** Fisher-Yates shuffle in place. */
  static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
