package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import javax.imageio.ImageIO;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning-curve PNG: its format and size, and the cases with little to draw. */
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
    render(SampleHistories.fashionMnist(1), tmp.resolve("one.png"));
  }

  @Test
  void manyEpochs() throws IOException {
    render(SampleHistories.fashionMnist(200), tmp.resolve("many.png"));
  }

  @Test
  void withoutAccuracyTheFirstOtherMetricIsPlotted() throws IOException {
    assertEquals("mean_absolute_error",
        TrainingPlot.secondMetric(SampleHistories.regression(3).keys()));
    render(SampleHistories.regression(4), tmp.resolve("regression.png"));
  }

  @Test
  void withoutAnyMetricLossTakesTheWholeImage() throws IOException {
    assertNull(TrainingPlot.secondMetric(List.of("loss", "val_loss", "steps", "seconds")));
    History h = new History();
    h.add(java.util.Map.of("loss", 1.0));
    h.add(java.util.Map.of("loss", 0.5));
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

  @Test
  void runsHeadless() throws IOException {
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
