/** The {@code metriclearn4j} command-line tool: one picocli subcommand per class. */
@NullMarked
package org.metriclearn4j.cli;

import org.jspecify.annotations.NullMarked;
