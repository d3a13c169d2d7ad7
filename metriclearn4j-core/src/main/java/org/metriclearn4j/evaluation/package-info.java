/** Cross-validation, fold assignment and scores (accuracy, retrieval, clustering). */
@NullMarked
package org.metriclearn4j.evaluation;

import org.jspecify.annotations.NullMarked;
