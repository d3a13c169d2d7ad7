package org.metriclearn4j.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.metriclearn4j.data.LabeledDataset;

/**
 * The exact folds that the published reference results of other libraries (metric-learn with
 * scikit-learn's shuffled {@code StratifiedKFold(5, random_state=0)}) were computed on, bundled as
 * the class-path resource {@value #RESOURCE} in the {@link FoldsFile} format. Evaluating on these
 * folds makes our figures directly comparable with theirs.
 *
 * <p>The resource is read once, on first use. If it is not on the class path, no dataset has
 * reference folds.
 */
public final class ReferenceFolds {
  /** The class-path resource that holds the reference folds. */
  public static final String RESOURCE = "/org/metriclearn4j/datasets/reference-folds.csv";

  private static @Nullable Loaded loaded;

  private ReferenceFolds() {}

  /**
   * Returns the reference folds of a dataset, looked up by its {@link LabeledDataset#name()}.
   *
   * @param data the dataset, for example the bundled iris
   * @return its folds, or empty if the resource is absent or has no folds for that name
   * @throws IllegalArgumentException if folds exist for that name but do not fit the data (another
   *     number of samples or labels that are not a renaming of the data's classes)
   * @throws UncheckedIOException if the bundled resource cannot be read
   */
  public static Optional<Folds> forDataset(LabeledDataset data) {
    Loaded resource = load();
    String text = resource.text;
    if (text == null || !resource.datasets.contains(data.name())) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          FoldsFile.read(new StringReader(text), "reference-folds.csv", data.name(), data));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "data: the reference folds of '"
              + data.name()
              + "' do not fit this dataset ("
              + data.size()
              + " samples): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Returns the names of the datasets that have reference folds.
   *
   * @return the names, sorted; empty if the resource is absent
   * @throws UncheckedIOException if the bundled resource cannot be read
   */
  public static Set<String> datasets() {
    return load().datasets;
  }

  private static synchronized Loaded load() {
    Loaded result = loaded;
    if (result == null) {
      try {
        result = read();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the class-path resource " + RESOURCE, e);
      }
      loaded = result;
    }
    return result;
  }

  private static Loaded read() throws IOException {
    try (InputStream in = ReferenceFolds.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new Loaded(null, Set.of());
      }
      StringBuilder text = new StringBuilder();
      Set<String> names = new TreeSet<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        boolean first = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          text.append(line).append('\n');
          int comma = line.indexOf(',');
          if (!first && comma > 0) {
            names.add(line.substring(0, comma));
          }
          first = false;
        }
      }
      return new Loaded(text.toString(), Collections.unmodifiableSet(names));
    }
  }

  /** The resource's text, or null if absent, and the dataset names it holds. */
  private static final class Loaded {
    final @Nullable String text;
    final Set<String> datasets;

    Loaded(@Nullable String text, Set<String> datasets) {
      this.text = text;
      this.datasets = datasets;
    }
  }
}
