package org.metriclearn4j.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checked reading and plain writing of the fields of a model document. Every read failure is a
 * {@link ModelFormatException} that names the source file and the field's path in the document, for
 * example {@code "model.json: transforms[1].offset[3]: expected a finite number, found NaN"}.
 */
final class JsonFields {
  private final String source;

  /**
   * Creates a reader of fields.
   *
   * @param source the file name used in error messages
   */
  JsonFields(String source) {
    this.source = source;
  }

  /**
   * Returns an exception about one field.
   *
   * @param path the field's path in the document, for example {@code "transforms[0].rows"}
   * @param message what is wrong
   * @return the exception, to be thrown by the caller
   */
  ModelFormatException error(String path, String message) {
    return new ModelFormatException(source + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  /** Returns the path of a field of the object at {@code parent}. */
  static String child(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  /** Returns the path of an element of the array at {@code parent}. */
  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * Returns a field that must be present and not null.
   *
   * @param object the object that holds it
   * @param path the object's path
   * @param field the field's name
   * @return its value
   * @throws ModelFormatException if the field is missing or null
   */
  JsonNode require(JsonNode object, String path, String field) throws ModelFormatException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw error(path, "missing field '" + field + "'");
    }
    return value;
  }

  /** Returns a field that must be a JSON object. */
  JsonNode object(JsonNode object, String path, String field) throws ModelFormatException {
    JsonNode value = require(object, path, field);
    if (!value.isObject()) {
      throw error(child(path, field), "expected an object, found " + describe(value));
    }
    return value;
  }

  /** Returns a field that must be text. */
  String text(JsonNode object, String path, String field) throws ModelFormatException {
    JsonNode value = require(object, path, field);
    if (!value.isTextual()) {
      throw error(child(path, field), "expected text, found " + describe(value));
    }
    return value.textValue();
  }

  /** Returns a field that must be true or false. */
  boolean bool(JsonNode object, String path, String field) throws ModelFormatException {
    JsonNode value = require(object, path, field);
    if (!value.isBoolean()) {
      throw error(child(path, field), "expected true or false, found " + describe(value));
    }
    return value.booleanValue();
  }

  /** Returns a field that must be an integer that fits in an {@code int}. */
  int integer(JsonNode object, String path, String field) throws ModelFormatException {
    JsonNode value = require(object, path, field);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw error(child(path, field), "expected an integer, found " + describe(value));
    }
    return value.intValue();
  }

  /** Returns a field that must be an integer that fits in a {@code long}. */
  long longInteger(JsonNode object, String path, String field) throws ModelFormatException {
    JsonNode value = require(object, path, field);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(child(path, field), "expected an integer, found " + describe(value));
    }
    return value.longValue();
  }

  /** Returns a field that must be an integer {@code >= 1}, such as a dimension. */
  int positive(JsonNode object, String path, String field) throws ModelFormatException {
    int value = integer(object, path, field);
    if (value < 1) {
      throw error(child(path, field), "expected an integer >= 1, found " + value);
    }
    return value;
  }

  /**
   * Returns a field that must be an array of exactly {@code length} finite numbers.
   *
   * @param object the object that holds it
   * @param path the object's path
   * @param field the field's name
   * @param length the expected length
   * @param lengthField the field that declared the length, named in the error message
   * @return the numbers
   * @throws ModelFormatException if the field is missing, not an array of numbers, of another
   *     length or holds a non-finite number
   */
  double[] vector(JsonNode object, String path, String field, int length, String lengthField)
      throws ModelFormatException {
    return numbers(require(object, path, field), child(path, field), length, lengthField);
  }

  /**
   * Returns a field that must be an array of {@code rows} arrays of {@code columns} finite numbers.
   *
   * @param object the object that holds it
   * @param path the object's path
   * @param field the field's name
   * @param rows the expected number of rows
   * @param rowsField the field that declared it
   * @param columns the expected row length
   * @param columnsField the field that declared it
   * @return the rows
   * @throws ModelFormatException if the shape differs or a value is not a finite number
   */
  double[][] matrix(
      JsonNode object,
      String path,
      String field,
      int rows,
      String rowsField,
      int columns,
      String columnsField)
      throws ModelFormatException {
    JsonNode value = require(object, path, field);
    String at = child(path, field);
    if (!value.isArray()) {
      throw error(at, "expected an array of rows, found " + describe(value));
    }
    if (value.size() != rows) {
      throw error(
          at, "expected " + rows + " rows (field '" + rowsField + "'), found " + value.size());
    }
    double[][] out = new double[rows][];
    for (int r = 0; r < rows; r++) {
      out[r] = numbers(value.get(r), element(at, r), columns, columnsField);
    }
    return out;
  }

  private double[] numbers(JsonNode value, String at, int length, String lengthField)
      throws ModelFormatException {
    if (!value.isArray()) {
      throw error(at, "expected an array of numbers, found " + describe(value));
    }
    if (value.size() != length) {
      throw error(
          at,
          "expected " + length + " values (field '" + lengthField + "'), found " + value.size());
    }
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      JsonNode v = value.get(i);
      if (!v.isNumber()) {
        throw error(element(at, i), "expected a number, found " + describe(v));
      }
      double d = v.doubleValue();
      if (!Double.isFinite(d)) {
        throw error(element(at, i), "expected a finite number, found " + d);
      }
      out[i] = d;
    }
    return out;
  }

  /** Returns a short description of a node's kind and value for error messages. */
  static String describe(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String text = node.textValue();
      return "text '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return node.isArray() ? "an array" : "an object";
  }

  /** Writes {@code values} as an array field. */
  static void putVector(ObjectNode object, String field, double[] values) {
    ArrayNode array = object.putArray(field);
    for (double v : values) {
      array.add(v);
    }
  }

  /** Writes {@code rows} as an array of arrays field. */
  static void putMatrix(ObjectNode object, String field, double[][] rows) {
    ArrayNode array = object.putArray(field);
    for (double[] row : rows) {
      ArrayNode r = array.addArray();
      for (double v : row) {
        r.add(v);
      }
    }
  }
}
