package org.metriclearn4j.learn;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.evaluation.clustering.KMeans;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;

/**
 * The rank-one basis sets of SCML (package-private): differences of constrained pairs, and the
 * local discriminant directions of Shi, Bellet and Sha (2014), Fisher discriminant analysis on the
 * neighbourhoods of k-means centres at two scales. Deterministic given the seed.
 */
final class ScmlBases {
  private ScmlBases() {}

  /**
   * Returns {@code count} unit-length differences {@code x_i - x_j} of distinct pairs drawn
   * uniformly without replacement (with the seed) from the given pairs; pairs of identical points
   * and repeated pairs are skipped.
   *
   * @param x the points
   * @param first first index of each candidate pair
   * @param second second index of each candidate pair
   * @param count the number of bases wanted, {@code >= 1}
   * @param seed the seed
   * @return at most {@code count} bases as rows
   */
  static DMatrixRMaj pairDifferences(
      DMatrixRMaj x, int[] first, int[] second, int count, long seed) {
    int d = x.numCols;
    java.util.LinkedHashSet<Long> unique = new java.util.LinkedHashSet<>();
    for (int p = 0; p < first.length; p++) {
      int a = Math.min(first[p], second[p]);
      int b = Math.max(first[p], second[p]);
      if (a != b) {
        unique.add(((long) a << 32) | b);
      }
    }
    long[] codes = unique.stream().mapToLong(Long::longValue).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    int take = Math.min(count, codes.length);
    for (int i = 0; i < take; i++) {
      int j = i + random.nextInt(codes.length - i);
      long t = codes[i];
      codes[i] = codes[j];
      codes[j] = t;
    }
    double[] rows = new double[take * d];
    int kept = 0;
    for (int i = 0; i < take; i++) {
      int a = (int) (codes[i] >>> 32);
      int b = (int) codes[i];
      double norm = 0;
      for (int t = 0; t < d; t++) {
        double v = x.data[a * d + t] - x.data[b * d + t];
        rows[kept * d + t] = v;
        norm += v * v;
      }
      if (norm > 0) {
        double inv = 1.0 / Math.sqrt(norm);
        for (int t = 0; t < d; t++) {
          rows[kept * d + t] *= inv;
        }
        kept++;
      }
    }
    return new DMatrixRMaj(kept, d, true, Arrays.copyOf(rows, kept * d));
  }

  /**
   * Returns local discriminant bases: {@code k}-means ({@code k = ceil(count / (2 e))} centres,
   * {@code e = min(c - 1, d)}) on the points; around each centre, for each class, the {@code s}
   * nearest points of that class, at the scales {@code s = 10} and {@code 20} ({@code 20} and
   * {@code 50} when {@code d > 50}); on each neighbourhood, the {@code e} leading Fisher
   * discriminant directions (unit length). The first {@code count} of these directions, all of the
   * first scale then the second, are returned.
   *
   * @param x the {@code n x d} points
   * @param labels class indices in {@code [0, numClasses)}
   * @param numClasses the number of class indices
   * @param count the number of bases wanted
   * @param seed the seed of k-means
   * @return the bases as rows
   */
  static DMatrixRMaj localDiscriminant(
      DMatrixRMaj x, int[] labels, int numClasses, int count, long seed) {
    int n = x.numRows;
    int d = x.numCols;
    int[][] members = membersByClass(labels, numClasses);
    int present = 0;
    for (int[] m : members) {
      if (m.length > 0) {
        present++;
      }
    }
    int e = Math.min(present - 1, d);
    int clusters = Math.min(n, (int) Math.ceil(count / (2.0 * e)));
    DMatrixRMaj centres = kMeans(x, clusters, seed);
    int[] scales = d > 50 ? new int[] {20, 50} : new int[] {10, 20};
    DMatrixRMaj toCentres = Kernels.squaredDistances(centres, x);
    double[] out = new double[clusters * 2 * e * d];
    int rows = 0;
    for (int scale : scales) {
      for (int k = 0; k < clusters; k++) {
        int[] hood = neighbourhood(toCentres, k, members, scale);
        double[][] dirs = fisherDirections(x, labels, hood, numClasses, e);
        for (double[] dir : dirs) {
          System.arraycopy(dir, 0, out, rows * d, d);
          rows++;
        }
      }
    }
    int keep = Math.min(rows, count);
    return new DMatrixRMaj(keep, d, true, Arrays.copyOf(out, keep * d));
  }

  private static int[][] membersByClass(int[] labels, int numClasses) {
    int[] counts = new int[numClasses];
    for (int y : labels) {
      counts[y]++;
    }
    int[][] members = new int[numClasses][];
    for (int c = 0; c < numClasses; c++) {
      members[c] = new int[counts[c]];
    }
    int[] fill = new int[numClasses];
    for (int i = 0; i < labels.length; i++) {
      members[labels[i]][fill[labels[i]]++] = i;
    }
    return members;
  }

