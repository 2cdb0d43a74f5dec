package io.sparkmlp.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.model.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning-curve PNG: the series each panel plots (checked on the charts before drawing),
 * the file's format and size, and the cases with little to draw.
 */
class TrainingPlotTest {
  @TempDir
  Path tmp;

  private static BufferedImage render(History h, Path png) throws IOException {
    TrainingPlot.write(h, png);
    byte[] magic = new byte[8];
    System.arraycopy(Files.readAllBytes(png), 0, magic, 0, 8);
    assertEquals("\u0089PNG\r\n\u001a\n", new String(magic, java.nio.charset.StandardCharsets.ISO_8859_1));
    BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, "ImageIO reads it");
    assertEquals(TrainingPlot.WIDTH, img.getWidth());
    assertEquals(TrainingPlot.HEIGHT, img.getHeight());
    return img;
  }

  /** Epochs 1..n, the x values of every series. */
  private static double[] epochs(int n) {
    double[] x = new double[n];
    for (int e = 0; e < n; e++) {
      x[e] = e + 1;
    }
    return x;
  }

  /** The history's values of key, NaN where an epoch lacks it. */
  private static double[] column(History h, String key) {
    double[] y = new double[h.size()];
    for (int e = 0; e < y.length; e++) {
      Double v = h.epoch(e).get(key);
      y[e] = v == null ? Double.NaN : v;
    }
    return y;
  }

  /** The chart's series by name, with the history's epochs on x and its key on y. */
  private static void assertSeries(XYChart chart, String name, History h, String key) {
    XYSeries series = chart.getSeriesMap().get(name);
    assertNotNull(series, name + " in " + chart.getSeriesMap().keySet());
    assertArrayEquals(epochs(h.size()), series.getXData(), name + " x");
    assertArrayEquals(column(h, key), series.getYData(), name + " y");
    assertTrue(series.isEnabled() && series.isShowInLegend(), name + " drawn and named");
  }

  @Test
  void panelsPlotTheHistoryLossLeftAccuracyRight() {
    History h = SampleHistories.fashionMnist(15);
    List<XYChart> charts = TrainingPlot.charts(h);
    assertEquals(2, charts.size());
    assertEquals(List.of("Loss", "Accuracy"), List.of(charts.get(0).getTitle(),
        charts.get(1).getTitle()));
    assertSeries(charts.get(0), "training", h, "loss");
    assertSeries(charts.get(0), "validation", h, "val_loss");
    assertSeries(charts.get(1), "training", h, "accuracy");
    assertSeries(charts.get(1), "validation", h, "val_accuracy");
    for (XYChart c : charts) {
      assertEquals(Set.of("training", "validation"), c.getSeriesMap().keySet());
      assertEquals(TrainingPlot.WIDTH / 2, c.getWidth());
    }
  }

  @Test
  void fifteenEpochsWithValidation() throws IOException {
    BufferedImage img = render(SampleHistories.fashionMnist(15), tmp.resolve("a/plot.png"));
    assertTrue(distinctColours(img) > 20, "something was drawn");
    try (var files = Files.list(tmp.resolve("a"))) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void oneEpoch() throws IOException {
    History h = SampleHistories.fashionMnist(1);
    List<XYChart> charts = TrainingPlot.charts(h);
    assertSeries(charts.get(0), "training", h, "loss");
    assertSeries(charts.get(1), "validation", h, "val_accuracy");
    render(h, tmp.resolve("one.png"));
  }

  @Test
  void manyEpochs() throws IOException {
    History h = SampleHistories.fashionMnist(200);
    XYChart loss = TrainingPlot.charts(h).get(0);
    assertSeries(loss, "training", h, "loss");
    assertSeries(loss, "validation", h, "val_loss");
    // Past 30 epochs a hidden series moves the x ticks to round numbers; it is not a curve.
    XYSeries ticks = loss.getSeriesMap().get("x ticks");
    assertFalse(ticks.isEnabled() || ticks.isShowInLegend());
    render(h, tmp.resolve("many.png"));
  }

  @Test
  void withoutAccuracyTheFirstOtherMetricIsPlotted() throws IOException {
    assertEquals("mean_absolute_error",
        TrainingPlot.secondMetric(SampleHistories.regression(3).keys()));
    History h = SampleHistories.regression(4);
    List<XYChart> charts = TrainingPlot.charts(h);
    assertSeries(charts.get(0), "training", h, "loss");
    assertSeries(charts.get(1), "training", h, "mean_absolute_error");
    assertEquals("Mean absolute error", charts.get(1).getTitle());
    for (XYChart c : charts) {
      assertEquals(Set.of("training"), c.getSeriesMap().keySet(), "no validation was logged");
    }
    render(h, tmp.resolve("regression.png"));
  }

  @Test
  void withoutAnyMetricLossTakesTheWholeImage() throws IOException {
    assertNull(TrainingPlot.secondMetric(List.of("loss", "val_loss", "steps", "seconds")));
    History h = new History();
    h.add(java.util.Map.of("loss", 1.0));
    h.add(java.util.Map.of("loss", 0.5));
    List<XYChart> charts = TrainingPlot.charts(h);
    assertEquals(1, charts.size());
    assertEquals(TrainingPlot.WIDTH, charts.get(0).getWidth());
    assertSeries(charts.get(0), "training", h, "loss");
    render(h, tmp.resolve("loss.png"));
  }

  @Test
  void validationInSomeEpochsOnly() throws IOException {
    History full = SampleHistories.fashionMnist(6);
    History h = new History();
    for (int e = 0; e < full.size(); e++) {
      java.util.Map<String, Double> logs = new java.util.LinkedHashMap<>(full.epoch(e));
      if (e % 2 == 0) {
        logs.remove("val_loss");
        logs.remove("val_accuracy");
      }
      h.add(logs);
    }
    List<XYChart> charts = TrainingPlot.charts(h);
    // Epochs without validation are gaps (NaN), not zeros or shifted points.
    assertSeries(charts.get(0), "validation", h, "val_loss");
    assertSeries(charts.get(1), "validation", h, "val_accuracy");
    assertTrue(Double.isNaN(charts.get(0).getSeriesMap().get("validation").getYData()[0]));
    assertEquals(full.epoch(1).get("val_loss"),
        charts.get(0).getSeriesMap().get("validation").getYData()[1]);
    render(h, tmp.resolve("sparse.png"));
  }

  @Test
  void replacesAnOldPlot() throws IOException {
    Path png = tmp.resolve("plot.png");
    Files.writeString(png, "not a png");
    render(SampleHistories.fashionMnist(2), png);
  }

  @Test
  void legendGoesWhereTheCurvesAreNot() {
    double[] falling = {0.9, 0.5, 0.35, 0.3, 0.28, 0.27};
    double[] rising = {0.6, 0.8, 0.85, 0.87, 0.88, 0.885};
    assertEquals(LegendPosition.InsideNE, TrainingPlot.emptiestCorner(falling, null));
    assertEquals(LegendPosition.InsideSE, TrainingPlot.emptiestCorner(rising, null));
    // Overfitting: validation loss turns up into NE, training loss falls into SE and starts
    // in NW; only SW is left.
    double[] overfit = {0.6, 0.45, 0.5, 0.6, 0.75, 0.9};
    assertEquals(LegendPosition.InsideSW,
        TrainingPlot.emptiestCorner(new double[] {0.85, 0.4, 0.2, 0.1, 0.05, 0.02}, overfit));
    assertEquals(LegendPosition.InsideNE, TrainingPlot.emptiestCorner(new double[] {1.0}));
  }

  @Test
  void yLabelsHaveOneNumberOfDecimalsForTheRange() {
    assertEquals("0.00", TrainingPlot.yPattern(new double[] {0.52, 0.30}, null));
    assertEquals("0.00", TrainingPlot.yPattern(new double[] {0.82, 0.895}));
    assertEquals("0.00000", TrainingPlot.yPattern(new double[] {2.302585, 2.302515}));
    assertEquals("#,##0", TrainingPlot.yPattern(new double[] {5_000, 120}));
    assertEquals("0.0000", TrainingPlot.yPattern(new double[] {0.5}));
    assertEquals("0.00000000", TrainingPlot.yPattern(new double[] {1e-12, 2e-12}));
  }

  @Test
  void anEmptyHistoryIsTheCallersMistake() {
    assertThrows(IllegalArgumentException.class,
        () -> TrainingPlot.write(new History(), tmp.resolve("x.png")));
  }

  /**
   * The plot sets nothing JVM-wide: headless AWT comes from the launch options. This JVM was
   * started with the pom's argLine, which ArchitectureTest keeps equal to scripts/jvm-options,
   * so the property is set here only if the launchers set it too.
   */
  @Test
  void theLaunchOptionsRunAwtHeadless() throws IOException {
    assertTrue(Files.readAllLines(Path.of("scripts", "jvm-options")).contains(
        "-Djava.awt.headless=true"));
    assertEquals("true", System.getProperty("java.awt.headless"));
    render(SampleHistories.fashionMnist(2), tmp.resolve("h.png"));
    assertTrue(java.awt.GraphicsEnvironment.isHeadless());
  }

  private static int distinctColours(BufferedImage img) {
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        colours.add(img.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
