package org.metriclearn4j.kernel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.linalg.Gemm;
import org.metriclearn4j.linalg.Kernels;

/**
 * A kernel function {@code k(x, y)}, the inner product of {@code x} and {@code y} in an implicit
 * feature space. Immutable. Four families, with scikit-learn's parameterisation and defaults:
 *
 * <ul>
 *   <li>{@link #rbf()}: {@code exp(-gamma ||x - y||^2)};
 *   <li>{@link #polynomial(int)}: {@code (gamma x.y + coef0)^degree}, default {@code coef0 = 1};
 *   <li>{@link #linear()}: {@code x.y};
 *   <li>{@link #sigmoid()}: {@code tanh(gamma x.y + coef0)}, default {@code coef0 = 1} (not
 *       positive semidefinite for every parameter choice; kernel methods still work with it, as in
 *       scikit-learn, but their eigenvalues may be negative and are then dropped).
 * </ul>
 *
 * <p>{@code gamma} defaults to {@code 1 / d}, where {@code d} is the length of the vectors the
 * kernel is applied to ({@link #gamma(int)}); a kernel built with an explicit gamma uses it for
 * every dimension.
 */
public final class Kernel {

  /** The kernel families. */
  public enum Type {
    /** Gaussian radial basis function {@code exp(-gamma ||x - y||^2)}. */
    RBF,
    /** Polynomial {@code (gamma x.y + coef0)^degree}. */
    POLYNOMIAL,
    /** Linear {@code x.y}. */
    LINEAR,
    /** Sigmoid (hyperbolic tangent) {@code tanh(gamma x.y + coef0)}. */
    SIGMOID
  }

  private static final double AUTO = Double.NaN;

  private final Type type;
  private final double gamma;
  private final double coef0;
  private final int degree;

  private Kernel(Type type, double gamma, double coef0, int degree) {
    this.type = type;
    this.gamma = gamma;
    this.coef0 = coef0;
    this.degree = degree;
  }

  /**
   * Returns the RBF kernel {@code exp(-||x - y||^2 / d)} ({@code gamma = 1/d}).
   *
   * @return the kernel
   */
  public static Kernel rbf() {
    return new Kernel(Type.RBF, AUTO, 0, 0);
  }

  /**
   * Returns the RBF kernel {@code exp(-gamma ||x - y||^2)}.
   *
   * @param gamma the inverse squared length scale, finite and {@code > 0}
   * @return the kernel
   * @throws IllegalArgumentException if gamma is not finite and positive
   */
  public static Kernel rbf(double gamma) {
    return new Kernel(Type.RBF, checkGamma(gamma), 0, 0);
  }

  /**
   * Returns the polynomial kernel {@code (x.y / d + 1)^degree}.
   *
   * @param degree the degree, {@code >= 1}
   * @return the kernel
   * @throws IllegalArgumentException if the degree is below 1
   */
  public static Kernel polynomial(int degree) {
    return new Kernel(Type.POLYNOMIAL, AUTO, 1, checkDegree(degree));
  }

  /**
   * Returns the polynomial kernel {@code (gamma x.y + coef0)^degree}.
   *
   * @param degree the degree, {@code >= 1}
   * @param gamma the scale of the inner product, finite and {@code > 0}
   * @param coef0 the offset, finite
   * @return the kernel
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Kernel polynomial(int degree, double gamma, double coef0) {
    return new Kernel(Type.POLYNOMIAL, checkGamma(gamma), checkCoef0(coef0), checkDegree(degree));
  }

  /**
   * Returns the linear kernel {@code x.y}; kernel methods with it reduce to their linear forms
   * (kernel PCA to PCA).
   *
   * @return the kernel
   */
  public static Kernel linear() {
    return new Kernel(Type.LINEAR, 1, 0, 1);
  }

  /**
   * Returns the sigmoid kernel {@code tanh(x.y / d + 1)}.
   *
   * @return the kernel
   */
  public static Kernel sigmoid() {
    return new Kernel(Type.SIGMOID, AUTO, 1, 0);
  }

  /**
   * Returns the sigmoid kernel {@code tanh(gamma x.y + coef0)}.
   *
   * @param gamma the scale of the inner product, finite and {@code > 0}
   * @param coef0 the offset, finite
   * @return the kernel
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Kernel sigmoid(double gamma, double coef0) {
    return new Kernel(Type.SIGMOID, checkGamma(gamma), checkCoef0(coef0), 0);
  }

  /** Returns the kernel family. */
  public Type type() {
    return type;
  }

  /** Returns whether gamma is the default {@code 1/d}, resolved from the input dimension. */
  public boolean gammaIsAuto() {
    return Double.isNaN(gamma);
  }

