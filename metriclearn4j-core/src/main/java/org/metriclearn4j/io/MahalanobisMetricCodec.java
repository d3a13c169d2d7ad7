package org.metriclearn4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.metriclearn4j.linalg.Kernels;
import org.metriclearn4j.metric.FitSummary;
import org.metriclearn4j.metric.MahalanobisMetric;
import org.metriclearn4j.metric.Provenance;
import org.metriclearn4j.transform.Transform;

/**
 * Stores a {@link MahalanobisMetric}: {@code provenance} (learner, hyperparameters, samples,
 * features, seed), {@code fitSummary} (iterations, converged, objective), the shape {@code rows} x
 * {@code columns} of the components {@code L} and {@code components} as rows. A non-finite
 * objective is written as the text {@code "NaN"}, {@code "Infinity"} or {@code "-Infinity"}.
 */
final class MahalanobisMetricCodec implements TransformCodec {
  static final String TYPE = "mahalanobis-metric";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean canWrite(Transform transform) {
    return transform instanceof MahalanobisMetric;
  }

  @Override
  public void write(Transform transform, ObjectNode out) {
    MahalanobisMetric metric = (MahalanobisMetric) transform;
    Provenance p = metric.provenance();
    ObjectNode provenance = out.putObject("provenance");
    provenance.put("learner", p.learner());
    ObjectNode hyper = provenance.putObject("hyperparameters");
    p.hyperparameters().forEach(hyper::put);
    provenance.put("samples", p.samples());
    provenance.put("features", p.features());
    provenance.put("seed", p.seed());
    FitSummary f = metric.fitSummary();
    ObjectNode fit = out.putObject("fitSummary");
    fit.put("iterations", f.iterations());
    fit.put("converged", f.converged());
    double objective = f.objective();
    if (Double.isFinite(objective)) {
      fit.put("objective", objective);
    } else {
      fit.put("objective", Double.toString(objective));
    }
    out.put("rows", metric.outputDimension());
    out.put("columns", metric.inputDimension());
    JsonFields.putMatrix(out, "components", metric.components());
  }

  @Override
  public MahalanobisMetric read(JsonNode node, String path, JsonFields fields)
      throws ModelFormatException {
    JsonNode p = fields.object(node, path, "provenance");
    String pPath = JsonFields.child(path, "provenance");
    String learner = fields.text(p, pPath, "learner");
    JsonNode hyper = fields.object(p, pPath, "hyperparameters");
    Map<String, String> hyperparameters = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : hyper.properties()) {
      hyperparameters.put(
          e.getKey(), fields.text(hyper, JsonFields.child(pPath, "hyperparameters"), e.getKey()));
    }
    int samples = fields.integer(p, pPath, "samples");
    int features = fields.integer(p, pPath, "features");
    long seed = fields.longInteger(p, pPath, "seed");
    if (samples < 0 || features < 0) {
      throw fields.error(
          pPath, "expected samples and features >= 0, found " + samples + " and " + features);
    }
    JsonNode f = fields.object(node, path, "fitSummary");
    String fPath = JsonFields.child(path, "fitSummary");
    int iterations = fields.integer(f, fPath, "iterations");
    if (iterations < 0) {
      throw fields.error(
          JsonFields.child(fPath, "iterations"), "expected an integer >= 0, found " + iterations);
    }
    boolean converged = fields.bool(f, fPath, "converged");
    double objective = objective(fields.require(f, fPath, "objective"), fPath, fields);
    int rows = fields.positive(node, path, "rows");
    int columns = fields.positive(node, path, "columns");
    double[][] components =
        fields.matrix(node, path, "components", rows, "rows", columns, "columns");
    return MahalanobisMetric.of(
        Kernels.toMatrix(components),
        new FitSummary(iterations, converged, objective),
        new Provenance(learner, hyperparameters, samples, features, seed));
  }

  private static double objective(JsonNode value, String fPath, JsonFields fields)
      throws ModelFormatException {
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      switch (value.textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw fields.error(
        JsonFields.child(fPath, "objective"),
        "expected a number or 'NaN', 'Infinity', '-Infinity', found " + JsonFields.describe(value));
  }
}
