package org.metriclearn4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this library, as recorded in model files. It is read from the class-path resource
 * {@value #RESOURCE}, which the build fills in with the project version.
 */
public final class LibraryVersion {
  /** The resource that holds {@code version=...}. */
  public static final String RESOURCE = "/org/metriclearn4j/io/library-version.properties";

  /** The version reported when the resource is absent or was not filled in by the build. */
  public static final String UNKNOWN = "unknown";

  private static final String CURRENT = read();

  private LibraryVersion() {}

  /**
   * Returns this library's version, for example {@code "0.1.0"}.
   *
   * @return the version, or {@value #UNKNOWN} if it is not known
   */
  public static String current() {
    return CURRENT;
  }

  private static String read() {
    try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").trim();
      return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    } catch (IOException e) {
      return UNKNOWN;
    }
  }
}
