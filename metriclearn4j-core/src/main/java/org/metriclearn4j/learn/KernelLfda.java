package org.metriclearn4j.learn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.kernel.Kernel;
import org.metriclearn4j.kernel.KernelTransform;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.linalg.TopEigen;
import org.metriclearn4j.transform.TransformLearner;

/**
 * Kernel Local Fisher Discriminant Analysis: LFDA in the feature space of a {@link Kernel} (M.
 * Sugiyama, "Dimensionality reduction of multimodal labeled data by local Fisher discriminant
 * analysis", JMLR 8 (2007), §5.1 "Kernel LFDA"). It separates classes that no linear map can (two
 * concentric rings), and its fitted form is a {@link KernelTransform}, not a Mahalanobis metric: a
 * new point {@code x} maps to {@code A^T k(x)}, its kernel values against the training points
 * projected on learned coefficients.
 *
 * <p>Sugiyama's criterion over the coefficients {@code alpha} ({@code m} training points, kernel
 * matrix {@code K}, LFDA's weight Laplacians {@code L_lb}, {@code L_lw}):
 *
 * <pre>
 *   max tr((A^T (K L_lw K + eps I) A)^{-1} A^T K L_lb K A).
 * </pre>
 *
 * It is solved exactly in the span of the leading eigenvectors of {@code K = U Lambda U^T}: with
 * {@code alpha = U Lambda^{-1/2} w} and the feature map {@code phi(x) = Lambda^{-1/2} U^T k(x)} (so
 * {@code phi(x_i)} are the rows of {@code U Lambda^{1/2}}), the criterion becomes linear LFDA on
 * {@code phi} with the within scatter regularised by {@code eps Lambda^{-1}}. All {@code m}
 * components make this exact; {@code kernelRank} leading ones (eigenvalues above {@code 1e-10}
 * times the largest) keep the cost at {@code O(m^2 rank)} instead of {@code O(m^3)}. The local
 * scaling uses distances in the feature space ({@code ||phi(x_i) - phi(x_j)||}), as in Sugiyama's
 * code.
 *
 * <p>Defaults: kernel {@link Kernel#rbf()} ({@code gamma = 1/d}: standardise first), {@code k = 7},
 * embedding {@link Lfda.Embedding#WEIGHTED}, output dimension {@code d} (the input dimension, at
 * most the kernel rank), regularization {@code 1e-3} ({@code eps = 1e-3 * tr(K L_lw K) / m}),
 * {@code kernelRank = 200}, {@code maxSamples = 1000} training points kept as the kernel basis
 * (beyond that, a class-stratified random subset drawn with the seed), seed 0. Needs at least two
 * classes.
 */
public final class KernelLfda implements TransformLearner {
  /** Default number of training points kept as the kernel basis. */
  public static final int DEFAULT_MAX_SAMPLES = 1000;

  /** Default number of leading kernel eigenvectors the problem is solved in. */
  public static final int DEFAULT_KERNEL_RANK = 200;

  /** Kernel eigenvalues not above this fraction of the largest are dropped. */
  static final double RELATIVE_EIGENVALUE_FLOOR = 1e-10;

  private final Kernel kernel;
  private final int neighbors;
  private final Lfda.Embedding embedding;
  private final int outputDimension;
  private final double regularization;
  private final int kernelRank;
  private final int maxSamples;
  private final long seed;

  private KernelLfda(Builder b) {
    this.kernel = b.kernel;
    this.neighbors = b.neighbors;
    this.embedding = b.embedding;
    this.outputDimension = b.outputDimension;
    this.regularization = b.regularization;
    this.kernelRank = b.kernelRank;
    this.maxSamples = b.maxSamples;
    this.seed = b.seed;
  }

  /**
   * Returns a builder with the defaults of the class comment.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the kernel. */
  public Kernel kernel() {
    return kernel;
  }

  /** Returns {@code k}, the neighbour used for local scaling. */
  public int neighbors() {
    return neighbors;
  }

  /** Returns the embedding. */
  public Lfda.Embedding embedding() {
    return embedding;
  }

