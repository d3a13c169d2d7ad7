package org.metriclearn4j.cli;

import java.util.Iterator;

/** The learner names, for picocli's help text and completion. */
final class LearnerNames implements Iterable<String> {
  @Override
  public Iterator<String> iterator() {
    return LearnerCatalog.names().iterator();
  }
}
