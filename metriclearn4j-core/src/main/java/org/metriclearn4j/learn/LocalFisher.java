package org.metriclearn4j.learn;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;

/**
 * The computations shared by {@link Lfda} and {@link KernelLfda} (Sugiyama, JMLR 8, 2007): the
 * local between- and within-class scatter with local-scaling affinities, and the generalised
 * eigen-problem with its three embeddings; and the validation of the settings they share.
 */
final class LocalFisher {
  /**
   * Classes of at most this many samples get their whole affinity matrix at once: each pair's
   * exponential is computed once (the matrix is symmetric) and the scatter is two dense products.
   * Larger classes go block by block with memory {@code O(block x n_c)}.
   */
  static final int DENSE_CLASS_LIMIT = 2048;

  private LocalFisher() {}

  /**
   * Validates the settings that both learners' builders take.
   *
   * @param neighbors {@code k} of the local scaling, {@code >= 1}
   * @param outputDimensionSet whether an output dimension was set
   * @param outputDimension the output dimension, {@code >= 1} when set
   * @param regularization the relative regularisation, finite and {@code > 0}
   * @throws IllegalArgumentException naming the first setting out of range
   */
  static void checkSettings(
      int neighbors, boolean outputDimensionSet, int outputDimension, double regularization) {
    if (neighbors < 1) {
      throw new IllegalArgumentException("neighbors: expected >= 1, found " + neighbors);
    }
    if (outputDimensionSet && outputDimension < 1) {
      throw new IllegalArgumentException(
          "outputDimension: expected >= 1, found " + outputDimension);
    }
    if (!(regularization > 0) || !Double.isFinite(regularization)) {
      throw new IllegalArgumentException(
          "regularization: expected a finite value > 0, found " + regularization);
    }
  }

  /**
   * The local scatter matrices of Sugiyama (2007), eqs. (8)–(12).
   *
   * @param between {@code S_lb = 1/2 sum_ij W_lb_ij (x_i - x_j)(x_i - x_j)^T}
   * @param within {@code S_lw = 1/2 sum_ij W_lw_ij (x_i - x_j)(x_i - x_j)^T}
   * @param total {@code S_t = sum_i (x_i - mean)(x_i - mean)^T}
   */
  record Scatter(DMatrixRMaj between, DMatrixRMaj within, DMatrixRMaj total) {}

  /**
   * Computes the local scatter matrices. With the affinity {@code A_ij = exp(-||x_i - x_j||^2 /
   * (sigma_i sigma_j))} ({@code sigma_i} the distance from {@code x_i} to its {@code k}-th nearest
   * neighbour in its class, or to the farthest when the class is smaller), {@code W_lw_ij = A_ij /
   * n_c} and {@code W_lb_ij = A_ij (1/n - 1/n_c)} for {@code i, j} in class {@code c}, {@code
   * W_lw_ij = 0} and {@code W_lb_ij = 1/n} otherwise. When {@code sigma_i sigma_j = 0} (duplicate
   * rows make the {@code k}-th neighbour distance 0), {@code A_ij} is 1 for identical points and 0
   * otherwise.
   *
   * <p>Uses {@code S_lb = S_t + 1/2 sum_{same class} ((A_ij - 1)/n) C_ij - S_lw} (because {@code
   * W_lb = W_lm - W_lw} with the mixture weights {@code W_lm = A/n} within and {@code 1/n} between
   * classes) and {@code sum_{i,j in c} C_ij = 2 n_c S_c} ({@code S_c} the class's own centred
   * scatter), so that only within-class pairs are visited: a class of at most {@link
   * #DENSE_CLASS_LIMIT} samples as one symmetric affinity matrix, a larger one in row blocks with
   * {@link Kernels#rowBlockScatter} (memory {@code O(block x n_c)}).
   *
   * @param x the {@code n x d} samples whose scatter is computed (read only)
   * @param affinitySpace the {@code n} samples, in any coordinates, whose Euclidean distances
   *     define the affinity (read only; may be {@code x} itself)
   * @param labels {@code n} class indices
   * @param k the local-scaling neighbour, {@code >= 1}
   * @return the scatter matrices
   */
  static Scatter scatter(DMatrixRMaj x, DMatrixRMaj affinitySpace, int[] labels, int k) {
    return scatter(x, affinitySpace, labels, k, DENSE_CLASS_LIMIT);
  }

