package org.metriclearn4j.deep.data;

/**
 * The element-wise affine map from raw inputs to network inputs, {@code x -> (x - offset) * scale},
 * with a short human-readable description. It is stored with every trained model so that the model
 * can embed raw data exactly as it saw it in training.
 *
 * @param offset subtracted from every raw value, finite
 * @param scale multiplied after subtracting, finite and non-zero
 * @param description what the map means, e.g. {@code "pixels/16"}; not blank
 */
public record Preprocessing(double offset, double scale, String description) {
  /**
   * Validates the parameters.
   *
   * @param offset subtracted from every raw value, finite
   * @param scale multiplied after subtracting, finite and non-zero
   * @param description what the map means, e.g. {@code "pixels/16"}; not blank
   * @throws IllegalArgumentException if offset or scale is not finite, scale is zero, or the
   *     description is blank
   */
  public Preprocessing {
    if (!Double.isFinite(offset)) {
      throw new IllegalArgumentException("offset: expected a finite number, found " + offset);
    }
    if (!Double.isFinite(scale) || scale == 0.0) {
      throw new IllegalArgumentException(
          "scale: expected a finite non-zero number, found " + scale);
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("description: expected text, found a blank string");
    }
  }

  /**
   * Returns the identity map.
   *
   * @return {@code x -> x}, described as {@code "identity"}
   */
  public static Preprocessing identity() {
    return new Preprocessing(0.0, 1.0, "identity");
  }

  /**
   * Returns {@code x -> x / divisor}.
   *
   * @param divisor finite, non-zero
   * @param description what the map means, e.g. {@code "pixels/16"}
   * @return the map
   * @throws IllegalArgumentException if the divisor is zero or not finite
   */
  public static Preprocessing divideBy(double divisor, String description) {
    if (!Double.isFinite(divisor) || divisor == 0.0) {
      throw new IllegalArgumentException(
          "divisor: expected a finite non-zero number, found " + divisor);
    }
    return new Preprocessing(0.0, 1.0 / divisor, description);
  }

  /**
   * Applies the map to one value.
   *
   * @param x a raw value
   * @return {@code (x - offset) * scale}
   */
  public double apply(double x) {
    return (x - offset) * scale;
  }

  /**
   * Tells whether this is the identity map.
   *
   * @return {@code true} when offset is 0 and scale is 1
   */
  public boolean isIdentity() {
    return offset == 0.0 && scale == 1.0;
  }
}
