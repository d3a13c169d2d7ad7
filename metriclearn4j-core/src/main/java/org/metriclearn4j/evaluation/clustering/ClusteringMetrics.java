package org.metriclearn4j.evaluation.clustering;

import java.util.Arrays;
import org.metriclearn4j.evaluation.retrieval.EmbeddingDistance;

/**
 * Agreement between two labelings of the same samples (for example the true classes and a
 * clustering), by mutual information in nats:
 *
 * <ul>
 *   <li>{@code MI(U, V) = sum_ij (n_ij / N) ln(N n_ij / (a_i b_j))} over the contingency table
 *       {@code n_ij} with row sums {@code a_i} and column sums {@code b_j};
 *   <li>{@code NMI = MI / ((H(U) + H(V)) / 2)}, the arithmetic-mean normalisation (scikit-learn's
 *       default since 0.22);
 *   <li>{@code AMI = (MI - E[MI]) / ((H(U) + H(V)) / 2 - E[MI])}, adjusted for chance with the
 *       expected mutual information {@code E[MI]} of two random labelings with the same cluster
 *       sizes under the hypergeometric model (N. X. Vinh, J. Epps, J. Bailey, "Information
 *       theoretic measures for clusterings comparison: variants, properties, normalization and
 *       correction for chance", JMLR 11, 2010, eq. 24a).
 * </ul>
 *
 * Labels are any integers; only the partition matters. As in scikit-learn, NMI and AMI are 1 when
 * both labelings put every sample in one cluster, NMI is 0 when the mutual information is 0, and
 * the AMI denominator is kept at least machine epsilon away from 0. AMI is about 0 for independent
 * labelings and can be negative.
 */
public final class ClusteringMetrics {
  private static final double EPS = Math.ulp(1.0);

  private ClusteringMetrics() {}

  /**
   * Returns the mutual information of two labelings.
   *
   * @param a the first labeling, one label per sample
   * @param b the second labeling, same length
   * @return {@code MI(a, b) >= 0} in nats
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static double mutualInformation(int[] a, int[] b) {
    return mutualInformation(contingency(a, b), a.length);
  }

  /**
   * Returns the normalised mutual information with arithmetic-mean normalisation.
   *
   * @param a the first labeling, one label per sample
   * @param b the second labeling, same length
   * @return NMI in {@code [0, 1]}
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static double normalizedMutualInformation(int[] a, int[] b) {
    int[][] table = contingency(a, b);
    if (bothSingle(table)) {
      return 1;
    }
    double mi = mutualInformation(table, a.length);
    if (mi == 0) {
      return 0;
    }
    double normalizer = Math.max(meanEntropy(table, a.length), EPS);
    return Math.min(1, mi / normalizer);
  }

  /**
   * Returns the adjusted mutual information with arithmetic-mean normalisation.
   *
   * @param a the first labeling, one label per sample
   * @param b the second labeling, same length
   * @return AMI, at most 1, about 0 for independent labelings
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static double adjustedMutualInformation(int[] a, int[] b) {
    int[][] table = contingency(a, b);
    if (bothSingle(table)) {
      return 1;
    }
    int n = a.length;
    double mi = mutualInformation(table, n);
    double emi = expectedMutualInformation(table, n);
    double denominator = meanEntropy(table, n) - emi;
    denominator = denominator < 0 ? Math.min(denominator, -EPS) : Math.max(denominator, EPS);
    return (mi - emi) / denominator;
  }

  /**
   * Returns the expected mutual information of two random labelings with the cluster sizes of
   * {@code a} and {@code b} (Vinh, Epps, Bailey 2010, eq. 24a), evaluated with log-factorials.
   *
   * @param a the first labeling, one label per sample
   * @param b the second labeling, same length
   * @return {@code E[MI] >= 0} in nats
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static double expectedMutualInformation(int[] a, int[] b) {
    return expectedMutualInformation(contingency(a, b), a.length);
  }

  /**
   * Clusters embeddings with k-means ({@code k} = number of distinct labels, {@link KMeans}
   * defaults) and scores the clustering against the labels, the NMI/AMI protocol of deep metric
   * learning benchmarks.
   *
   * @param embeddings {@code n} rows of equal length, finite
   * @param labels {@code n} labels
   * @param distance {@link EmbeddingDistance#COSINE} L2-normalises the rows before clustering
   * @param seed the k-means seed
   * @return NMI, AMI and the clustering's size and inertia
   * @throws IllegalArgumentException if shapes disagree, a value is not finite, or a row is zero
   *     under the cosine distance
   */
  public static ClusteringReport evaluateKMeans(
      double[][] embeddings, int[] labels, EmbeddingDistance distance, long seed) {
    if (embeddings.length != labels.length) {
      throw new IllegalArgumentException(
          "labels: expected "
              + embeddings.length
              + " labels (one per row), found "
              + labels.length);
    }
    KMeans.checkRows(embeddings, embeddings.length == 0 ? 0 : embeddings[0].length);
    double[][] x = embeddings;
    if (distance == EmbeddingDistance.COSINE) {
      x = new double[embeddings.length][];
      for (int i = 0; i < x.length; i++) {
        double s = 0;
        for (double v : embeddings[i]) {
          s += v * v;
        }
        if (s == 0) {
          throw new IllegalArgumentException(
              "embeddings: expected non-zero rows for the cosine distance, found a zero row at "
                  + i);
        }
        double norm = Math.sqrt(s);
        x[i] = new double[embeddings[i].length];
        for (int j = 0; j < x[i].length; j++) {
          x[i][j] = embeddings[i][j] / norm;
        }
      }
    }
    int k = (int) Arrays.stream(labels).distinct().count();
    KMeansResult clustering = KMeans.builder(k).seed(seed).build().fit(x);
    int[] predicted = clustering.assignments();
    return new ClusteringReport(
        normalizedMutualInformation(labels, predicted),
        adjustedMutualInformation(labels, predicted),
        k,
        clustering.inertia());
  }