  /**
   * {@link #scatter(DMatrixRMaj, DMatrixRMaj, int[], int)} with classes of at most {@code
   * denseClassLimit} samples done densely; package-private so that tests compare both paths.
   */
  static Scatter scatter(
      DMatrixRMaj x, DMatrixRMaj affinitySpace, int[] labels, int k, int denseClassLimit) {
    int n = x.numRows;
    int d = x.numCols;
    int da = affinitySpace.numCols;
    DMatrixRMaj centred = centre(x);
    DMatrixRMaj space = centre(affinitySpace);
    DMatrixRMaj total = new DMatrixRMaj(d, d);
    Gemm.multTransA(centred, centred, total);
    Kernels.symmetrize(total);
    DMatrixRMaj within = new DMatrixRMaj(d, d);
    DMatrixRMaj mixture = new DMatrixRMaj(d, d);
    List<int[]> classes = ClassNeighbors.byClass(labels);
    for (int[] members : classes) {
      int nc = members.length;
      if (nc < 2) {
        continue;
      }
      DMatrixRMaj xc = new DMatrixRMaj(nc, d);
      DMatrixRMaj ac = new DMatrixRMaj(nc, da);
      for (int a = 0; a < nc; a++) {
        System.arraycopy(centred.data, members[a] * d, xc.data, a * d, d);
        System.arraycopy(space.data, members[a] * da, ac.data, a * da, da);
      }
      DMatrixRMaj own = centre(xc);
      // sa = sum_ij A_ij C_ij over the class; the constant weight 1 gives 2 n_c times the class's
      // own centred scatter, so both S_lw and the mixture term come from this one pass
      DMatrixRMaj sa =
          nc <= denseClassLimit
              ? denseAffinityScatter(own, ac, k)
              : blockedAffinityScatter(xc, ac, k);
      DMatrixRMaj classScatter = new DMatrixRMaj(d, d);
      Gemm.multTransA(own, own, classScatter);
      CommonOps_DDRM.addEquals(within, 0.5 / nc, sa);
      CommonOps_DDRM.addEquals(mixture, 0.5 / n, sa);
      CommonOps_DDRM.addEquals(mixture, -(double) nc / n, classScatter);
    }
    DMatrixRMaj between = total.copy();
    CommonOps_DDRM.addEquals(between, mixture);
    CommonOps_DDRM.subtractEquals(between, within);
    Kernels.symmetrize(between);
    Kernels.symmetrize(within);
    return new Scatter(between, within, total);
  }

