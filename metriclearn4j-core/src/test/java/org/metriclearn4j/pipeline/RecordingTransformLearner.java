package org.metriclearn4j.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.metriclearn4j.data.LabeledDataset;
import org.metriclearn4j.transform.AffineTransform;
import org.metriclearn4j.transform.Transform;
import org.metriclearn4j.transform.TransformLearner;

/**
 * A test spy: records the rows of every dataset it is fitted on and returns {@code x -> scale (x -
 * mean)}, with the mean of the data it saw.
 */
public final class RecordingTransformLearner implements TransformLearner {
  private final double scale;
  private final List<double[][]> seen = new ArrayList<>();

  /**
   * Creates the spy.
   *
   * @param scale the factor applied after centring
   */
  public RecordingTransformLearner(double scale) {
    this.scale = scale;
  }

  /** Returns the rows of each fit, in call order. */
  public List<double[][]> seen() {
    return seen;
  }

  @Override
  public Transform fit(LabeledDataset data) {
    double[][] rows = data.features();
    seen.add(rows);
    int d = data.dimension();
    double[] mean = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / rows.length;
      }
    }
    double[][] w = new double[d][d];
    for (int j = 0; j < d; j++) {
      w[j][j] = scale;
    }
    return AffineTransform.of("recording", w, mean);
  }

  @Override
  public String name() {
    return "recording(" + scale + ")";
  }
}
