package org.metriclearn4j.cli;

import org.metriclearn4j.io.LibraryVersion;
import org.metriclearn4j.linalg.Gemm;
import picocli.CommandLine;

/** Prints the library version, the Java runtime and the backend of dense products. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "metriclearn4j " + LibraryVersion.current(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
      "dense products: " + Gemm.backend(),
      Report.threads()
    };
  }
}
