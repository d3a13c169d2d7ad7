package org.metriclearn4j.deep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class IdxReaderTest {

  /** Two 2x3 images: 0..5 and 250..255. */
  private static byte[] images(int magic, int count, int rows, int cols, int pixelBytes)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(count);
    out.writeInt(rows);
    out.writeInt(cols);
    for (int i = 0; i < pixelBytes; i++) {
      out.writeByte(i < 6 ? i : 244 + i);
    }
    return bytes.toByteArray();
  }

  private static byte[] labels(int magic, int... labels) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(magic);
    out.writeInt(labels.length);
    for (int l : labels) {
      out.writeByte(l);
    }
    return bytes.toByteArray();
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static ByteArrayInputStream in(byte[] b) {
    return new ByteArrayInputStream(b);
  }

  @Test
  void readsImagesBigEndianWithUnsignedPixels() throws IOException {
    IdxReader.Images img = IdxReader.readImages(in(images(0x803, 2, 2, 3, 12)), "img");
    assertEquals(2, img.count());
    assertEquals(2, img.rows());
    assertEquals(3, img.cols());
    assertEquals(0, img.pixels()[0] & 0xff);
    assertEquals(5, img.pixels()[5] & 0xff);
    assertEquals(250, img.pixels()[6] & 0xff);
    assertEquals(255, img.pixels()[11] & 0xff);
  }

  @Test
  void gzipAndPlainFilesGiveTheSameDataset() throws IOException {
    byte[] img = images(0x803, 2, 2, 3, 12);
    byte[] lab = labels(0x801, 7, 3);
    TensorDataset plain = IdxReader.readDataset(in(img), "i", in(lab), "l", "toy");
    TensorDataset zipped = IdxReader.readDataset(in(gzip(img)), "i", in(gzip(lab)), "l", "toy");
    assertArrayEquals(plain.values(), zipped.values());
    assertArrayEquals(new int[] {7, 3}, zipped.labels());
    assertArrayEquals(new long[] {1, 2, 3}, zipped.sampleShape());
    assertEquals(255f / 255f, zipped.row(1)[5], 0f);
    assertEquals(4f / 255f, zipped.row(0)[4], 1e-7f);
    assertEquals("pixels/255", zipped.preprocessing().description());
  }

  @Test
  void badImageMagicNamesFileAndBothNumbers() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages(in(images(0x802, 2, 2, 3, 12)), "train-images.gz"));
    assertTrue(
        String.valueOf(e.getMessage()).contains("train-images.gz"), String.valueOf(e.getMessage()));
    assertTrue(
        String.valueOf(e.getMessage()).contains("0x00000802"), String.valueOf(e.getMessage()));
    assertTrue(
        String.valueOf(e.getMessage()).contains("0x00000803"), String.valueOf(e.getMessage()));
  }

  @Test
  void labelFileGivenAsImagesIsRecognised() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages(in(labels(0x801, 1, 2)), "labels.idx"));
    assertTrue(
        String.valueOf(e.getMessage()).contains("label file"), String.valueOf(e.getMessage()));
  }

  @Test
  void badLabelMagicIsRejected() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class, () -> IdxReader.readLabels(in(labels(0x901, 1)), "lab"));
    assertTrue(
        String.valueOf(e.getMessage()).contains("0x00000901"), String.valueOf(e.getMessage()));
    assertTrue(
        String.valueOf(e.getMessage()).contains("0x00000801"), String.valueOf(e.getMessage()));
  }

  @Test
  void mismatchedCountsNameBothFilesAndCounts() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () ->
                IdxReader.readDataset(
                    in(images(0x803, 2, 2, 3, 12)),
                    "imgs.gz",
                    in(labels(0x801, 1, 2, 3)),
                    "labs.gz",
                    "x"));
    String m = String.valueOf(e.getMessage());
    assertTrue(m.contains("imgs.gz") && m.contains("labs.gz"), m);
    assertTrue(m.contains("2 images") && m.contains("3 labels"), m);
  }

  @Test
  void truncatedPixelsReportExpectedAndFoundBytes() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages(in(images(0x803, 2, 2, 3, 10)), "short.idx"));
    String m = String.valueOf(e.getMessage());
    assertTrue(m.contains("short.idx") && m.contains("truncated"), m);
    assertTrue(m.contains("expected 12") && m.contains("found 10"), m);
  }

  @Test
  void truncatedGzipIsReportedAsTruncated() throws IOException {
    byte[] zipped = gzip(images(0x803, 2, 2, 3, 12));
    byte[] cut = Arrays.copyOf(zipped, zipped.length - 12);
    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(in(cut), "cut.gz"));
    assertTrue(String.valueOf(e.getMessage()).contains("cut.gz"), String.valueOf(e.getMessage()));
    assertTrue(
        String.valueOf(e.getMessage()).contains("truncated"), String.valueOf(e.getMessage()));
  }

  @Test
  void truncatedHeaderNamesTheMissingField() throws IOException {
    byte[] header = Arrays.copyOf(images(0x803, 2, 2, 3, 0), 10);
    IdxFormatException e =
        assertThrows(IdxFormatException.class, () -> IdxReader.readImages(in(header), "h.idx"));
    assertTrue(
        String.valueOf(e.getMessage()).contains("row count"), String.valueOf(e.getMessage()));
  }

  @Test
  void trailingBytesAreRejected() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages(in(images(0x803, 2, 2, 3, 13)), "long.idx"));
    assertTrue(
        String.valueOf(e.getMessage()).contains("found more"), String.valueOf(e.getMessage()));
  }

  @Test
  void negativeDimensionsAreRejected() {
    IdxFormatException e =
        assertThrows(
            IdxFormatException.class,
            () -> IdxReader.readImages(in(images(0x803, 2, 0, 3, 0)), "zero.idx"));
    assertTrue(String.valueOf(e.getMessage()).contains("rows=0"), String.valueOf(e.getMessage()));
  }
}
