package org.metriclearn4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training figure: mean held-out distance of same-class and of different-class pairs per epoch,
 * epoch 0 being the untrained network.
 */
final class DistancePlot {
  private DistancePlot() {}

  /**
   * Builds the chart.
   *
   * @param title the chart title
   * @param sameClass mean same-class distance per epoch, epoch 0 first
   * @param differentClass mean different-class distance per epoch, epoch 0 first
   * @return the chart
   */
  static XYChart chart(String title, double[] sameClass, double[] differentClass) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    double[] epochs = new double[sameClass.length];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e;
    }
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle("epoch (0 = untrained)")
            .yAxisTitle("mean held-out distance")
            .build();
    chart.getStyler().setYAxisDecimalPattern("0.###");
    chart.getStyler().setXAxisDecimalPattern("0");
    XYSeries same = chart.addSeries("same class", epochs, sameClass);
    same.setMarker(SeriesMarkers.CIRCLE);
    XYSeries different = chart.addSeries("different class", epochs, differentClass);
    different.setMarker(SeriesMarkers.SQUARE);
    return chart;
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param chart the chart
   * @param file the target file
   * @throws IOException if writing fails
   */
  static void writePng(XYChart chart, Path file) throws IOException {
    AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
  }

  /**
   * Writes the chart as an SVG, atomically.
   *
   * @param chart the chart
   * @param file the target file
   * @throws IOException if writing fails
   */
  static void writeSvg(XYChart chart, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    AtomicFiles.write(file, bytes.toByteArray());
  }
}