  /** The {@code scale} nearest points of each class to centre {@code k} (ties to lower index). */
  private static int[] neighbourhood(DMatrixRMaj toCentres, int k, int[][] members, int scale) {
    int n = toCentres.numCols;
    int total = 0;
    for (int[] m : members) {
      total += Math.min(m.length, scale);
    }
    int[] out = new int[total];
    int o = 0;
    for (int[] m : members) {
      int take = Math.min(m.length, scale);
      if (take == 0) {
        continue;
      }
      Integer[] order = new Integer[m.length];
      for (int i = 0; i < m.length; i++) {
        order[i] = m[i];
      }
      final int row = k * n;
      Arrays.sort(
          order,
          (p, q) -> {
            int cmp = Double.compare(toCentres.data[row + p], toCentres.data[row + q]);
            return cmp != 0 ? cmp : Integer.compare(p, q);
          });
      for (int i = 0; i < take; i++) {
        out[o++] = order[i];
      }
    }
    return out;
  }

  /**
   * Returns the {@code e} leading unit directions of Fisher's discriminant on the given points:
   * eigenvectors of {@code Sw^-1/2 Sb Sw^-1/2} mapped back by {@code Sw^-1/2}, with {@code Sw} the
   * within-class scatter plus a ridge of {@code 1e-3} times its mean diagonal.
   */
  static double[][] fisherDirections(
      DMatrixRMaj x, int[] labels, int[] rows, int numClasses, int e) {
    int d = x.numCols;
    double[] mean = new double[d];
    double[][] classMean = new double[numClasses][d];
    int[] counts = new int[numClasses];
    for (int r : rows) {
      counts[labels[r]]++;
      for (int t = 0; t < d; t++) {
        double v = x.data[r * d + t];
        mean[t] += v / rows.length;
        classMean[labels[r]][t] += v;
      }
    }
    for (int c = 0; c < numClasses; c++) {
      for (int t = 0; t < d && counts[c] > 0; t++) {
        classMean[c][t] /= counts[c];
      }
    }
    DMatrixRMaj within = new DMatrixRMaj(d, d);
    DMatrixRMaj centred = new DMatrixRMaj(rows.length, d);
    for (int i = 0; i < rows.length; i++) {
      int r = rows[i];
      for (int t = 0; t < d; t++) {
        centred.data[i * d + t] = x.data[r * d + t] - classMean[labels[r]][t];
      }
    }
    Gemm.multTransA(centred, centred, within);
    DMatrixRMaj between = new DMatrixRMaj(d, d);
    for (int c = 0; c < numClasses; c++) {
      if (counts[c] == 0) {
        continue;
      }
      for (int i = 0; i < d; i++) {
        double di = classMean[c][i] - mean[i];
        for (int j = 0; j < d; j++) {
          between.data[i * d + j] += counts[c] * di * (classMean[c][j] - mean[j]);
        }
      }
    }
    double scale = CommonOps_DDRM.trace(within) / d;
    if (!(scale > 0)) {
      scale = Math.max(CommonOps_DDRM.trace(between) / d, 1.0);
    }
    SymmetricEigen w = Kernels.symmetricEigen(within);
    DMatrixRMaj invRoot = new DMatrixRMaj(d, d);
    for (int c = 0; c < d; c++) {
      double s = 1.0 / Math.sqrt(Math.max(w.values()[c], 0) + 1e-3 * scale);
      for (int r = 0; r < d; r++) {
        double v = w.vectors().get(r, c) * s;
        for (int q = 0; q < d; q++) {
          invRoot.data[r * d + q] += v * w.vectors().get(q, c);
        }
      }
    }
    DMatrixRMaj tmp = new DMatrixRMaj(d, d);
    DMatrixRMaj whitened = new DMatrixRMaj(d, d);
    Gemm.mult(invRoot, between, tmp);
    Gemm.mult(tmp, invRoot, whitened);
    SymmetricEigen b = Kernels.symmetricEigen(whitened);
    double[][] dirs = new double[e][d];
    for (int k = 0; k < e; k++) {
      double norm = 0;
      for (int r = 0; r < d; r++) {
        double s = 0;
        for (int q = 0; q < d; q++) {
          s += invRoot.get(r, q) * b.vectors().get(q, k);
        }
        dirs[k][r] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm);
      for (int r = 0; r < d; r++) {
        dirs[k][r] = norm > 0 ? dirs[k][r] / norm : (r == k % d ? 1 : 0);
      }
    }
    return dirs;
  }

  /**
   * Returns {@code k} centres by {@link KMeans} (greedy k-means++ seeding, Lloyd iterations, the
   * best of 10 restarts) with the seed.
   */
  static DMatrixRMaj kMeans(DMatrixRMaj x, int k, long seed) {
    return Kernels.toMatrix(
        KMeans.builder(k).seed(seed).build().fit(Kernels.toRows(x)).centroids());
  }
}
