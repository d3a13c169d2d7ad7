package org.metriclearn4j.kernel;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.linalg.SymmetricEigen;
import org.metriclearn4j.linalg.TopEigen;
import org.metriclearn4j.transform.TransformLearner;

/**
 * Kernel principal component analysis (B. Schölkopf, A. Smola and K.-R. Müller, "Nonlinear
 * component analysis as a kernel eigenvalue problem", Neural Computation 10(5), 1998): PCA in the
 * feature space of a {@link Kernel}. Unsupervised (labels are ignored), so it can be the first
 * stage of any pipeline.
 *
 * <p>With the training kernel matrix {@code K} and its doubly centred form {@code Kc = (I - 1/m) K
 * (I - 1/m)}, the fit takes the top eigenpairs {@code (lambda_k, v_k)} of {@code Kc} and the
 * coefficients {@code alpha_k = v_k / sqrt(lambda_k)}; a point {@code x} maps to {@code <alpha_k,
 * c(k(x))>}, where {@code c} centres its kernel row with the training statistics (see {@link
 * KernelTransform}). The training points thus map to {@code sqrt(lambda_k) v_k}, their coordinates
 * along the feature-space principal axes (scikit-learn's convention).
 *
 * <p>Defaults: kernel {@link Kernel#rbf()} ({@code gamma = 1/d}; standardise the features first,
 * since an RBF kernel on unscaled data with large values is nearly the identity matrix); {@value
 * #DEFAULT_COMPONENTS} components; at most {@value #DEFAULT_MAX_SAMPLES} training points are kept
 * as the kernel basis (beyond that, a uniform random subset drawn with the seed, the Nyström
 * approximation of Williams and Seeger 2001, so that memory stays {@code O(maxSamples^2)}); seed 0.
 * Components whose eigenvalue is not above {@code 1e-10} times the largest are dropped (the output
 * dimension is then smaller than requested; with the linear kernel it is at most the rank of the
 * centred data); if none is left (all points equal in feature space) the transform maps every point
 * to the single coordinate 0. Each component's sign is fixed so that its largest entry in absolute
 * value is positive. Eigenpairs come from {@link TopEigen} (restarted block Krylov iteration, cost
 * {@code O(m^2 components)} per restart).
 */
public final class KernelPca implements TransformLearner {
  /** Default number of components. */
  public static final int DEFAULT_COMPONENTS = 20;

  /** Default largest number of training points kept as the kernel basis. */
  public static final int DEFAULT_MAX_SAMPLES = 2000;

  /** Eigenvalues not above this fraction of the largest are treated as zero. */
  static final double RELATIVE_EIGENVALUE_FLOOR = 1e-10;

  private final Kernel kernel;
  private final int components;
  private final int maxSamples;
  private final long seed;

  private KernelPca(Builder b) {
    this.kernel = b.kernel;
    this.components = b.components;
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

  /** Returns the requested number of components. */
  public int components() {
    return components;
  }

  /** Returns the largest number of training points kept as the kernel basis. */
  public int maxSamples() {
    return maxSamples;
  }

  /** Returns the seed (used for the basis subset and the eigen-solver's start block). */
  public long seed() {
    return seed;
  }

  @Override
  public String name() {
    return "kernel-pca";
  }

  /**
   * Fits kernel PCA to the features of {@code data} (labels are ignored).
   *
   * @param data the training data, at least 2 samples
   * @return the fitted, centred kernel expansion
   * @throws IllegalArgumentException if there are fewer than 2 samples
   */
  @Override
  public KernelTransform fit(LabeledDataset data) {
    if (data.size() < 2) {
      throw new IllegalArgumentException(
          "data: kernel PCA needs at least 2 samples to centre the kernel matrix, found "
              + data.size());
    }
    double[][] rows = data.features();
    int[] chosen = sampleIndices(rows.length, maxSamples, seed);
    DMatrixRMaj basis = new DMatrixRMaj(chosen.length, data.dimension());
    for (int r = 0; r < chosen.length; r++) {
      System.arraycopy(rows[chosen[r]], 0, basis.data, r * data.dimension(), data.dimension());
    }
    int m = basis.numRows;
    DMatrixRMaj k = kernel.matrix(basis, basis);
    Kernels.symmetrize(k);
    double[] columnMeans = new double[m];
    double total = 0;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        columnMeans[j] += k.data[i * m + j];
      }
    }
    for (int j = 0; j < m; j++) {
      columnMeans[j] /= m;
      total += columnMeans[j];
    }
    total /= m;
    // Kc_ij = K_ij - mean_j - mean_i + total (K symmetric, so row means = column means)
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        k.data[i * m + j] += total - columnMeans[i] - columnMeans[j];
      }
    }
    Kernels.symmetrize(k);
    int wanted = Math.min(components, m - 1);
    SymmetricEigen eig = TopEigen.largest(k, wanted, seed);
    int kept = eig.rankAbove(RELATIVE_EIGENVALUE_FLOOR);
    DMatrixRMaj alpha = new DMatrixRMaj(m, Math.max(1, kept));
    for (int c = 0; c < kept; c++) {
      double scale = 1 / Math.sqrt(eig.values()[c]);
      int argmax = 0;
      for (int r = 1; r < m; r++) {
        if (Math.abs(eig.vectors().get(r, c)) > Math.abs(eig.vectors().get(argmax, c))) {
          argmax = r;
        }
      }
      if (eig.vectors().get(argmax, c) < 0) {
        scale = -scale;
      }
      for (int r = 0; r < m; r++) {
        alpha.set(r, c, scale * eig.vectors().get(r, c));
      }
    }
    return KernelTransform.ofMatrices("kernel-pca", kernel, basis, alpha, columnMeans, total);
  }

  /**
   * Returns {@code 0..n-1} if {@code n <= max}, else {@code max} distinct indices drawn uniformly
   * with the seed (partial Fisher–Yates shuffle), in increasing order.
   */
  static int[] sampleIndices(int n, int max, long seed) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    if (n <= max) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, max);
    Arrays.sort(out);
    return out;
  }

  @Override
  public String toString() {
    return "KernelPca["
        + kernel.name()
        + ", components="
        + components
        + ", maxSamples="
        + maxSamples
        + ", seed="
        + seed
        + "]";
  }

  /** Builds a {@link KernelPca}; {@link #build()} validates. */
  public static final class Builder {
    private Kernel kernel = Kernel.rbf();
    private int components = DEFAULT_COMPONENTS;
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
     * Sets the number of components (default {@value #DEFAULT_COMPONENTS}); fewer are returned when
     * the centred kernel matrix has lower rank.
     *
     * @param components {@code >= 1}
     * @return this builder
     */
    public Builder components(int components) {
      this.components = components;
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
     * @param seed the seed of the basis subset and of the eigen-solver
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
    public KernelPca build() {
      if (components < 1) {
        throw new IllegalArgumentException("components: expected >= 1, found " + components);
      }
      if (maxSamples < 2) {
        throw new IllegalArgumentException("maxSamples: expected >= 2, found " + maxSamples);
      }
      return new KernelPca(this);
    }
  }
}