  /**
   * Returns {@code sum_ij A_ij C_ij} over one class from its whole, symmetric affinity matrix.
   *
   * @param xc the class's samples, centred on the class mean
   * @param ac the class's samples in the affinity space
   * @param k the local-scaling neighbour
   */
  private static DMatrixRMaj denseAffinityScatter(DMatrixRMaj xc, DMatrixRMaj ac, int k) {
    int nc = ac.numRows;
    DMatrixRMaj sq = Kernels.squaredDistances(ac, ac);
    int kc = Math.min(k, nc - 1);
    int[] best = new int[kc];
    double[] bestD = new double[kc];
    double[] sigma = new double[nc];
    for (int a = 0; a < nc; a++) {
      ClassNeighbors.smallest(sq.data, a * nc, nc, a, kc, best, bestD);
      sigma[a] = Math.sqrt(bestD[kc - 1]);
    }
    // the Laplacian diag(S 1) - S of S = A + A^T = 2 A (A symmetric, A_aa = 1), built in place:
    // the same values, bit for bit, as Kernels.pairwiseScatter builds from A
    DMatrixRMaj laplacian = new DMatrixRMaj(nc, nc);
    double[] ld = laplacian.data;
    for (int a = 0; a < nc; a++) {
      ld[a * nc + a] = -2;
      for (int b = a + 1; b < nc; b++) {
        double v = affinity(sq.data[a * nc + b], sigma[a] * sigma[b]);
        ld[a * nc + b] = -(v + v);
        ld[b * nc + a] = -(v + v);
      }
    }
    for (int a = 0; a < nc; a++) {
      double rowSum = 0;
      int off = a * nc;
      for (int b = 0; b < nc; b++) {
        rowSum -= ld[off + b];
      }
      ld[off + a] += rowSum;
    }
    return Kernels.laplacianScatter(xc, laplacian);
  }

  /**
   * Returns {@code sum_ij A_ij C_ij} over one class, its affinities computed block by block.
   *
   * @param xc the class's samples
   * @param ac the class's samples in the affinity space
   * @param k the local-scaling neighbour
   */
  private static DMatrixRMaj blockedAffinityScatter(DMatrixRMaj xc, DMatrixRMaj ac, int k) {
    int nc = ac.numRows;
    double[][] neighbours = ClassNeighbors.of(ac, new int[nc], k).squaredDistances();
    double[] sigma = new double[nc];
    for (int a = 0; a < nc; a++) {
      sigma[a] = Math.sqrt(neighbours[a][neighbours[a].length - 1]);
    }
    double[] norms = Kernels.squaredRowNorms(ac);
    return Kernels.rowBlockScatter(
        xc,
        (start, end, out) -> {
          Kernels.squaredDistancesRows(ac, norms, ac, norms, start, end, out, 0);
          for (int a = start; a < end; a++) {
            int off = (a - start) * nc;
            for (int b = 0; b < nc; b++) {
              out[off + b] = a == b ? 1 : affinity(out[off + b], sigma[a] * sigma[b]);
            }
          }
        });
  }

  /**
   * Returns the affinity {@code exp(-sq / denominator)} of two different samples at squared
   * distance {@code sq}; with a zero denominator (duplicates made a local scale 0), 1 for identical
   * points and 0 otherwise.
   */
  private static double affinity(double sq, double denominator) {
    if (denominator > 0) {
      return Math.exp(-sq / denominator);
    }
    return sq == 0 ? 1 : 0;
  }

