package org.metriclearn4j.distance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The axioms every distance claims, checked on random inputs of its domain. */
class DistanceAxiomsTest {
  private static final Set<String> PROBABILITY =
      Set.of(
          "bhattacharyya",
          "matusita",
          "hellinger",
          "kullback-leibler",
          "symmetric-kullback-leibler",
          "jensen-shannon",
          "jensen-shannon-divergence");

  private static List<Distance> all() {
    List<Distance> list = new ArrayList<>();
    for (String name : Distances.names()) {
      list.add(Distances.byName(name));
    }
    list.add(
        Mahalanobis.of(
            new double[][] {
              {2, 1, 0, 0, 0},
              {1, 3, 1, 0, 0},
              {0, 1, 4, 0, 0},
              {0, 0, 0, 1, 0.5},
              {0, 0, 0, 0.5, 1}
            }));
    return list;
  }

  private static double[] sample(SplittableRandom random, boolean probability, int trial) {
    double[] v = new double[5];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] = probability ? random.nextDouble() : random.nextDouble(-10, 10);
      if (probability && trial % 5 == 0 && i == trial % 3) {
        v[i] = 0; // some probability vectors have zeros
      }
      sum += v[i];
    }
    if (probability) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= sum;
      }
    }
    return v;
  }

  @Test
  void everyDistanceIsNonNegativeZeroOnIdenticalInputsAndSymmetricUnlessKl() {
    SplittableRandom random = new SplittableRandom(42);
    for (Distance d : all()) {
      boolean probability = PROBABILITY.contains(d.name());
      for (int trial = 0; trial < 100; trial++) {
        double[] x = sample(random, probability, trial);
        double[] y = sample(random, probability, trial + 1);
        double dxy = d.distance(x, y);
        assertTrue(dxy >= 0, d.name() + " negative " + dxy);
        assertFalse(Double.isNaN(dxy), d.name());
        assertEquals(0, d.distance(x, x.clone()), 1e-12, d.name() + " identity");
        if (!d.name().equals("kullback-leibler")) {
          double dyx = d.distance(y, x);
          if (Double.isInfinite(dxy)) {
            assertEquals(dxy, dyx, d.name());
          } else {
            assertEquals(dxy, dyx, 1e-12 * (1 + dxy), d.name() + " symmetry");
          }
        }
      }
    }
  }

  @Test
  void metricsSatisfyTheTriangleInequality() {
    SplittableRandom random = new SplittableRandom(7);
    int metrics = 0;
    for (Distance d : all()) {
      if (!d.isMetric()) {
        continue;
      }
      metrics++;
      boolean probability = PROBABILITY.contains(d.name());
      for (int trial = 0; trial < 300; trial++) {
        double[] x = sample(random, probability, trial);
        double[] y = sample(random, probability, trial + 1);
        double[] z = sample(random, probability, trial + 2);
        double direct = d.distance(x, z);
        double detour = d.distance(x, y) + d.distance(y, z);
        assertTrue(direct <= detour + 1e-12, d.name() + ": " + direct + " > " + detour);
      }
    }
    assertEquals(
        7,
        metrics,
        "euclidean, manhattan, chebyshev, mahalanobis, matusita," + " hellinger, jensen-shannon");
  }

  @Test
  void nonMetricsHaveTriangleCounterexamples() {
    assertViolates(new SquaredEuclidean(), new double[] {0}, new double[] {1}, new double[] {2});
    assertViolates(new Cosine(), new double[] {1, 0}, new double[] {1, 1}, new double[] {0, 1});
    double[] p = {1, 0};
    double[] q = {0.5, 0.5};
    double[] r = {0, 1};
    assertViolates(new Bhattacharyya(), p, q, r);
    assertViolates(new JensenShannonDivergence(), p, q, r);
    assertViolates(
        new SymmetricKullbackLeibler(), new double[] {0.9, 0.1}, q, new double[] {0.1, 0.9});
    KullbackLeibler kl = new KullbackLeibler();
    double[] a = {0.9, 0.1};
    double[] b = {0.5, 0.5};
    assertTrue(Math.abs(kl.distance(a, b) - kl.distance(b, a)) > 0.01, "KL is not symmetric");
  }

  private static void assertViolates(Distance d, double[] x, double[] y, double[] z) {
    assertFalse(d.isMetric(), d.name());
    assertTrue(d.distance(x, z) > d.distance(x, y) + d.distance(y, z), d.name());
  }
}
