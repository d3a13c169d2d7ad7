package org.metriclearn4j.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.metriclearn4j.data.LabeledDataset;

/**
 * Stratified k-fold splitting: every test fold gets about the same share of each class.
 *
 * <p>The unshuffled split reproduces scikit-learn's {@code StratifiedKFold(n_splits=k)} (the
 * default of its {@code cross_val_score}) exactly:
 *
 * <ol>
 *   <li>classes are numbered in the order of their first appearance in the data;
 *   <li>the labels, so numbered, are sorted, and fold {@code f} receives, of each class, as many
 *       samples as that class has at positions {@code f, f + k, f + 2k, ...} of the sorted list;
 *   <li>each class's samples, in data order, go to fold 0 for its first share, fold 1 for the next,
 *       and so on.
 * </ol>
 *
 * <p>The shuffled split uses the same per-class shares and shuffles, for each class, which of its
 * samples go to which fold, with a {@link SplittableRandom} seeded by {@code seed}. It is
 * reproducible from the seed but draws different folds than scikit-learn's (which use NumPy's
 * generator); use {@link ReferenceFolds} or {@link FoldsFile} to reproduce those.
 *
 * <p>A class with fewer than {@code k} samples is allowed: it is simply absent from some test folds
 * (scikit-learn warns in that case). Only {@code k} greater than the number of samples is an error,
 * since some fold would be empty. Immutable.
 */
public final class StratifiedKFold {
  private final int k;
  private final boolean shuffle;
  private final long seed;

  private StratifiedKFold(int k, boolean shuffle, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("k: expected at least 2 folds, found " + k);
    }
    this.k = k;
    this.shuffle = shuffle;
    this.seed = seed;
  }

  /**
   * Returns the unshuffled split into {@code k} folds, identical to scikit-learn's.
   *
   * @param k the number of folds, {@code >= 2}
   * @return the splitter
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static StratifiedKFold unshuffled(int k) {
    return new StratifiedKFold(k, false, 0L);
  }

  /**
   * Returns the split into {@code k} folds with the members of each class shuffled among the folds.
   *
   * @param k the number of folds, {@code >= 2}
   * @param seed the random seed; the same seed gives the same folds
   * @return the splitter
   * @throws IllegalArgumentException if {@code k < 2}
   */
  public static StratifiedKFold shuffled(int k, long seed) {
    return new StratifiedKFold(k, true, seed);
  }

  /**
   * Returns the number of folds.
   *
   * @return the number of folds
   */
  public int numFolds() {
    return k;
  }

  /**
   * Returns whether class members are shuffled among folds.
   *
   * @return whether class members are shuffled among folds
   */
  public boolean isShuffled() {
    return shuffle;
  }

  /**
   * Returns the seed of a shuffled split (0 for an unshuffled one).
   *
   * @return the seed of a shuffled split (0 for an unshuffled one)
   */
  public long seed() {
    return seed;
  }

  /**
   * Splits a dataset into stratified folds.
   *
   * @param data the dataset (only its labels are read)
   * @return the folds, every one non-empty
   * @throws IllegalArgumentException if the dataset has fewer samples than folds
   */
  public Folds split(LabeledDataset data) {
    int n = data.size();
    if (k > n) {
      throw new IllegalArgumentException(
          "k: expected at most the number of samples ("
              + n
              + ") in dataset '"
              + data.name()
              + "', found "
              + k
              + " folds");
    }
    int[] labels = data.labels();
    // classes in order of first appearance
    int[] code = new int[data.numClasses()];
    Arrays.fill(code, -1);
    int numCodes = 0;
    for (int label : labels) {
      if (code[label] < 0) {
        code[label] = numCodes++;
      }
    }
    int[] counts = new int[numCodes];
    for (int label : labels) {
      counts[code[label]]++;
    }
    // share[f][c]: positions p = f (mod k) of the sorted codes that hold class c
    int[][] share = new int[k][numCodes];
    int start = 0;
    for (int c = 0; c < numCodes; c++) {
      int end = start + counts[c];
      for (int f = 0; f < k; f++) {
        share[f][c] = positionsCongruent(start, end, f, k);
      }
      start = end;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[][] foldsOfClass = new int[numCodes][];
    for (int c = 0; c < numCodes; c++) {
      int[] folds = new int[counts[c]];
      int fill = 0;
      for (int f = 0; f < k; f++) {
        for (int r = 0; r < share[f][c]; r++) {
          folds[fill++] = f;
        }
      }
      if (shuffle) {
        for (int i = folds.length - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          int tmp = folds[i];
          folds[i] = folds[j];
          folds[j] = tmp;
        }
      }
      foldsOfClass[c] = folds;
    }
    int[] next = new int[numCodes];
    int[] assignment = new int[n];
    for (int i = 0; i < n; i++) {
      int c = code[labels[i]];
      assignment[i] = foldsOfClass[c][next[c]++];
    }
    return Folds.fromAssignment(assignment);
  }

  /**
   * Returns how many integers p in [start, end) satisfy p = f (mod k).
   *
   * @return how many integers p in [start, end) satisfy p = f (mod k)
   */
  private static int positionsCongruent(int start, int end, int f, int k) {
    return countBelow(end, f, k) - countBelow(start, f, k);
  }

  /**
   * Returns how many integers p in [0, limit) satisfy p = f (mod k), for 0 <= f < k.
   *
   * @return how many integers p in [0, limit) satisfy p = f (mod k), for 0 <= f < k
   */
  private static int countBelow(int limit, int f, int k) {
    return limit <= f ? 0 : (limit - f - 1) / k + 1;
  }

  @Override
  public String toString() {
    return shuffle
        ? "StratifiedKFold[k=" + k + ", shuffled, seed=" + seed + "]"
        : "StratifiedKFold[k=" + k + ", unshuffled]";
  }
}
