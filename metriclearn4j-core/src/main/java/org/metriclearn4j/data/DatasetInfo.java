package org.metriclearn4j.data;

/**
 * A one-line description of a bundled dataset, for listings such as the command line's {@code
 * datasets} table.
 *
 * @param name the name to pass to {@link BundledDatasets#load(String)}, for example {@code "iris"}
 * @param title a human-readable title, for example {@code "Iris"}
 * @param rows the number of samples
 * @param features the number of numeric features
 * @param classes the number of classes
 * @param citation the source to cite, in one line
 */
public record DatasetInfo(
    String name, String title, int rows, int features, int classes, String citation) {

  /**
   * Checks the description.
   *
   * @param name the dataset's name
   * @param title a human-readable title
   * @param rows the number of samples, at least 1
   * @param features the number of features, at least 1
   * @param classes the number of classes, at least 1
   * @param citation the source to cite
   * @throws IllegalArgumentException if a count is not positive
   */
  public DatasetInfo {
    if (rows < 1 || features < 1 || classes < 1) {
      throw new IllegalArgumentException(
          "rows, features, classes: expected positive counts, found "
              + rows
              + ", "
              + features
              + ", "
              + classes);
    }
  }
}
