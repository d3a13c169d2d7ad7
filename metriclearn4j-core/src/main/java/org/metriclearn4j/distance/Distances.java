package org.metriclearn4j.distance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Looks up the parameter-free distances by name, for command lines and configuration files: {@code
 * Distances.byName("cosine")}. Names are matched ignoring case, with {@code _} and spaces read as
 * {@code -}. The Mahalanobis distance needs a matrix and is built with {@link
 * Mahalanobis#of(double[][])} instead.
 */
public final class Distances {
  private static final Map<String, Supplier<Distance>> BY_NAME = new TreeMap<>();
  private static final Map<String, String> ALIASES = new TreeMap<>();

  static {
    register(Euclidean::new);
    register(SquaredEuclidean::new);
    register(Manhattan::new);
    register(Chebyshev::new);
    register(Cosine::new);
    register(Bhattacharyya::new);
    register(Matusita::new);
    register(Hellinger::new);
    register(KullbackLeibler::new);
    register(SymmetricKullbackLeibler::new);
    register(JensenShannonDistance::new);
    register(JensenShannonDivergence::new);
    ALIASES.put("l2", "euclidean");
    ALIASES.put("sqeuclidean", "squared-euclidean");
    ALIASES.put("l1", "manhattan");
    ALIASES.put("cityblock", "manhattan");
    ALIASES.put("linf", "chebyshev");
    ALIASES.put("kl", "kullback-leibler");
    ALIASES.put("j-divergence", "symmetric-kullback-leibler");
    ALIASES.put("jeffreys", "symmetric-kullback-leibler");
  }

  private Distances() {}

  private static void register(Supplier<Distance> factory) {
    BY_NAME.put(factory.get().name(), factory);
  }

  /** {@return the canonical names {@link #byName(String)} accepts, sorted} */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /**
   * Returns the distance with this name or alias ({@code l2}, {@code sqeuclidean}, {@code l1},
   * {@code cityblock}, {@code linf}, {@code kl}, {@code j-divergence}, {@code jeffreys}).
   *
   * @param name for example {@code "euclidean"}, {@code "Cosine"} or {@code "jensen_shannon"}
   * @return a new instance
   * @throws IllegalArgumentException if the name is unknown, listing the known names
   */
  public static Distance byName(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    key = ALIASES.getOrDefault(key, key);
    Supplier<Distance> factory = BY_NAME.get(key);
    if (factory == null) {
      String hint =
          key.equals("mahalanobis")
              ? " (the Mahalanobis distance needs a matrix: use Mahalanobis.of(matrix))"
              : "";
      throw new IllegalArgumentException(
          "name: expected one of " + names() + ", found '" + name + "'" + hint);
    }
    return factory.get();
  }
}