  /**
   * Returns the gamma used on vectors of length {@code dimension}: the explicit gamma, or {@code 1
   * / dimension} by default. The linear kernel has gamma 1.
   *
   * @param dimension the input dimension {@code d >= 1}
   * @return gamma
   */
  public double gamma(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension: expected >= 1, found " + dimension);
    }
    return gammaIsAuto() ? 1.0 / dimension : gamma;
  }

  /** Returns the offset {@code coef0} of the polynomial and sigmoid kernels (0 otherwise). */
  public double coef0() {
    return coef0;
  }

  /** Returns the degree of the polynomial kernel (1 for linear, 0 otherwise). */
  public int degree() {
    return degree;
  }

  /**
   * Evaluates {@code k(x, y)}.
   *
   * @param x a vector of length {@code d}
   * @param y a vector of length {@code d}
   * @return the kernel value
   * @throws IllegalArgumentException if the lengths differ or are zero
   */
  public double value(double[] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException(
          "y: expected length " + x.length + " (like x, at least 1), found " + y.length);
    }
    double g = gamma(x.length);
    if (type == Type.RBF) {
      double s = 0;
      for (int t = 0; t < x.length; t++) {
        double diff = x[t] - y[t];
        s += diff * diff;
      }
      return Math.exp(-g * s);
    }
    double dot = 0;
    for (int t = 0; t < x.length; t++) {
      dot += x[t] * y[t];
    }
    return ofInnerProduct(dot, g);
  }

  /**
   * Returns the kernel matrix {@code K_ij = k(a_i, b_j)}, computed with the shared blocked kernels
   * (pairwise distances for RBF, one matrix product otherwise). Memory is that of the result, so
   * callers bound {@code n * m}.
   *
   * @param a an {@code n x d} matrix (read only)
   * @param b an {@code m x d} matrix (read only)
   * @return the {@code n x m} kernel matrix
   * @throws IllegalArgumentException if the column counts differ
   */
  public DMatrixRMaj matrix(DMatrixRMaj a, DMatrixRMaj b) {
    if (a.numCols != b.numCols || a.numCols == 0) {
      throw new IllegalArgumentException(
          "b: expected " + a.numCols + " columns like a (at least 1), found " + b.numCols);
    }
    double g = gamma(a.numCols);
    DMatrixRMaj out;
    if (type == Type.RBF) {
      out = Kernels.squaredDistances(a, b);
      double[] v = out.data;
      int size = a.numRows * b.numRows;
      for (int i = 0; i < size; i++) {
        v[i] = Math.exp(-g * v[i]);
      }
    } else {
      out = new DMatrixRMaj(a.numRows, b.numRows);
      Gemm.multTransB(a, b, out);
      double[] v = out.data;
      int size = a.numRows * b.numRows;
      for (int i = 0; i < size; i++) {
        v[i] = ofInnerProduct(v[i], g);
      }
    }
    return out;
  }

  private double ofInnerProduct(double dot, double g) {
    switch (type) {
      case LINEAR:
        return dot;
      case POLYNOMIAL:
        return Math.pow(g * dot + coef0, degree);
      case SIGMOID:
        return Math.tanh(g * dot + coef0);
      default:
        throw new IllegalStateException("not an inner-product kernel: " + type);
    }
  }

  /**
   * Returns the parameters by name, as text, for provenance ({@code gamma} is {@code "1/d"} when it
   * is the default).
   *
   * @return kernel, gamma, coef0 and degree as they apply to this family
   */
  public Map<String, String> hyperparameters() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("kernel", type.name().toLowerCase(Locale.ROOT));
    if (type != Type.LINEAR) {
      out.put("gamma", gammaIsAuto() ? "1/d" : Double.toString(gamma));
    }
    if (type == Type.POLYNOMIAL || type == Type.SIGMOID) {
      out.put("coef0", Double.toString(coef0));
    }
    if (type == Type.POLYNOMIAL) {
      out.put("degree", Integer.toString(degree));
    }
    return out;
  }

  /** Returns a short name such as {@code rbf(gamma=1/d)}. */
  public String name() {
    StringBuilder sb = new StringBuilder(type.name().toLowerCase(Locale.ROOT)).append('(');
    boolean first = true;
    for (Map.Entry<String, String> e : hyperparameters().entrySet()) {
      if (e.getKey().equals("kernel")) {
        continue;
      }
      if (!first) {
        sb.append(", ");
      }
      sb.append(e.getKey()).append('=').append(e.getValue());
      first = false;
    }
    return sb.append(')').toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Kernel)) {
      return false;
    }
    Kernel k = (Kernel) o;
    return type == k.type
        && Double.compare(gamma, k.gamma) == 0
        && Double.compare(coef0, k.coef0) == 0
        && degree == k.degree;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(type, gamma, coef0, degree);
  }

  @Override
  public String toString() {
    return name();
  }

  private static double checkGamma(double gamma) {
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException("gamma: expected a finite value > 0, found " + gamma);
    }
    return gamma;
  }

  private static double checkCoef0(double coef0) {
    if (!Double.isFinite(coef0)) {
      throw new IllegalArgumentException("coef0: expected a finite value, found " + coef0);
    }
    return coef0;
  }

  private static int checkDegree(int degree) {
    if (degree < 1) {
      throw new IllegalArgumentException("degree: expected >= 1, found " + degree);
    }
    return degree;
  }
}