  /** Returns the contingency table, rows = distinct labels of {@code a} in ascending order. */
  static int[][] contingency(int[] a, int[] b) {
    if (a.length == 0) {
      throw new IllegalArgumentException("a: expected at least one label, found none");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "b: expected " + a.length + " labels like a, found " + b.length);
    }
    int[] rowOf = compact(a);
    int[] colOf = compact(b);
    int rows = Arrays.stream(rowOf).max().orElse(0) + 1;
    int cols = Arrays.stream(colOf).max().orElse(0) + 1;
    int[][] table = new int[rows][cols];
    for (int i = 0; i < a.length; i++) {
      table[rowOf[i]][colOf[i]]++;
    }
    return table;
  }

  /** Maps labels to {@code 0..distinct-1} in ascending label order. */
  private static int[] compact(int[] labels) {
    int[] distinct = Arrays.stream(labels).distinct().sorted().toArray();
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = Arrays.binarySearch(distinct, labels[i]);
    }
    return out;
  }

  private static boolean bothSingle(int[][] table) {
    return table.length == 1 && table[0].length == 1;
  }

  private static double mutualInformation(int[][] table, int n) {
    int[] rowSums = rowSums(table);
    int[] colSums = colSums(table);
    double mi = 0;
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table[i].length; j++) {
        int nij = table[i][j];
        if (nij > 0) {
          mi += (double) nij / n * Math.log((double) n * nij / ((double) rowSums[i] * colSums[j]));
        }
      }
    }
    return Math.max(0, mi);
  }

  private static double meanEntropy(int[][] table, int n) {
    return 0.5 * (entropy(rowSums(table), n) + entropy(colSums(table), n));
  }

  private static double entropy(int[] counts, int n) {
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / n;
        h -= p * Math.log(p);
      }
    }
    return Math.max(0, h);
  }

  private static double expectedMutualInformation(int[][] table, int n) {
    int[] rowSums = rowSums(table);
    int[] colSums = colSums(table);
    double[] logFactorial = logFactorials(n);
    double emi = 0;
    for (int ai : rowSums) {
      for (int bj : colSums) {
        double constant =
            logFactorial[ai]
                + logFactorial[bj]
                + logFactorial[n - ai]
                + logFactorial[n - bj]
                - logFactorial[n];
        int start = Math.max(1, ai + bj - n);
        int end = Math.min(ai, bj);
        for (int nij = start; nij <= end; nij++) {
          double logProbability =
              constant
                  - logFactorial[nij]
                  - logFactorial[ai - nij]
                  - logFactorial[bj - nij]
                  - logFactorial[n - ai - bj + nij];
          double term = (double) nij / n * Math.log((double) n * nij / ((double) ai * bj));
          emi += term * Math.exp(logProbability);
        }
      }
    }
    return Math.max(0, emi);
  }

  /** Returns {@code ln k!} for {@code k = 0..n}, summed with Kahan compensation. */
  private static double[] logFactorials(int n) {
    double[] out = new double[n + 1];
    double sum = 0;
    double compensation = 0;
    for (int k = 2; k <= n; k++) {
      double y = Math.log(k) - compensation;
      double t = sum + y;
      compensation = (t - sum) - y;
      sum = t;
      out[k] = sum;
    }
    return out;
  }

  private static int[] rowSums(int[][] table) {
    int[] sums = new int[table.length];
    for (int i = 0; i < table.length; i++) {
      for (int v : table[i]) {
        sums[i] += v;
      }
    }
    return sums;
  }

  private static int[] colSums(int[][] table) {
    int[] sums = new int[table[0].length];
    for (int[] row : table) {
      for (int j = 0; j < row.length; j++) {
        sums[j] += row[j];
      }
    }
    return sums;
  }
}
