package org.metriclearn4j.deep.testing;

/**
 * Plain-Java reference versions of the batch distances, written from their definitions, for
 * brute-force checks of the array code.
 */
public final class PlainDistance {
  /** The kinds of distance. */
  public enum Kind {
    EUCLIDEAN,
    SQUARED_EUCLIDEAN,
    COSINE,
    DOT
  }

  private final Kind kind;
  private final boolean normalize;

  private PlainDistance(Kind kind, boolean normalize) {
    this.kind = kind;
    this.normalize = normalize;
  }

  /** Euclidean distance, of normalised vectors if {@code normalize}. */
  public static PlainDistance euclidean(boolean normalize) {
    return new PlainDistance(Kind.EUCLIDEAN, normalize);
  }

  /** Squared Euclidean distance, of normalised vectors if {@code normalize}. */
  public static PlainDistance squaredEuclidean(boolean normalize) {
    return new PlainDistance(Kind.SQUARED_EUCLIDEAN, normalize);
  }

  /** Cosine similarity. */
  public static PlainDistance cosine() {
    return new PlainDistance(Kind.COSINE, true);
  }

  /** Dot product, of normalised vectors if {@code normalize}. */
  public static PlainDistance dot(boolean normalize) {
    return new PlainDistance(Kind.DOT, normalize);
  }

  /** Whether larger values are closer. */
  public boolean largerIsCloser() {
    return kind == Kind.COSINE || kind == Kind.DOT;
  }

  /** The value between two vectors. */
  public double value(double[] x, double[] y) {
    double[] a = normalize ? unit(x) : x;
    double[] b = normalize ? unit(y) : y;
    double sum = 0;
    switch (kind) {
      case EUCLIDEAN, SQUARED_EUCLIDEAN -> {
        for (int k = 0; k < a.length; k++) {
          sum += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return kind == Kind.EUCLIDEAN ? Math.sqrt(sum) : sum;
      }
      default -> {
        for (int k = 0; k < a.length; k++) {
          sum += a[k] * b[k];
        }
        return sum;
      }
    }
  }

  /** The matrix of values between every pair of rows. */
  public double[][] matrix(double[][] x, double[][] y) {
    double[][] m = new double[x.length][y.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < y.length; j++) {
        m[i][j] = value(x[i], y[j]);
      }
    }
    return m;
  }

  /** How much farther {@code x} is than {@code y}: x - y for distances, y - x for similarities. */
  public double margin(double x, double y) {
    return largerIsCloser() ? y - x : x - y;
  }

  /** The value turned into a score where larger is closer. */
  public double score(double v) {
    return largerIsCloser() ? v : -v;
  }

  /** Whether {@code a} is strictly closer than {@code b}. */
  public boolean closer(double a, double b) {
    return largerIsCloser() ? a > b : a < b;
  }

  private static double[] unit(double[] x) {
    double norm = 0;
    for (double v : x) {
      norm += v * v;
    }
    norm = Math.max(Math.sqrt(norm), 1e-12);
    double[] u = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      u[k] = x[k] / norm;
    }
    return u;
  }
}
