package org.metriclearn4j.cli;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * The CSV the transform and embed commands write: a header {@code p0,p1,...,label} and one row per
 * sample, its values then its label (quoted when it holds a comma, a quote or a line break).
 */
final class LabeledCsv {
  /** Formats the value in one cell. */
  @FunctionalInterface
  interface Cell {
    /**
     * Returns the text of a value.
     *
     * @param row the sample
     * @param column the column
     * @return the text
     */
    String format(int row, int column);
  }

  private LabeledCsv() {}

  /**
   * Returns the CSV as UTF-8 bytes.
   *
   * @param prefix the column-name prefix ({@code "z"} gives {@code z0, z1, ...})
   * @param rows the number of samples
   * @param columns the number of value columns
   * @param cell the text of each value
   * @param label the label of each sample
   * @return the file content
   */
  static byte[] bytes(String prefix, int rows, int columns, Cell cell, IntFunction<String> label) {
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < columns; j++) {
      text.append(prefix).append(j).append(',');
    }
    text.append("label\n");
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        text.append(cell.format(i, j)).append(',');
      }
      text.append(quote(label.apply(i))).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String field) {
    if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
      return '"' + field.replace("\"", "\"\"") + '"';
    }
    return field;
  }
}
