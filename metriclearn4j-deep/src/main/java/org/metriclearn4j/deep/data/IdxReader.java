package org.metriclearn4j.deep.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST (LeCun et al., "Gradient-based learning applied to
 * document recognition", Proc. IEEE 86(11), 1998; file format as published with the dataset).
 *
 * <p>All integers are big-endian. An image file starts with the magic number {@code 0x00000803},
 * then the image count, rows and columns, then {@code count * rows * cols} unsigned bytes, image
 * after image, row-major. A label file starts with {@code 0x00000801} and the count, then {@code
 * count} unsigned bytes. Files may be gzip-compressed (detected from the first two bytes). Every
 * error names the source and the numbers that disagree.
 */
public final class IdxReader {
  /** Magic number of an IDX file of unsigned-byte 3-d tensors (images): {@value}. */
  public static final int IMAGE_MAGIC = 0x00000803;

  /** Magic number of an IDX file of unsigned-byte vectors (labels): {@value}. */
  public static final int LABEL_MAGIC = 0x00000801;

  private IdxReader() {}

  /**
   * Images read from an IDX file.
   *
   * @param count the number of images
   * @param rows pixel rows per image
   * @param cols pixel columns per image
   * @param pixels {@code count * rows * cols} unsigned pixel values 0..255 (as bytes)
   */
  @SuppressWarnings("ArrayRecordComponent") // internal transfer object; callers own the array
  public record Images(int count, int rows, int cols, byte[] pixels) {}

  /**
   * Reads an image file.
   *
   * @param in the stream, plain or gzip-compressed; not closed
   * @param source the file name for error messages
   * @return the images
   * @throws IdxFormatException if the magic number, the dimensions or the length are wrong
   * @throws IOException if reading fails
   */
  public static Images readImages(InputStream in, String source) throws IOException {
    DataInputStream data = open(in, source);
    checkMagic(data, source, IMAGE_MAGIC, "images", LABEL_MAGIC, "a label file");
    int count = readHeaderInt(data, source, "image count");
    int rows = readHeaderInt(data, source, "row count");
    int cols = readHeaderInt(data, source, "column count");
    if (count < 0 || rows < 1 || cols < 1) {
      throw new IdxFormatException(
          source
              + ": expected count >= 0 and rows, cols >= 1, found count="
              + count
              + ", rows="
              + rows
              + ", cols="
              + cols);
    }
    long total = (long) count * rows * cols;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IdxFormatException(
          source
              + ": "
              + count
              + " images of "
              + rows
              + "x"
              + cols
              + " = "
              + total
              + " bytes do not fit in one array");
    }
    byte[] pixels = readBody(data, source, (int) total, count + " images of " + rows + "x" + cols);
    return new Images(count, rows, cols, pixels);
  }

  /**
   * Reads a label file.
   *
   * @param in the stream, plain or gzip-compressed; not closed
   * @param source the file name for error messages
   * @return the labels, 0..255
   * @throws IdxFormatException if the magic number or the length is wrong
   * @throws IOException if reading fails
   */
  public static int[] readLabels(InputStream in, String source) throws IOException {
    DataInputStream data = open(in, source);
    checkMagic(data, source, LABEL_MAGIC, "labels", IMAGE_MAGIC, "an image file");
    int count = readHeaderInt(data, source, "label count");
    if (count < 0) {
      throw new IdxFormatException(source + ": expected a label count >= 0, found " + count);
    }
    byte[] body = readBody(data, source, count, count + " labels");
    int[] labels = new int[count];
    for (int i = 0; i < count; i++) {
      labels[i] = body[i] & 0xff;
    }
    return labels;
  }

  /**
   * Reads a pair of image and label files into a dataset of shape {@code [1, rows, cols]}, pixels
   * divided by 255.
   *
   * @param images the image file
   * @param labels the label file
   * @param name the dataset name
   * @return the dataset
   * @throws IdxFormatException if either file is malformed or their counts differ
   * @throws IOException if reading fails
   */
  public static TensorDataset readDataset(Path images, Path labels, String name)
      throws IOException {
    try (InputStream imageStream = Files.newInputStream(images);
        InputStream labelStream = Files.newInputStream(labels)) {
      return readDataset(
          imageStream,
          images.getFileName().toString(),
          labelStream,
          labels.getFileName().toString(),
          name);
    }
  }

  /**
   * Reads a pair of image and label streams into a dataset of shape {@code [1, rows, cols]}, pixels
   * divided by 255.
   *
   * @param images the image stream, plain or gzip; not closed
   * @param imageSource its name for error messages
   * @param labels the label stream, plain or gzip; not closed
   * @param labelSource its name for error messages
   * @param name the dataset name
   * @return the dataset
   * @throws IdxFormatException if either stream is malformed or their counts differ
   * @throws IOException if reading fails
   */
  public static TensorDataset readDataset(
      InputStream images, String imageSource, InputStream labels, String labelSource, String name)
      throws IOException {
    Images img = readImages(images, imageSource);
    int[] lab = readLabels(labels, labelSource);
    if (img.count() != lab.length) {
      throw new IdxFormatException(
          "mismatched counts: "
              + imageSource
              + " holds "
              + img.count()
              + " images but "
              + labelSource
              + " holds "
              + lab.length
              + " labels");
    }
    if (img.count() == 0) {
      throw new IdxFormatException(imageSource + ": expected at least one image, found none");
    }
    float[] values = new float[img.pixels().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (img.pixels()[i] & 0xff) / 255f;
    }
    return TensorDataset.of(
        name,
        values,
        new long[] {1, img.rows(), img.cols()},
        lab,
        Preprocessing.divideBy(255.0, "pixels/255"));
  }

  private static DataInputStream open(InputStream in, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int b0 = buffered.read();
    int b1 = buffered.read();
    buffered.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      try {
        return new DataInputStream(new BufferedInputStream(new GZIPInputStream(buffered), 1 << 16));
      } catch (EOFException e) {
        throw new IdxFormatException(source + ": truncated gzip header", e);
      }
    }
    return new DataInputStream(buffered);
  }

  /**
   * Reads the magic number and checks that it is the expected one, naming the other IDX kind when
   * the file is of that kind.
   */
  private static void checkMagic(
      DataInputStream data,
      String source,
      int expected,
      String kind,
      int otherMagic,
      String otherFile)
      throws IOException {
    int magic = readHeaderInt(data, source, "magic number");
    if (magic != expected) {
      throw new IdxFormatException(
          source
              + ": bad magic number 0x"
              + String.format("%08x", magic)
              + ", expected 0x"
              + String.format("%08x", expected)
              + " (IDX "
              + kind
              + ")"
              + (magic == otherMagic ? "; this is " + otherFile : ""));
    }
  }

  private static int readHeaderInt(DataInputStream data, String source, String field)
      throws IOException {
    try {
      return data.readInt();
    } catch (EOFException e) {
      throw new IdxFormatException(
          source + ": truncated file, ended before the header field '" + field + "'", e);
    }
  }

  private static byte[] readBody(DataInputStream data, String source, int length, String what)
      throws IOException {
    byte[] body = new byte[length];
    int read;
    try {
      read = data.readNBytes(body, 0, length);
    } catch (EOFException e) {
      // a gzip stream that ends early reports "Unexpected end of ZLIB input stream"
      throw new IdxFormatException(
          source + ": truncated file, the compressed data ends before " + what + " were read", e);
    }
    if (read < length) {
      throw new IdxFormatException(
          source
              + ": truncated file, expected "
              + length
              + " data bytes for "
              + what
              + ", found "
              + read);
    }
    try {
      if (data.read() != -1) {
        throw new IdxFormatException(
            source + ": expected the file to end after " + length + " data bytes, found more");
      }
    } catch (EOFException e) {
      throw new IdxFormatException(source + ": truncated gzip trailer", e);
    }
    return body;
  }
}