  /** Returns the configured output dimension (0: the input dimension). */
  public int outputDimension() {
    return outputDimension;
  }

  /** Returns the relative regularisation {@code eps / (tr(K L_lw K) / m)}. */
  public double regularization() {
    return regularization;
  }

  /** Returns how many leading kernel eigenvectors the problem is solved in. */
  public int kernelRank() {
    return kernelRank;
  }

  /** Returns the largest number of training points kept as the kernel basis. */
  public int maxSamples() {
    return maxSamples;
  }

  /** Returns the seed (basis subset and eigen-solver start). */
  public long seed() {
    return seed;
  }

  @Override
  public String name() {
    return "kernel-lfda";
  }

  /**
   * Learns the kernel LFDA transform.
   *
   * @param data training data with at least two classes
   * @return the fitted kernel expansion (uncentred)
   * @throws IllegalArgumentException if the data have fewer than two classes
   */
  @Override
  public KernelTransform fit(LabeledDataset data) {
    if (data.numPresentClasses() < 2) {
      throw new IllegalArgumentException(
          "data: kernel LFDA needs samples of at least 2 classes to separate, found "
              + data.numPresentClasses()
              + " class; use KernelPca for single-class data");
    }
    int d = data.dimension();
    int[] chosen = stratifiedSample(data.labels(), maxSamples, seed);
    LabeledDataset sub = chosen.length == data.size() ? data : data.subset(chosen);
    int m = sub.size();
    int[] labels = sub.labels();
    DMatrixRMaj basis = Kernels.toMatrix(sub.features());
    DMatrixRMaj k = kernel.matrix(basis, basis);
    Kernels.symmetrize(k);
    SymmetricEigen eig = TopEigen.largest(k, Math.min(kernelRank, m), seed);
    int rank = eig.rankAbove(RELATIVE_EIGENVALUE_FLOOR);
    int wanted = outputDimension == 0 ? d : outputDimension;
    if (rank == 0) {
      // the kernel matrix is zero (or not positive): every point maps to 0
      return KernelTransform.uncentred(name(), kernel, Kernels.toRows(basis), new double[m][1]);
    }
    // phi = U Lambda^{1/2} (m x rank)
    double[] lambda = Arrays.copyOf(eig.values(), rank);
    DMatrixRMaj phi = new DMatrixRMaj(m, rank);
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < rank; c++) {
        phi.set(i, c, eig.vectors().get(i, c) * Math.sqrt(lambda[c]));
      }
    }
    LocalFisher.Scatter s = LocalFisher.scatter(phi, phi, labels, neighbors);
    DMatrixRMaj within = s.within().copy();
    double traceKlk = 0;
    for (int c = 0; c < rank; c++) {
      traceKlk += lambda[c] * within.get(c, c);
    }
    double eps = regularization * traceKlk / m;
    if (!(eps > 0)) {
      eps = regularization * lambda[0] / m;
    }
    for (int c = 0; c < rank; c++) {
      within.add(c, c, eps / lambda[c]);
    }
    LocalFisher.Generalized g =
        LocalFisher.generalizedEigen(s.between(), within, Math.min(wanted, rank));
    DMatrixRMaj t = LocalFisher.embed(g, embedding);
    // A = U Lambda^{-1/2} T  (m x r)
    DMatrixRMaj scaled = new DMatrixRMaj(m, rank);
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < rank; c++) {
        scaled.set(i, c, eig.vectors().get(i, c) / Math.sqrt(lambda[c]));
      }
    }
    DMatrixRMaj a = new DMatrixRMaj(m, t.numCols);
    Gemm.mult(scaled, t, a);
    return KernelTransform.uncentred(name(), kernel, Kernels.toRows(basis), Kernels.toRows(a));
  }

  /**
   * Returns all indices if there are at most {@code max}, else a class-stratified random subset:
   * each class keeps {@code max(min(n_c, 2), floor(n_c * max / n))} members drawn with the seed;
   * indices in increasing order.
   */
  static int[] stratifiedSample(int[] labels, int max, long seed) {
    int n = labels.length;
    if (n <= max) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> out = new ArrayList<>();
    for (int[] members : ClassNeighbors.byClass(labels)) {
      int nc = members.length;
      int take = Math.max(Math.min(nc, 2), (int) ((long) nc * max / n));
      int[] shuffled = members.clone();
      for (int i = 0; i < take; i++) {
        int j = i + random.nextInt(nc - i);
        int tmp = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = tmp;
        out.add(shuffled[i]);
      }
    }
    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  @Override
  public String toString() {
    return "KernelLfda["
        + kernel.name()
        + ", k="
        + neighbors
        + ", embedding="
        + embedding
        + ", outputDimension="
        + (outputDimension == 0 ? "d" : Integer.toString(outputDimension))
        + ", regularization="
        + regularization
        + ", kernelRank="
        + kernelRank
        + ", maxSamples="
        + maxSamples
        + ", seed="
        + seed
        + "]";
  }

  /** Builds a {@link KernelLfda}; {@link #build()} validates. */
  public static final class Builder {
    private Kernel kernel = Kernel.rbf();
    private int neighbors = 7;
    private Lfda.Embedding embedding = Lfda.Embedding.WEIGHTED;
    private int outputDimension;
    private boolean outputDimensionSet;
    private double regularization = 1e-3;
    private int kernelRank = DEFAULT_KERNEL_RANK;
    private int maxSamples = DEFAULT_MAX_SAMPLES;
    private long seed;

    private Builder() {}

    /**
     * Sets the kernel (default {@link Kernel#rbf()}).
     *
     * @param kernel the kernel
     * @return this builder
     */
    public Builder kernel(Kernel kernel) {
      this.kernel = kernel;
      return this;
    }

    /**
     * Sets {@code k}, the within-class neighbour whose distance is the local scale (default 7).
     *
     * @param k {@code >= 1}
     * @return this builder
     */
    public Builder neighbors(int k) {
      this.neighbors = k;
      return this;
    }

    /**
     * Sets the embedding (default {@link Lfda.Embedding#WEIGHTED}).
     *
     * @param embedding the embedding
     * @return this builder
     */
    public Builder embedding(Lfda.Embedding embedding) {
      this.embedding = embedding;
      return this;
    }

    /**
     * Sets the output dimension (default: the input dimension).
     *
     * @param outputDimension {@code >= 1}
     * @return this builder
     */
    public Builder outputDimension(int outputDimension) {
      this.outputDimension = outputDimension;
      this.outputDimensionSet = true;
      return this;
    }

    /**
     * Sets the regularisation {@code eps} relative to the mean diagonal of {@code K L_lw K}
     * (default 1e-3).
     *
     * @param regularization finite, {@code > 0}
     * @return this builder
     */
    public Builder regularization(double regularization) {
      this.regularization = regularization;
      return this;
    }

    /**
     * Sets how many leading kernel eigenvectors the problem is solved in (default {@value
     * #DEFAULT_KERNEL_RANK}).
     *
     * @param kernelRank {@code >= 1}
     * @return this builder
     */
    public Builder kernelRank(int kernelRank) {
      this.kernelRank = kernelRank;
      return this;
    }

    /**
     * Sets the largest number of training points kept as the kernel basis (default {@value
     * #DEFAULT_MAX_SAMPLES}).
     *
     * @param maxSamples {@code >= 2}
     * @return this builder
     */
    public Builder maxSamples(int maxSamples) {
      this.maxSamples = maxSamples;
      return this;
    }

    /**
     * Sets the seed (default 0).
     *
     * @param seed the seed of the basis subset and the eigen-solver
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @return the learner
     * @throws IllegalArgumentException if a setting is out of range
     */
    public KernelLfda build() {
      LocalFisher.checkSettings(neighbors, outputDimensionSet, outputDimension, regularization);
      if (kernelRank < 1) {
        throw new IllegalArgumentException("kernelRank: expected >= 1, found " + kernelRank);
      }
      if (maxSamples < 2) {
        throw new IllegalArgumentException("maxSamples: expected >= 2, found " + maxSamples);
      }
      return new KernelLfda(this);
    }
  }
}
