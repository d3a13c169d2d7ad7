package org.metriclearn4j.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scatter panels of labelled points, one XChart chart each, drawn as a grid into one PNG. A panel
 * of one-dimensional points is a strip plot: the coordinate on the x axis, the class (with a seeded
 * vertical jitter) on the y axis.
 */
final class ScatterPanels {
  /** Width of one panel in pixels. */
  static final int PANEL_WIDTH = 380;

  /** Height of one panel in pixels. */
  static final int PANEL_HEIGHT = 320;

  private static final double JITTER = 0.3;

  private ScatterPanels() {}

  /**
   * Builds one panel.
   *
   * @param title the panel title
   * @param points the points, all of length 1 (strip plot) or at least 2 (the first two coordinates
   *     are drawn)
   * @param labels the class index of each point
   * @param classNames the class names, one series each
   * @param seed the seed of the strip plot's jitter
   * @return the chart
   */
  static XYChart panel(
      String title, double[][] points, int[] labels, List<String> classNames, long seed) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    boolean strip = points.length > 0 && points[0].length == 1;
    XYChart chart =
        new XYChartBuilder()
            .width(PANEL_WIDTH)
            .height(PANEL_HEIGHT)
            .title(title)
            .xAxisTitle(strip ? "coordinate" : "coordinate 1")
            .yAxisTitle(strip ? "class (jittered)" : "coordinate 2")
            .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("0.##");
    chart.getStyler().setYAxisDecimalPattern("0.##");
    SplittableRandom jitter = new SplittableRandom(seed);
    for (int c = 0; c < classNames.size(); c++) {
      int count = 0;
      for (int label : labels) {
        count += label == c ? 1 : 0;
      }
      double[] xs = new double[count];
      double[] ys = new double[count];
      int k = 0;
      for (int i = 0; i < points.length; i++) {
        if (labels[i] == c) {
          xs[k] = points[i][0];
          ys[k] = strip ? c + JITTER * (2 * jitter.nextDouble() - 1) : points[i][1];
          k++;
        }
      }
      if (count > 0) {
        XYSeries series = chart.addSeries(classNames.get(c), xs, ys);
        series.setMarker(SeriesMarkers.CIRCLE);
      }
    }
    return chart;
  }

  /**
   * Draws the panels row by row into one PNG and writes it atomically.
   *
   * @param panels the panels, {@code rows x columns} of them in row-major order
   * @param columns panels per row, {@code >= 1}
   * @param file the target file
   * @throws IOException if encoding or writing fails
   */
  static void writePng(List<XYChart> panels, int columns, Path file) throws IOException {
    int rows = (panels.size() + columns - 1) / columns;
    BufferedImage image =
        new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      AffineTransform origin = g.getTransform();
      for (int p = 0; p < panels.size(); p++) {
        g.setTransform(origin);
        g.translate((p % columns) * PANEL_WIDTH, (p / columns) * PANEL_HEIGHT);
        panels.get(p).paint(g, PANEL_WIDTH, PANEL_HEIGHT);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", bytes)) {
      throw new IOException("no PNG encoder is available to write " + file);
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }
}
