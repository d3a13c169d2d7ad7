package org.metriclearn4j.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a labelled dataset from a comma-separated file with a header row.
 *
 * <p>The format: UTF-8 text, one header row naming every column, then one row per sample. Every
 * column except the label column holds numbers written in decimal (for example {@code 5.1}, {@code
 * -3}, {@code 1e-4}); surrounding spaces are ignored. The label column is chosen by name and
 * defaults to the last column; its cells are class tokens of any text. Blank lines are skipped.
 *
 * <p>Class indices follow the sorted label strings, as scikit-learn's {@code LabelEncoder} assigns
 * them: numerically if every label is an integer (so {@code 2 < 10}), otherwise lexicographically
 * by character code. Two spellings of the same integer ({@code "1"} and {@code "01"}) are kept as
 * two classes, ordered by their text.
 *
 * <p>Every problem is reported as a {@link DatasetFormatException} that names the source, the
 * 1-based line (the header is line 1) and the column, for example {@code iris.csv line 7, column
 * 'petal_width_cm': expected a finite number, found 'abc'}.
 */
public final class CsvDatasetReader {
  /** Spellings of NaN and infinities that {@link Double#parseDouble} or other tools write. */
  private static final Pattern NON_FINITE =
      Pattern.compile("(?i)[+-]?(?:nan|inf|infinity|\\u221E)");

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private CsvDatasetReader() {}

