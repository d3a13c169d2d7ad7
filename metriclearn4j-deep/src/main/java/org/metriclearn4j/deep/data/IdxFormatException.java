package org.metriclearn4j.deep.data;

import java.io.IOException;

/** An IDX file (MNIST format) is malformed: wrong magic number, truncated, or inconsistent. */
public final class IdxFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file and the numbers involved
   */
  public IdxFormatException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what is wrong, naming the file and the numbers involved
   * @param cause the underlying I/O error
   */
  public IdxFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
