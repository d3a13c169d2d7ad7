package org.metriclearn4j.deep.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions on error messages. */
public final class Expect {
  private Expect() {}

  /**
   * Asserts that {@code code} throws an {@link IllegalArgumentException} whose message contains
   * every given fragment, and returns the message.
   */
  public static String illegalArgument(Executable code, String... fragments) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, code);
    String message = String.valueOf(e.getMessage());
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), "message '" + message + "' lacks '" + fragment + "'");
    }
    return message;
  }
}
