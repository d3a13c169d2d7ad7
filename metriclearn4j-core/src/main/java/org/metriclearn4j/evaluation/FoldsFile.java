package org.metriclearn4j.evaluation;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.metriclearn4j.data.LabeledDataset;

/**
 * Reads fold assignments from a CSV file with the header {@code dataset,index,label,test_fold} and
 * one row per sample: the dataset's name, the sample's 0-based row in the dataset, its class label
 * (any text) and the fold in which it is tested. A file may hold the folds of several datasets;
 * only the rows of the requested one are read. This is the format of the exact folds published with
 * the reference results of other libraries.
 *
 * <p>Every check failure is an {@link IOException} whose message names the source and, where there
 * is one, the line.
 */
public final class FoldsFile {
  /** The header the file must start with. */
  public static final List<String> HEADER = List.of("dataset", "index", "label", "test_fold");

  private FoldsFile() {}

  /**
   * Reads the folds of one dataset and checks them against the data.
   *
   * <p>Checks: the header; four fields per row; integer {@code index} in {@code [0, n)} and integer
   * {@code test_fold >= 0}; every index of the dataset exactly once; the file's labels a consistent
   * renaming of the data's classes (the same file label always on the same data class and no two
   * file labels on one class); every fold in {@code [0, numFolds)} non-empty.
   *
   * @param reader the CSV text (read to the end, not closed)
   * @param source how to name the input in error messages, for example a file name
   * @param dataset the value of the {@code dataset} column to read
   * @param data the dataset the folds are for (only its size and labels are read)
   * @return the folds of that dataset
   * @throws IOException if reading fails or the content fails a check, with the line
   */
  public static Folds read(Reader reader, String source, String dataset, LabeledDataset data)
      throws IOException {
    int n = data.size();
    int[] assignment = new int[n];
    long[] lineOf = new long[n];
    Map<String, Integer> classOfFileLabel = new HashMap<>();
    Map<Integer, String> fileLabelOfClass = new HashMap<>();
    int rows = 0;
    CsvReader<CsvRecord> csv =
        CsvReader.builder().allowExtraFields(true).allowMissingFields(true).ofCsvRecord(reader);
    boolean header = true;
    try {
      for (CsvRecord record : csv) {
        long line = record.getStartingLineNumber();
        if (header) {
          List<String> fields = record.getFields();
          if (!fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
            fields = new ArrayList<>(fields);
            fields.set(0, fields.get(0).substring(1));
          }
          if (!fields.equals(HEADER)) {
            throw error(
                source,
                line,
                "expected the header '"
                    + String.join(",", HEADER)
                    + "', found '"
                    + String.join(",", fields)
                    + "'");
          }
          header = false;
          continue;
        }
        if (record.getFieldCount() != HEADER.size()) {
          throw error(
              source,
              line,
              "expected " + HEADER.size() + " fields, found " + record.getFieldCount());
        }
        if (!record.getField(0).equals(dataset)) {
          continue;
        }
        int index = parseInt(source, line, "index", record.getField(1));
        if (index < 0 || index >= n) {
          throw error(
              source,
              line,
              "expected an index in [0, "
                  + n
                  + ") for dataset '"
                  + dataset
                  + "' ("
                  + n
                  + " samples), found "
                  + index);
        }
        if (lineOf[index] != 0) {
          throw error(
              source,
              line,
              "index " + index + " appears twice (first on line " + lineOf[index] + ")");
        }
        lineOf[index] = line;
        int fold = parseInt(source, line, "test_fold", record.getField(3));
        if (fold < 0) {
          throw error(source, line, "expected test_fold >= 0, found " + fold);
        }
        assignment[index] = fold;
        checkLabel(
            source, line, index, record.getField(2), data, classOfFileLabel, fileLabelOfClass);
        rows++;
      }
    } catch (CsvParseException e) {
      throw new IOException(source + ": not valid CSV: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (header) {
      throw new IOException(
          source + ": empty, expected the header '" + String.join(",", HEADER) + "'");
    }
    if (rows == 0) {
      throw new IOException(source + ": no rows for dataset '" + dataset + "'");
    }
    if (rows != n) {
      int[] missing = new int[n - rows];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (lineOf[i] == 0) {
          missing[m++] = i;
        }
      }
      throw new IOException(
          source
              + ": dataset '"
              + dataset
              + "' has "
              + rows
              + " rows, expected one for each of its "
              + n
              + " samples; missing indices "
              + describe(missing));
    }
    try {
      return Folds.fromAssignment(assignment);
    } catch (IllegalArgumentException e) {
      throw new IOException(source + ": dataset '" + dataset + "': " + e.getMessage(), e);
    }
  }

  private static void checkLabel(
      String source,
      long line,
      int index,
      String fileLabel,
      LabeledDataset data,
      Map<String, Integer> classOfFileLabel,
      Map<Integer, String> fileLabelOfClass)
      throws IOException {
    int dataClass = data.label(index);
    Integer known = classOfFileLabel.get(fileLabel);
    if (known != null && known != dataClass) {
      throw error(
          source,
          line,
          "label '"
              + fileLabel
              + "' of index "
              + index
              + " does not match the data: that sample has class '"
              + data.classNames().get(dataClass)
              + "', but earlier rows use '"
              + fileLabel
              + "' for class '"
              + data.classNames().get(known)
              + "'");
    }
    String knownLabel = fileLabelOfClass.get(dataClass);
    if (knownLabel != null && !knownLabel.equals(fileLabel)) {
      throw error(
          source,
          line,
          "label '"
              + fileLabel
              + "' of index "
              + index
              + " does not match the data: that sample has class '"
              + data.classNames().get(dataClass)
              + "', which earlier rows label '"
              + knownLabel
              + "'");
    }
    classOfFileLabel.put(fileLabel, dataClass);
    fileLabelOfClass.put(dataClass, fileLabel);
  }

  private static int parseInt(String source, long line, String column, String text)
      throws IOException {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IOException(
          source + ", line " + line + ": expected an integer " + column + ", found '" + text + "'",
          e);
    }
  }

  private static String describe(int[] missing) {
    int shown = Math.min(missing.length, 10);
    String list = Arrays.toString(Arrays.copyOf(missing, shown));
    return missing.length > shown ? list + " and " + (missing.length - shown) + " more" : list;
  }

  private static IOException error(String source, long line, String message) {
    return new IOException(source + ", line " + line + ": " + message);
  }
}
