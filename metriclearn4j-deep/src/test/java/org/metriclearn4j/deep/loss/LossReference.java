package org.metriclearn4j.deep.loss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.metriclearn4j.deep.testing.PlainDistance;

/**
 * Plain-Java double loops that compute each loss from its formula, for brute-force comparison.
 * Tuples are lists of index arrays; masks are boolean matrices.
 */
final class LossReference {
  private LossReference() {}

  static double mean(List<Double> values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.isEmpty() ? 0 : sum / values.size();
  }

  static double meanOverPositive(List<Double> values) {
    double sum = 0;
    int count = 0;
    for (double v : values) {
      if (v > 0) {
        sum += v;
        count++;
      }
    }
    return count == 0 ? 0 : sum / count;
  }

  static boolean[][] mask(int b, List<int[]> pairs) {
    boolean[][] m = new boolean[b][b];
    for (int[] p : pairs) {
      m[p[0]][p[1]] = true;
    }
    return m;
  }

  /** log(sum exp(values)), optionally with an extra exp(0); 0 for no values. */
  static double logSumExp(List<Double> values, boolean addOne) {
    if (values.isEmpty()) {
      return 0;
    }
    double sum = addOne ? 1 : 0;
    for (double v : values) {
      sum += Math.exp(v);
    }
    return Math.log(sum);
  }

  static double contrastive(
      PlainDistance d,
      double[][] x,
      List<int[]> positives,
      List<int[]> negatives,
      double posMargin,
      double negMargin) {
    double[][] m = d.matrix(x, x);
    List<Double> pos = new ArrayList<>();
    for (int[] p : positives) {
      pos.add(Math.max(0, d.margin(m[p[0]][p[1]], posMargin)));
    }
    List<Double> neg = new ArrayList<>();
    for (int[] n : negatives) {
      neg.add(Math.max(0, d.margin(negMargin, m[n[0]][n[1]])));
    }
    return meanOverPositive(pos) + meanOverPositive(neg);
  }

  static double triplet(
      PlainDistance d,
      double[][] x,
      List<int[]> triplets,
      double margin,
      boolean swap,
      boolean smooth) {
    double[][] m = d.matrix(x, x);
    List<Double> losses = new ArrayList<>();
    for (int[] t : triplets) {
      double ap = m[t[0]][t[1]];
      double an = m[t[0]][t[2]];
      if (swap) {
        double pn = m[t[1]][t[2]];
        an = d.closer(pn, an) ? pn : an;
      }
      double violation = d.margin(ap, an) + margin;
      losses.add(smooth ? Math.log1p(Math.exp(violation)) : Math.max(0, violation));
    }
    return meanOverPositive(losses);
  }

  static double multiSimilarity(
      PlainDistance d,
      double[][] x,
      boolean[][] positive,
      boolean[][] negative,
      double alpha,
      double beta,
      double base) {
    double[][] m = d.matrix(x, x);
    List<Double> perAnchor = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      List<Double> pos = new ArrayList<>();
      List<Double> neg = new ArrayList<>();
      for (int j = 0; j < x.length; j++) {
        if (positive[i][j]) {
          pos.add(alpha * d.margin(m[i][j], base));
        }
        if (negative[i][j]) {
          neg.add(beta * d.margin(base, m[i][j]));
        }
      }
      perAnchor.add(logSumExp(pos, true) / alpha + logSumExp(neg, true) / beta);
    }
    return mean(perAnchor);
  }

  static double lifted(
      PlainDistance d,
      double[][] x,
      boolean[][] positive,
      boolean[][] negative,
      double posMargin,
      double negMargin) {
    double[][] m = d.matrix(x, x);
    List<Double> perAnchor = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      List<Double> pos = new ArrayList<>();
      List<Double> neg = new ArrayList<>();
      for (int j = 0; j < x.length; j++) {
        if (positive[i][j]) {
          pos.add(d.margin(m[i][j], posMargin));
        }
        if (negative[i][j]) {
          neg.add(d.margin(negMargin, m[i][j]));
        }
      }
      perAnchor.add(Math.max(0, logSumExp(pos, false) + logSumExp(neg, false)));
    }
    return mean(perAnchor);
  }

  static double nPairs(PlainDistance d, double[][] x, int[] labels, List<int[]> positivePairs) {
    Map<Integer, int[]> firstOfLabel = new LinkedHashMap<>();
    for (int[] p : positivePairs) {
      firstOfLabel.putIfAbsent(labels[p[0]], p);
    }
    List<int[]> chosen = new ArrayList<>(firstOfLabel.values());
    List<Double> losses = new ArrayList<>();
    for (int k = 0; k < chosen.size(); k++) {
      double own = d.score(d.value(x[chosen.get(k)[0]], x[chosen.get(k)[1]]));
      double sum = 0;
      for (int[] other : chosen) {
        sum += Math.exp(d.score(d.value(x[chosen.get(k)[0]], x[other[1]])));
      }
      losses.add(Math.log(sum) - own);
    }
    return mean(losses);
  }

  static double ntXent(
      PlainDistance d,
      double[][] x,
      List<int[]> positivePairs,
      boolean[][] negative,
      double temperature) {
    double[][] m = d.matrix(x, x);
    List<Double> losses = new ArrayList<>();
    for (int[] p : positivePairs) {
      double sp = d.score(m[p[0]][p[1]]) / temperature;
      double denominator = Math.exp(sp);
      boolean any = false;
      for (int n = 0; n < x.length; n++) {
        if (negative[p[0]][n]) {
          denominator += Math.exp(d.score(m[p[0]][n]) / temperature);
          any = true;
        }
      }
      losses.add(any ? -Math.log(Math.exp(sp) / denominator) : 0.0);
    }
    return mean(losses);
  }

  static double proxyNca(
      PlainDistance d,
      double[][] x,
      int[] labels,
      double[][] proxies,
      double scale,
      int[] participants) {
    List<Double> losses = new ArrayList<>();
    for (int i : participants) {
      double sum = 0;
      for (double[] q : proxies) {
        sum += Math.exp(scale * d.score(d.value(x[i], q)));
      }
      double own = scale * d.score(d.value(x[i], proxies[labels[i]]));
      losses.add(-(own - Math.log(sum)));
    }
    return mean(losses);
  }

  static double proxyAnchor(
      PlainDistance d,
      double[][] x,
      int[] labels,
      double[][] proxies,
      double margin,
      double alpha,
      int[] participants) {
    double positiveTerm = 0;
    int present = 0;
    double negativeTerm = 0;
    for (int c = 0; c < proxies.length; c++) {
      double pos = 0;
      double neg = 0;
      boolean hasPositive = false;
      for (int i : participants) {
        double s = d.value(x[i], proxies[c]);
        if (labels[i] == c) {
          pos += Math.exp(alpha * d.margin(s, margin));
          hasPositive = true;
        } else {
          neg += Math.exp(alpha * d.margin(-margin, s));
        }
      }
      if (hasPositive) {
        positiveTerm += Math.log1p(pos);
        present++;
      }
      negativeTerm += Math.log1p(neg);
    }
    return positiveTerm / Math.max(present, 1) + negativeTerm / proxies.length;
  }
}
