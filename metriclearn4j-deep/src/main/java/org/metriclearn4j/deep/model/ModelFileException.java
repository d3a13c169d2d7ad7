package org.metriclearn4j.deep.model;

import java.io.IOException;

/** A model file is malformed, of another format or version, or does not match its companion. */
public final class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file and the values involved
   */
  public ModelFileException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong, naming the file and the values involved
   * @param cause the underlying error
   */
  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
