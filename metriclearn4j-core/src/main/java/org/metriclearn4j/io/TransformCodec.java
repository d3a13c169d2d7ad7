package org.metriclearn4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.metriclearn4j.transform.Transform;

/**
 * Writes and reads one kind of fitted {@link Transform} as a JSON object in a model file. To make a
 * new transform type storable, implement this interface and add an instance to {@link ModelFiles}'s
 * list of codecs; the document format needs no other change.
 */
interface TransformCodec {

  /**
   * Returns the value of the {@code "type"} field that marks this codec's objects, for example
   * {@code "affine"}.
   */
  String type();

  /**
   * Returns whether this codec can write the transform.
   *
   * @param transform any fitted transform
   * @return true if {@link #write} accepts it
   */
  boolean canWrite(Transform transform);

  /**
   * Writes the transform's fields, other than {@code "type"}, into {@code out}.
   *
   * @param transform a transform accepted by {@link #canWrite}
   * @param out written: the object that describes the transform
   */
  void write(Transform transform, ObjectNode out);

  /**
   * Reads a transform from an object whose {@code "type"} is {@link #type()}, checking every field.
   *
   * @param node the object
   * @param path the object's path in the document, for error messages
   * @param fields checked field access that reports errors against the file
   * @return the transform
   * @throws ModelFormatException if a field is missing, malformed or inconsistent
   */
  Transform read(JsonNode node, String path, JsonFields fields) throws ModelFormatException;
}