  /** Returns {@code x} minus its column means (a new matrix). */
  static DMatrixRMaj centre(DMatrixRMaj x) {
    int n = x.numRows;
    int d = x.numCols;
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        mean[c] += x.data[i * d + c];
      }
    }
    for (int c = 0; c < d; c++) {
      mean[c] /= n;
    }
    DMatrixRMaj out = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        out.data[i * d + c] = x.data[i * d + c] - mean[c];
      }
    }
    return out;
  }

  /**
   * The solution of {@code S_b v = lambda B v} for a symmetric positive definite {@code B}:
   * eigenvalues in descending order and the vectors as columns, normalised so that {@code V^T B V =
   * I}.
   *
   * @param values generalised eigenvalues, largest first
   * @param vectors {@code p x r} directions
   */
  record Generalized(double[] values, DMatrixRMaj vectors) {}

  /**
   * Solves {@code S_b v = lambda B v} by whitening {@code B} ({@code B = Q D Q^T}, {@code W = Q
   * D^{-1/2}}) and diagonalising {@code W^T S_b W}. Directions where {@code B} has a non-positive
   * eigenvalue are left out.
   *
   * @param sb symmetric {@code p x p}
   * @param b symmetric positive definite {@code p x p}
   * @param count the number of leading pairs wanted
   * @return at most {@code count} pairs
   */
  static Generalized generalizedEigen(DMatrixRMaj sb, DMatrixRMaj b, int count) {
    int p = b.numRows;
    SymmetricEigen be = Kernels.symmetricEigen(b);
    int rank = 0;
    while (rank < p && be.values()[rank] > 0) {
      rank++;
    }
    DMatrixRMaj w = new DMatrixRMaj(p, rank);
    for (int c = 0; c < rank; c++) {
      double f = 1 / Math.sqrt(be.values()[c]);
      for (int r = 0; r < p; r++) {
        w.set(r, c, be.vectors().get(r, c) * f);
      }
    }
    DMatrixRMaj tmp = new DMatrixRMaj(rank, p);
    Gemm.multTransA(w, sb, tmp);
    DMatrixRMaj reduced = new DMatrixRMaj(rank, rank);
    Gemm.mult(tmp, w, reduced);
    SymmetricEigen re = Kernels.symmetricEigen(reduced);
    int r = Math.min(count, rank);
    DMatrixRMaj vectors = new DMatrixRMaj(p, r);
    DMatrixRMaj rv = new DMatrixRMaj(rank, r);
    CommonOps_DDRM.extract(re.vectors(), 0, rank, 0, r, rv, 0, 0);
    Gemm.mult(w, rv, vectors);
    double[] values = java.util.Arrays.copyOf(re.values(), r);
    fixSigns(vectors);
    return new Generalized(values, vectors);
  }

  /**
   * Returns the transformation {@code T} ({@code p x r}, one direction per column) of an embedding:
   * the directions as they are ({@code PLAIN}), scaled by {@code sqrt(max(lambda, 0))} ({@code
   * WEIGHTED}), or orthonormalised by Gram–Schmidt in order ({@code ORTHONORMALIZED}, the {@code Q}
   * of a thin QR factorisation with a positive diagonal in {@code R}).
   */
  static DMatrixRMaj embed(Generalized g, Lfda.Embedding embedding) {
    DMatrixRMaj t = g.vectors().copy();
    int p = t.numRows;
    int r = t.numCols;
    switch (embedding) {
      case PLAIN -> {
        return t;
      }
      case WEIGHTED -> {
        for (int c = 0; c < r; c++) {
          double f = Math.sqrt(Math.max(0, g.values()[c]));
          for (int row = 0; row < p; row++) {
            t.set(row, c, t.get(row, c) * f);
          }
        }
        return t;
      }
      case ORTHONORMALIZED -> {
        for (int c = 0; c < r; c++) {
          for (int pass = 0; pass < 2; pass++) {
            for (int prev = 0; prev < c; prev++) {
              double dot = 0;
              for (int row = 0; row < p; row++) {
                dot += t.get(row, c) * t.get(row, prev);
              }
              for (int row = 0; row < p; row++) {
                t.set(row, c, t.get(row, c) - dot * t.get(row, prev));
              }
            }
          }
          double norm = 0;
          for (int row = 0; row < p; row++) {
            norm += t.get(row, c) * t.get(row, c);
          }
          norm = Math.sqrt(norm);
          for (int row = 0; row < p; row++) {
            t.set(row, c, norm > 0 ? t.get(row, c) / norm : 0);
          }
        }
        return t;
      }
      default -> throw new IllegalStateException("unknown embedding " + embedding);
    }
  }

  /** Flips each column so that its entry of largest absolute value is positive. */
  static void fixSigns(DMatrixRMaj columns) {
    for (int c = 0; c < columns.numCols; c++) {
      int argmax = 0;
      for (int r = 1; r < columns.numRows; r++) {
        if (Math.abs(columns.get(r, c)) > Math.abs(columns.get(argmax, c))) {
          argmax = r;
        }
      }
      if (columns.get(argmax, c) < 0) {
        for (int r = 0; r < columns.numRows; r++) {
          columns.set(r, c, -columns.get(r, c));
        }
      }
    }
  }
}