  /**
   * Reads a dataset whose label is the last column.
   *
   * @param file a CSV file (UTF-8, header row required)
   * @return the dataset, named after the file name without extension
   * @throws IOException if the file cannot be read
   * @throws DatasetFormatException if the content is not a valid dataset
   */
  public static LabeledDataset read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * Reads a dataset with the label in the named column.
   *
   * @param file a CSV file (UTF-8, header row required)
   * @param labelColumn the name of the label column, or {@code null} for the last column
   * @return the dataset, named after the file name without extension
   * @throws IOException if the file cannot be read
   * @throws DatasetFormatException if the content is not a valid dataset
   */
  public static LabeledDataset read(Path file, @Nullable String labelColumn) throws IOException {
    Path fileName = file.getFileName();
    String source = fileName == null ? file.toString() : fileName.toString();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, source, labelColumn);
    }
  }

  /**
   * Reads a dataset from a character stream. The reader is consumed but not closed.
   *
   * @param reader the CSV text (header row required)
   * @param sourceName the name used in error messages, for example a file name; the dataset is
   *     named after it without its extension
   * @param labelColumn the name of the label column, or {@code null} for the last column
   * @return the dataset
   * @throws IOException if reading fails
   * @throws DatasetFormatException if the content is not a valid dataset
   */
  public static LabeledDataset read(Reader reader, String sourceName, @Nullable String labelColumn)
      throws IOException {
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(reader);
    try {
      return parse(csv, sourceName, labelColumn);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (CsvParseException e) {
      throw new DatasetFormatException(
          sourceName, 1, null, "not readable as CSV: " + e.getMessage());
    }
  }

  private static LabeledDataset parse(
      Iterable<CsvRecord> csv, String source, @Nullable String labelColumn) {
    List<String> header = null;
    int labelIndex = -1;
    List<double[]> rows = new ArrayList<>();
    List<String> rawLabels = new ArrayList<>();
    long lastLine = 0;
    for (CsvRecord record : csv) {
      long line = record.getStartingLineNumber();
      lastLine = line;
      if (header == null) {
        header = readHeader(record, source, line);
        labelIndex = findLabelColumn(header, labelColumn, source, line);
        continue;
      }
      int width = header.size();
      int found = record.getFieldCount();
      if (found != width) {
        String column = found < width ? header.get(found) : null;
        throw new DatasetFormatException(
            source,
            line,
            column,
            "expected "
                + width
                + " fields as in the header, found "
                + found
                + (found < width ? " (row ends before this column)" : ""));
      }
      double[] row = new double[width - 1];
      int k = 0;
      for (int c = 0; c < width; c++) {
        String cell = record.getField(c).strip();
        if (c == labelIndex) {
          if (cell.isEmpty()) {
            throw new DatasetFormatException(
                source, line, header.get(c), "expected a class label, found an empty cell");
          }
          rawLabels.add(cell);
        } else {
          row[k++] = parseNumber(cell, source, line, header.get(c));
        }
      }
      rows.add(row);
    }
    if (header == null) {
      throw new DatasetFormatException(
          source, 1, null, "expected a header row naming the columns, found an empty file");
    }
    if (rows.isEmpty()) {
      throw new DatasetFormatException(
          source,
          lastLine + 1,
          null,
          "expected at least one data row after the header, found only the header");
    }
    return build(source, header, labelIndex, rows, rawLabels);
  }

  private static List<String> readHeader(CsvRecord record, String source, long line) {
    List<String> header = new ArrayList<>(record.getFieldCount());
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < record.getFieldCount(); c++) {
      String name = record.getField(c).strip();
      if (c == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1).strip();
      }
      if (name.isEmpty()) {
        throw new DatasetFormatException(
            source,
            line,
            null,
            "expected a name for every column in the header, found an empty name for column "
                + (c + 1));
      }
      if (!seen.add(name)) {
        throw new DatasetFormatException(
            source,
            line,
            name,
            "expected distinct column names, found '"
                + name
                + "' twice (columns "
                + (header.indexOf(name) + 1)
                + " and "
                + (c + 1)
                + ")");
      }
      header.add(name);
    }
    if (header.size() < 2) {
      throw new DatasetFormatException(
          source,
          line,
          null,
          "expected at least two columns (features and a label), found " + header);
    }
    return header;
  }

  private static int findLabelColumn(
      List<String> header, @Nullable String labelColumn, String source, long line) {
    if (labelColumn == null) {
      return header.size() - 1;
    }
    int index = header.indexOf(labelColumn.strip());
    if (index < 0) {
      throw new DatasetFormatException(
          source,
          line,
          labelColumn,
          "expected the label column in the header, found only the columns " + header);
    }
    return index;
  }

  private static double parseNumber(String cell, String source, long line, String column) {
    if (cell.isEmpty()) {
      throw new DatasetFormatException(
          source, line, column, "expected a finite number, found an empty cell");
    }
    if (isDecimal(cell)) {
      double v = Double.parseDouble(cell);
      if (Double.isFinite(v)) {
        return v;
      }
      throw new DatasetFormatException(
          source,
          line,
          column,
          "expected a finite number, found '" + cell + "' (outside the range of a double)");
    }
    if (NON_FINITE.matcher(cell).matches()) {
      throw new DatasetFormatException(
          source, line, column, "expected a finite number, found '" + cell + "' (not finite)");
    }
    throw new DatasetFormatException(
        source, line, column, "expected a finite number, found '" + cell + "'");
  }

  /**
   * Returns whether {@code s} is a plain decimal number: optional sign, digits with an optional
   * point (at least one digit before or after it), optional exponent {@code e[+-]digits}.
   */
  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static LabeledDataset build(
      String source,
      List<String> header,
      int labelIndex,
      List<double[]> rows,
      List<String> rawLabels) {
    Set<String> distinct = new LinkedHashSet<>(rawLabels);
    List<String> classNames = new ArrayList<>(distinct);
    boolean allIntegers = classNames.stream().allMatch(s -> INTEGER.matcher(s).matches());
    Comparator<String> order =
        allIntegers
            ? Comparator.comparing(CsvDatasetReader::integerValue)
                .thenComparing(Comparator.naturalOrder())
            : Comparator.naturalOrder();
    classNames.sort(order);
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < classNames.size(); c++) {
      index.put(classNames.get(c), c);
    }
    int[] labels = new int[rawLabels.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = Objects.requireNonNull(index.get(rawLabels.get(i)));
    }
    List<String> featureNames = new ArrayList<>(header);
    featureNames.remove(labelIndex);
    return LabeledDataset.of(
        stripExtension(source), rows.toArray(new double[0][]), labels, classNames, featureNames);
  }

  private static BigInteger integerValue(String s) {
    return new BigInteger(s.startsWith("+") ? s.substring(1) : s);
  }

  private static String stripExtension(String source) {
    int dot = source.lastIndexOf('.');
    return dot > 0 ? source.substring(0, dot) : source;
  }
}
