package org.metriclearn4j.deep.miner;

/** Validation of miner settings. */
final class Checks {
  private Checks() {}

  static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, found " + value);
    }
  }

  static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be positive and finite, found " + value);
    }
  }

  static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be non-negative and finite, found " + value);
    }
  }
}
