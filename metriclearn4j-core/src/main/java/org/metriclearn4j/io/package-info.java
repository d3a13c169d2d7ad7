/** Versioned JSON model files, written atomically and read with checks. */
@NullMarked
package org.metriclearn4j.io;

import org.jspecify.annotations.NullMarked;
