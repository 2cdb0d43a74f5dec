package io.sparkmlp.report;

import io.sparkmlp.model.History;
import io.sparkmlp.train.Logs;
import io.sparkmlp.util.Checks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.ChartTheme;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The learning curves of a run as one PNG: loss on the left, accuracy (or, without it, the
 * first other metric) on the right, training and validation in each, epochs on x. Without any
 * metric, the loss panel takes the whole width.
 *
 * <p>AWT draws the image and must not reach for a display (a driver started over {@code ssh -X}
 * would open windows' worth of X11 connections): the JVM runs with
 * {@code -Djava.awt.headless=true}, which the launch options set ({@code scripts/jvm-options},
 * the tests' {@code argLine}, docker-compose's driver options). A library must not set it for
 * the whole JVM behind the application's back.
 */
public final class TrainingPlot {
  /** Size of the whole image in pixels. */
  public static final int WIDTH = 1000;
  public static final int HEIGHT = 450;

  private static final Color TRAIN = new Color(31, 119, 180);      // matplotlib's blue
  private static final Color VALIDATION = new Color(255, 127, 14); // and orange
  private static final String FONT = Font.SANS_SERIF;
  /** Up to this many epochs, x ticks sit on epochs; beyond, on round numbers. */
  private static final int EPOCH_TICKS = 30;
  private static final int MAX_DECIMALS = 8;

  private TrainingPlot() {}

  /** Renders the history's curves to png (written whole, then renamed into place). */
  public static void write(History history, Path png) throws IOException {
    List<XYChart> charts = charts(history);
    Path target = png.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-"
        + Long.toHexString(System.nanoTime()));
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapFormat.PNG);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The panels of the image, left to right, built but not drawn. */
  static List<XYChart> charts(History history) {
    Checks.argument(history.size() > 0, "cannot plot an empty history (no epochs)");
    Checks.argument(history.keys().contains(Logs.LOSS), "cannot plot a history without '%s'; "
        + "it has %s", Logs.LOSS, history.keys());
    List<XYChart> charts = new ArrayList<>();
    String metric = secondMetric(history.keys());
    int panelWidth = metric == null ? WIDTH : WIDTH / 2;
    charts.add(panel(history, Logs.LOSS, "Loss", panelWidth));
    if (metric != null) {
      charts.add(panel(history, metric, title(metric), panelWidth));
    }
    return charts;
  }

  /** accuracy if logged, else the first key that is neither loss, timing nor validation. */
  static String secondMetric(List<String> keys) {
    if (keys.contains("accuracy")) {
      return "accuracy";
    }
    for (String k : keys) {
      if (!k.equals(Logs.LOSS) && !Logs.isTiming(k) && !k.startsWith(Logs.VAL_PREFIX)) {
        return k;
      }
    }
    return null;
  }

  /** One panel: key for training and val_key for validation, where logged. */
  private static XYChart panel(History history, String key, String title, int width) {
    XYChart chart = new XYChart(width, HEIGHT, ChartTheme.Matlab);
    chart.setTitle(title);
    chart.setXAxisTitle("epoch");
    chart.setYAxisTitle(key);
    style(chart, history.size());
    double[] epochs = new double[history.size()];
    for (int e = 0; e < epochs.length; e++) {
      epochs[e] = e + 1;
    }
    double[] train = values(history, key);
    double[] val = values(history, Logs.VAL_PREFIX + key);
    addSeries(chart, "training", epochs, train, TRAIN);
    addSeries(chart, "validation", epochs, val, VALIDATION);
    chart.getStyler().setLegendPosition(emptiestCorner(train, val));
    chart.getStyler().setYAxisDecimalPattern(yPattern(train, val));
    if (epochs.length > EPOCH_TICKS) {
      // XChart puts ticks on every k-th x value when the x values are equally spaced, which
      // for many epochs gives 1, 9, 17, ... An x value off the grid, in a hidden series,
      // makes it choose round steps (20, 40, ...) instead.
      chart.addSeries("x ticks", new double[] {1.5}, new double[] {train[0]})
          .setEnabled(false).setShowInLegend(false);
    }
    return chart;
  }

  private static void style(XYChart chart, int epochs) {
    var s = chart.getStyler();
    s.setChartTitleFont(new Font(FONT, Font.BOLD, 18));
    s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 15));
    s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 13));
    s.setLegendFont(new Font(FONT, Font.PLAIN, 14));
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotGridLinesColor(new Color(225, 225, 225));
    s.setChartPadding(12);
    s.setLegendLayout(LegendLayout.Vertical);
    s.setLegendBorderColor(new Color(200, 200, 200));
    s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
    s.setMarkerSize(epochs <= EPOCH_TICKS ? 7 : 0); // markers would merge into a band
    // Epochs are whole numbers: label only those, and centre a lone epoch.
    s.setxAxisTickLabelsFormattingFunction(TrainingPlot::epochLabel);
    s.setXAxisMin(epochs == 1 ? 0.0 : 1.0);
    s.setXAxisMax(epochs == 1 ? 2.0 : (double) epochs);
  }

  private static void addSeries(XYChart chart, String name, double[] x, double[] y, Color c) {
    if (y == null) {
      return;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setLineColor(c);
    series.setMarkerColor(c);
    series.setMarker(SeriesMarkers.CIRCLE);
    series.setLineStyle(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
  }

  /** The values of key per epoch, NaN where an epoch lacks it; null if no epoch has it. */
  private static double[] values(History history, String key) {
    if (!history.keys().contains(key)) {
      return null;
    }
    double[] v = new double[history.size()];
    for (int e = 0; e < v.length; e++) {
      Double d = history.epoch(e).get(key);
      v[e] = d == null ? Double.NaN : d;
    }
    return v;
  }

  /**
   * One number of decimals for every y label, enough for a tick step of about a fifth of the
   * range (XChart widens its steps until the labels differ, so fewer never repeats a label).
   * XChart's own choice varies per label ({@code 0.5}, {@code 0.52}) and turns to
   * {@code 2.30258E0} on flat curves.
   */
  static String yPattern(double[]... curves) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] c : curves) {
      for (int i = 0; c != null && i < c.length; i++) {
        if (Double.isFinite(c[i])) {
          min = Math.min(min, c[i]);
          max = Math.max(max, c[i]);
        }
      }
    }
    double range = max - min;
    // A single value (one epoch, a flat curve) gets a single label: show it in some detail.
    int decimals = range > 0 ? (int) Math.ceil(-Math.log10(range / 5)) : 4;
    decimals = Math.max(0, Math.min(decimals, MAX_DECIMALS));
    return decimals == 0 ? "#,##0" : "0." + "0".repeat(decimals);
  }

  /**
   * The inside corner where the legend covers the least of the curves: the share of each
   * curve, sampled along its segments, that falls in a box of a legend's size (a third of the
   * width, a quarter of the height) at that corner. Ties go to NE, SE, NW, SW in that order.
   */
  static LegendPosition emptiestCorner(double[]... curves) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (double[] c : curves) {
      if (c != null) {
        for (double v : c) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        n = Math.max(n, c.length);
      }
    }
    LegendPosition[] corners = {LegendPosition.InsideNE, LegendPosition.InsideSE,
        LegendPosition.InsideNW, LegendPosition.InsideSW};
    if (n < 2 || !(max > min)) {
      return corners[0];
    }
    int[] covered = new int[corners.length];
    final int samples = 20;
    for (double[] c : curves) {
      for (int i = 0; c != null && i + 1 < c.length; i++) {
        if (!Double.isFinite(c[i]) || !Double.isFinite(c[i + 1])) {
          continue;
        }
        for (int k = 0; k <= samples; k++) {
          double t = (double) k / samples;
          double x = (i + t) / (n - 1);
          double y = ((1 - t) * c[i] + t * c[i + 1] - min) / (max - min);
          boolean east = x > 2 / 3.0;
          boolean west = x < 1 / 3.0;
          boolean north = y > 0.75;
          boolean south = y < 0.25;
          covered[0] += east && north ? 1 : 0;
          covered[1] += east && south ? 1 : 0;
          covered[2] += west && north ? 1 : 0;
          covered[3] += west && south ? 1 : 0;
        }
      }
    }
    int best = 0;
    for (int i = 1; i < corners.length; i++) {
      if (covered[i] < covered[best]) {
        best = i;
      }
    }
    return corners[best];
  }

  private static String epochLabel(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "";
  }

  /** "accuracy" → "Accuracy", "top_k" → "Top k". */
  private static String title(String key) {
    String t = key.replace('_', ' ');
    return t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
  }
}
