package org.metriclearn4j.deep.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * MNIST handwritten digits (Y. LeCun, C. Cortes, C. J. C. Burges; 60,000 training and 10,000 test
 * images of 28x28 grey pixels, 10 classes), shipped inside this module as the original gzip IDX
 * files so that it works on a fresh clone without a download.
 */
public final class MnistDatasets {
  private static final String RESOURCE_DIR = "/org/metriclearn4j/deep/mnist/";

  private MnistDatasets() {}

  /** The two official parts of MNIST. */
  public enum Split {
    /** 60,000 training images. */
    TRAIN("train"),
    /** 10,000 test images. */
    TEST("t10k");

    private final String prefix;

    Split(String prefix) {
      this.prefix = prefix;
    }

    /** {@return the resource name of the image file} */
    public String imageResource() {
      return prefix + "-images-idx3-ubyte.gz";
    }

    /** {@return the resource name of the label file} */
    public String labelResource() {
      return prefix + "-labels-idx1-ubyte.gz";
    }
  }

  /**
   * Loads one part of the bundled MNIST, pixels divided by 255, sample shape {@code [1, 28, 28]}.
   *
   * @param split the part
   * @return the dataset named {@code "mnist-train"} or {@code "mnist-test"}
   * @throws UncheckedIOException if the bundled files are missing or damaged
   */
  public static TensorDataset mnist(Split split) {
    String images = RESOURCE_DIR + split.imageResource();
    String labels = RESOURCE_DIR + split.labelResource();
    try (InputStream imageStream = open(images);
        InputStream labelStream = open(labels)) {
      return IdxReader.readDataset(
          imageStream,
          images,
          labelStream,
          labels,
          "mnist-" + split.name().toLowerCase(java.util.Locale.ROOT));
    } catch (IOException e) {
      throw new UncheckedIOException("bundled MNIST " + split + " could not be read", e);
    }
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = MnistDatasets.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("class-path resource not found: " + resource);
    }
    return in;
  }
}
