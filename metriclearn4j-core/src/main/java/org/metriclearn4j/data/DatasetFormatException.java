package org.metriclearn4j.data;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a dataset file is not in the expected format: empty, no data rows, a ragged row, a
 * cell that is not a finite number, a missing label column or duplicate column names.
 *
 * <p>The message starts with the source and line, for example {@code iris.csv line 7, column
 * 'petal_width_cm': expected a finite number, found 'abc'}; the same facts are available as fields
 * so that tools can point at the offending cell.
 */
public final class DatasetFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The file or source name. */
  private final String source;

  /** The 1-based line number. */
  private final long lineNumber;

  /** The offending column's name, or null. */
  private final @Nullable String column;

  /** The full message. */
  private final String message;

  /**
   * Creates the exception; the message is {@code "<source> line <n>[, column '<c>']: <problem>"}.
   *
   * @param source the file or source name, for example {@code "iris.csv"}
   * @param lineNumber the 1-based line (the header is line 1)
   * @param column the column name, or {@code null} when the problem is not in one column
   * @param problem what was expected and what was found
   */
  public DatasetFormatException(
      String source, long lineNumber, @Nullable String column, String problem) {
    this(
        source
            + " line "
            + lineNumber
            + (column == null ? "" : ", column '" + column + "'")
            + ": "
            + problem,
        source,
        lineNumber,
        column);
  }

  private DatasetFormatException(
      String message, String source, long lineNumber, @Nullable String column) {
    super(message);
    this.message = message;
    this.source = source;
    this.lineNumber = lineNumber;
    this.column = column;
  }

  /** {@return the message, {@code "<source> line <n>[, column '<c>']: <problem>"}; never null} */
  @Override
  public String getMessage() {
    return message;
  }

  /** {@return the file or source name the problem was found in} */
  public String source() {
    return source;
  }

  /** {@return the 1-based line number of the problem (the header is line 1)} */
  public long lineNumber() {
    return lineNumber;
  }

  /** {@return the name of the offending column, or {@code null} if the problem spans the row} */
  public @Nullable String column() {
    return column;
  }
}
