package org.metriclearn4j.evaluation;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An assignment of every sample of a dataset to exactly one test fold, as used by k-fold
 * cross-validation: in round {@code f}, the samples of fold {@code f} are the test set and all
 * others the training set. Immutable.
 */
public final class Folds {
  private final int[] assignment;
  private final int[][] testIndices;
  private final int[][] trainIndices;

  private Folds(int[] assignment, int numFolds) {
    this.assignment = assignment;
    int[] sizes = new int[numFolds];
    for (int f : assignment) {
      sizes[f]++;
    }
    testIndices = new int[numFolds][];
    trainIndices = new int[numFolds][];
    for (int f = 0; f < numFolds; f++) {
      testIndices[f] = new int[sizes[f]];
      trainIndices[f] = new int[assignment.length - sizes[f]];
    }
    int[] testFill = new int[numFolds];
    int[] trainFill = new int[numFolds];
    for (int i = 0; i < assignment.length; i++) {
      for (int f = 0; f < numFolds; f++) {
        if (assignment[i] == f) {
          testIndices[f][testFill[f]++] = i;
        } else {
          trainIndices[f][trainFill[f]++] = i;
        }
      }
    }
  }

  /**
   * Returns the folds given by a test-fold number per sample.
   *
   * @param testFold for each sample, the fold in which it is tested; values in {@code [0,
   *     numFolds)} where {@code numFolds} is one more than the largest value (copied)
   * @return the folds
   * @throws IllegalArgumentException if there are fewer than two folds, a value is negative or a
   *     fold in {@code [0, numFolds)} has no sample
   */
  public static Folds fromAssignment(int[] testFold) {
    int max = -1;
    for (int i = 0; i < testFold.length; i++) {
      if (testFold[i] < 0) {
        throw new IllegalArgumentException(
            "testFold: expected fold numbers >= 0, found " + testFold[i] + " for sample " + i);
      }
      max = Math.max(max, testFold[i]);
    }
    int numFolds = max + 1;
    if (numFolds < 2) {
      throw new IllegalArgumentException(
          "testFold: expected at least 2 folds (fold numbers 0 and 1), found "
              + numFolds
              + " among "
              + testFold.length
              + " samples");
    }
    boolean[] used = new boolean[numFolds];
    for (int f : testFold) {
      used[f] = true;
    }
    for (int f = 0; f < numFolds; f++) {
      if (!used[f]) {
        throw new IllegalArgumentException(
            "testFold: expected every fold in [0, "
                + numFolds
                + ") to have at least one sample, found fold "
                + f
                + " empty");
      }
    }
    return new Folds(testFold.clone(), numFolds);
  }

  /**
   * Returns the number of folds.
   *
   * @return the number of folds
   */
  public int numFolds() {
    return testIndices.length;
  }

  /**
   * Returns the number of samples.
   *
   * @return the number of samples
   */
  public int size() {
    return assignment.length;
  }

  /**
   * Returns the samples tested in fold {@code fold}.
   *
   * @param fold in {@code [0, numFolds())}
   * @return their indices, ascending (a copy)
   */
  public int[] testIndices(int fold) {
    return testIndices[checkFold(fold)].clone();
  }

  /**
   * Returns the samples trained on in fold {@code fold}: all samples not in its test set.
   *
   * @param fold in {@code [0, numFolds())}
   * @return their indices, ascending (a copy)
   */
  public int[] trainIndices(int fold) {
    return trainIndices[checkFold(fold)].clone();
  }

  /**
   * Returns the fold in which a sample is tested.
   *
   * @param sample in {@code [0, size())}
   * @return its test fold
   */
  public int foldOf(int sample) {
    if (sample < 0 || sample >= assignment.length) {
      throw new IllegalArgumentException(
          "sample: expected a value in [0, " + assignment.length + "), found " + sample);
    }
    return assignment[sample];
  }

  /**
   * Returns the test fold of every sample (a copy).
   *
   * @return the test fold of every sample (a copy)
   */
  public int[] assignment() {
    return assignment.clone();
  }

  private int checkFold(int fold) {
    if (fold < 0 || fold >= testIndices.length) {
      throw new IllegalArgumentException(
          "fold: expected a value in [0, " + testIndices.length + "), found " + fold);
    }
    return fold;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Folds && Arrays.equals(assignment, ((Folds) other).assignment);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(assignment);
  }

  @Override
  public String toString() {
    int[] sizes = new int[testIndices.length];
    for (int f = 0; f < sizes.length; f++) {
      sizes[f] = testIndices[f].length;
    }
    return "Folds[" + testIndices.length + " folds, test sizes " + Arrays.toString(sizes) + "]";
  }
}
