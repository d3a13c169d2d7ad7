package org.metriclearn4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.metriclearn4j.transform.AffineTransform;
import org.metriclearn4j.transform.Transform;

/**
 * Stores an {@link AffineTransform} {@code x -> W (x - offset)}: its {@code kind} (for example
 * {@code "pca"}), {@code inputDimension} {@code d}, {@code outputDimension} {@code k}, {@code
 * weights} ({@code k} rows of {@code d}) and {@code offset} ({@code d} values).
 */
final class AffineTransformCodec implements TransformCodec {
  static final String TYPE = "affine";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public boolean canWrite(Transform transform) {
    return transform instanceof AffineTransform;
  }

  @Override
  public void write(Transform transform, ObjectNode out) {
    AffineTransform affine = (AffineTransform) transform;
    out.put("kind", affine.kind());
    out.put("inputDimension", affine.inputDimension());
    out.put("outputDimension", affine.outputDimension());
    JsonFields.putMatrix(out, "weights", affine.weights());
    JsonFields.putVector(out, "offset", affine.offset());
  }

  @Override
  public AffineTransform read(JsonNode node, String path, JsonFields fields)
      throws ModelFormatException {
    String kind = fields.text(node, path, "kind");
    int in = fields.positive(node, path, "inputDimension");
    int out = fields.positive(node, path, "outputDimension");
    double[][] weights =
        fields.matrix(node, path, "weights", out, "outputDimension", in, "inputDimension");
    double[] offset = fields.vector(node, path, "offset", in, "inputDimension");
    return AffineTransform.of(kind, weights, offset);
  }
}
