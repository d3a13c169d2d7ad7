package org.metriclearn4j.io;

import java.io.IOException;

/**
 * A model file could be read but is not a valid MetricLearn4J model document: not JSON or
 * truncated, another format, a newer format version, a missing field, inconsistent shapes or a
 * non-finite number. The message names the file and the offending field.
 */
public final class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public ModelFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the parser error that caused it.
   *
   * @param message what is wrong and where
   * @param cause the underlying error
   */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
