package org.metriclearn4j.deep.network;

import java.util.List;
import java.util.Map;

/** Rebuilds network descriptions from the data written by {@link NetworkSpec#describe()}. */
public final class NetworkSpecs {
  private NetworkSpecs() {}

  /**
   * Rebuilds a built-in network ({@code "mlp"} or {@code "small-cnn"}) from its description.
   *
   * @param description the map written by {@link NetworkSpec#describe()} (e.g. read back from JSON)
   * @return the network description
   * @throws IllegalArgumentException if the kind is unknown or custom, or a field is missing or of
   *     the wrong type
   */
  public static NetworkSpec fromDescription(Map<String, ?> description) {
    String kind = string(description, "kind");
    return switch (kind) {
      case Mlp.KIND -> mlp(description);
      case SmallCnn.KIND -> smallCnn(description);
      case CustomNetwork.KIND ->
          throw new IllegalArgumentException(
              "network: a custom network ('"
                  + description.get("name")
                  + "') cannot be rebuilt from its description; pass the same CustomNetwork when"
                  + " loading");
      default ->
          throw new IllegalArgumentException(
              "kind: expected one of mlp, small-cnn, custom, found '" + kind + "'");
    };
  }

  private static Mlp mlp(Map<String, ?> description) {
    List<?> widths = list(description, "widths");
    int[] w = new int[widths.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = toInt(widths.get(i), "widths[" + i + "]");
    }
    return Mlp.builder()
        .widths(w)
        .batchNorm(bool(description, "batchNorm"))
        .dropout(number(description, "dropout").doubleValue())
        .l2Normalize(bool(description, "l2Normalize"))
        .build();
  }

  private static SmallCnn smallCnn(Map<String, ?> description) {
    List<?> shape = list(description, "inputShape");
    if (shape.size() != 3) {
      throw new IllegalArgumentException(
          "inputShape: expected [channels, height, width], found " + shape);
    }
    return SmallCnn.builder()
        .inputShape(
            toInt(shape.get(0), "inputShape[0]"),
            toInt(shape.get(1), "inputShape[1]"),
            toInt(shape.get(2), "inputShape[2]"))
        .kernel(toInt(number(description, "kernel"), "kernel"))
        .filters(
            toInt(number(description, "filters1"), "filters1"),
            toInt(number(description, "filters2"), "filters2"))
        .hidden(toInt(number(description, "hidden"), "hidden"))
        .embeddingDim(toInt(number(description, "embeddingDim"), "embeddingDim"))
        .batchNorm(bool(description, "batchNorm"))
        .l2Normalize(bool(description, "l2Normalize"))
        .build();
  }

  private static Object field(Map<String, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      throw new IllegalArgumentException(key + ": expected a value in the network description");
    }
    return value;
  }

  private static String string(Map<String, ?> map, String key) {
    if (field(map, key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(key + ": expected text, found " + map.get(key));
  }

  private static boolean bool(Map<String, ?> map, String key) {
    if (field(map, key) instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException(key + ": expected true or false, found " + map.get(key));
  }

  private static Number number(Map<String, ?> map, String key) {
    if (field(map, key) instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException(key + ": expected a number, found " + map.get(key));
  }

  private static List<?> list(Map<String, ?> map, String key) {
    if (field(map, key) instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException(key + ": expected a list, found " + map.get(key));
  }

  private static int toInt(Object value, String what) {
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new IllegalArgumentException(what + ": expected an integer, found " + value);
  }
}
