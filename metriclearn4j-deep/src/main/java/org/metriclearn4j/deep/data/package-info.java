/**
 * In-memory training data for the deep module: {@link org.metriclearn4j.deep.data.TensorDataset}
 * (float samples of a fixed shape with class labels), the MNIST IDX reader and the bundled MNIST
 * copy, the preprocessing that maps raw inputs to network inputs, and seeded stratified splits.
 */
@NullMarked
package org.metriclearn4j.deep.data;

import org.jspecify.annotations.NullMarked;
