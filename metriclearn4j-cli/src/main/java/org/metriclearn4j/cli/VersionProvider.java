package org.metriclearn4j.cli;

import org.metriclearn4j.io.LibraryVersion;
import picocli.CommandLine;

/** Prints the library version and the Java runtime. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "metriclearn4j " + LibraryVersion.current(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
