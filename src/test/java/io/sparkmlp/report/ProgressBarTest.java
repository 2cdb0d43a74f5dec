package io.sparkmlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.model.History;
import io.sparkmlp.model.ProgressLogger;
import io.sparkmlp.model.TrainingControl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The bar's pure formatting, its redraw throttle, its width from the environment, and the
 * one-log-line-per-epoch fallback.
 */
class ProgressBarTest {
  private static final Map<String, Double> RUNNING = running(0.3521, 0.8712);

  private static Map<String, Double> running(double loss, double accuracy) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", loss);
    m.put("accuracy", accuracy);
    return m;
  }

  @Test
  void barFollowsKeras() {
    assertEquals("..........", ProgressBar.bar(0, 469, 10));
    assertEquals("..........", ProgressBar.bar(1, 469, 10));
    assertEquals(">.........", ProgressBar.bar(47, 469, 10));
    assertEquals("=====>....", ProgressBar.bar(312, 469, 10));  // 312*10/469 = 6.65
    assertEquals("========>.", ProgressBar.bar(468, 469, 10));  // 9.98 rounds down
    assertEquals("==========", ProgressBar.bar(469, 469, 10));
    assertEquals("=", ProgressBar.bar(1, 1, 1));
  }

  @Test
  void etaInSecondsMinutesHours() {
    assertEquals("0s", ProgressBar.eta(0.2));
    assertEquals("3s", ProgressBar.eta(2.6));
    assertEquals("59s", ProgressBar.eta(59.4));
    assertEquals("1:00", ProgressBar.eta(59.6));
    assertEquals("4:05", ProgressBar.eta(245));
    assertEquals("1:02:03", ProgressBar.eta(3723));
    assertEquals("0s", ProgressBar.eta(-1));
  }

  @Test
  void stepLineOnAWideTerminalHasEverything() {
    // 312 of 469 steps of 128 rows in 0.8167 s: 48,900 samples/s, 0.4 s to go.
    String line = ProgressBar.stepLine(2, 10, 312, 469, RUNNING, 312 * 128, 0.816687, 200);
    assertEquals("Epoch 3/10  [==================>...........]  312/469 - loss: 0.3521"
        + " - accuracy: 0.8712 - 48,900 samples/s - ETA 0s", line);
  }

  @Test
  void stepLinePadsTheCounterSoTheLineDoesNotJitter() {
    String line = ProgressBar.stepLine(0, 1, 7, 469, RUNNING, 7 * 128, 0.02, 200);
    assertTrue(line.contains("]    7/469 - loss"), line);
  }

  @Test
  void stepLineFitsTheTerminalByShrinkingTheBarThenDroppingEntries() {
    Map<String, Double> logs = running(0.3521, 0.8712);
    logs.put("top_k_accuracy", 0.99);
    for (int width = 20; width <= 160; width++) {
      String line = ProgressBar.stepLine(2, 10, 312, 469, logs, 312 * 128, 12.0, width);
      assertTrue(line.length() <= width, width + ": " + line);
    }
    // 79 columns: samples/s and the last metric dropped, the bar widened into what is left.
    String line = ProgressBar.stepLine(2, 10, 312, 469, logs, 312 * 128, 12.0, 79);
    assertEquals("Epoch 3/10  [=======>.....]  312/469 - loss: 0.3521 - accuracy: 0.8712"
        + " - ETA 6s", line);
    assertEquals(79, line.length());
    // Narrow: the counter and ETA outlive the loss.
    assertEquals("Epoch 3/10  [==========>.......]  312/469 - ETA 6s",
        ProgressBar.stepLine(2, 10, 312, 469, logs, 312 * 128, 12.0, 50));
  }

  @Test
  void endLineHasTheFullBarTimingAndValidation() {
    Map<String, Double> logs = SampleHistories.fashionMnist(3).epoch(2);
    String line = ProgressBar.endLine(2, 10, 469, logs);
    assertTrue(line.startsWith("Epoch 3/10  [==============================]  469/469 - 0.43s"
        + " - 139,535 samples/s - loss: 0.3600 - accuracy: 0.8733 - val_loss: "), line);
    assertTrue(line.contains(" - val_accuracy: "), line);
    assertFalse(line.contains("steps"), line);
  }

  @Test
  void offATerminalItLogsExactlyProgressLoggersLinesAndIgnoresSteps() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> logged = new ArrayList<>();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        logged::add, false, 80);
    History h = SampleHistories.fashionMnist(2);
    TrainingControl control = new TrainingControl(new float[1], 2);
    AtomicInteger computed = new AtomicInteger();
    bar.onTrainBegin(control);
    for (int e = 0; e < 2; e++) {
      for (int s = 0; s < 469; s++) {
        bar.onStep(e, s, 469, (s + 1) * 128L, s * 0.001, () -> {
          computed.incrementAndGet();
          return RUNNING;
        });
      }
      bar.onEpochEnd(e, h.epoch(e), control);
    }
    assertEquals(List.of(ProgressLogger.format(0, 2, h.epoch(0)),
        ProgressLogger.format(1, 2, h.epoch(1))), logged);
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "nothing on standard output");
    assertEquals(0, computed.get(), "running logs are not even computed");
  }

  @Test
  void onATerminalNothingIsLogged() {
    List<String> logged = new ArrayList<>();
    ProgressBar bar = new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8), logged::add, true, 80);
    TrainingControl control = new TrainingControl(new float[1], 1);
    bar.onTrainBegin(control);
    bar.onStep(0, 0, 1, 128, 0.5, () -> RUNNING);
    bar.onEpochEnd(0, Map.of("loss", 0.3), control);
    assertEquals(List.of(), logged);
  }

  @Test
  void widthIsColumnsFromTheEnvironmentElse80() {
    assertEquals(120, ProgressBar.columns(Map.of("COLUMNS", "120")));
    assertEquals(57, ProgressBar.columns(Map.of("COLUMNS", " 57\n", "LINES", "40")));
    assertEquals(80, ProgressBar.columns(Map.of()));
    assertEquals(80, ProgressBar.columns(Map.of("LINES", "120")));
    for (String bad : List.of("", "0", "-120", "wide", "12.5", "99999999999")) {
      assertEquals(80, ProgressBar.columns(Map.of("COLUMNS", bad)), bad);
    }
  }

  @Test
  void aBarForANarrowEnvironmentDrawsNarrowLines() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true, ProgressBar.columns(Map.of("COLUMNS", "50")));
    TrainingControl control = new TrainingControl(new float[1], 10);
    bar.onTrainBegin(control);
    bar.onStep(2, 311, 469, 312 * 128L, 12.0, () -> RUNNING);
    assertEquals("\rEpoch 3/10  [==========>......]  312/469 - ETA 6s",
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalItRedrawsInPlaceAtMostTenTimesASecond() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true, 120);
    History h = SampleHistories.fashionMnist(1);
    TrainingControl control = new TrainingControl(new float[1], 1);
    AtomicInteger computed = new AtomicInteger();
    bar.onTrainBegin(control);
    // 469 steps over 1 s: the first, about one per 0.1 s, and the last are drawn.
    for (int s = 0; s < 469; s++) {
      bar.onStep(0, s, 469, (s + 1) * 128L, (s + 1) / 469.0, () -> {
        computed.incrementAndGet();
        return RUNNING;
      });
    }
    bar.onEpochEnd(0, h.epoch(0), control);
    String out = bytes.toString(StandardCharsets.UTF_8);
    int redraws = out.split("\r", -1).length - 1;
    assertEquals(computed.get() + 1, redraws, "each computed line drawn once, plus the end");
    assertTrue(redraws >= 10 && redraws <= 13, redraws + " redraws");
    assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line per epoch");
    assertTrue(out.endsWith("\r" + ProgressBar.endLine(0, 1, 469, h.epoch(0)) + "\n"), out);
    String[] drawn = out.split("\r");
    for (int i = 0; i < drawn.length - 1; i++) {
      assertTrue(drawn[i].length() <= 119, "in-place lines fit the terminal: " + drawn[i]);
    }
  }

  @Test
  void aShorterLineBlanksTheRestOfTheLongerOne() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        true, 200);
    TrainingControl control = new TrainingControl(new float[1], 1);
    bar.onTrainBegin(control);
    bar.onStep(0, 0, 2, 128, 0.5, () -> RUNNING);
    bar.onEpochEnd(0, Map.of("loss", 0.3), control);
    String[] draws = bytes.toString(StandardCharsets.UTF_8).split("\r");
    assertEquals(draws[1].length(), draws[2].length() - 1, "padded to the longer, plus \\n");
    assertTrue(draws[2].stripTrailing().endsWith("loss: 0.3000"), draws[2]);
  }

  @Test
  void notATerminalUnderTestsOrInClusterMode() {
    // Surefire redirects standard output, so this JVM has no console.
    assertFalse(ProgressBar.isTerminal());
    String old = System.getProperty("spark.submit.deployMode");
    System.setProperty("spark.submit.deployMode", "cluster");
    try {
      assertFalse(ProgressBar.isTerminal());
      assertFalse(new ProgressBar().terminal());
    } finally {
      if (old == null) {
        System.clearProperty("spark.submit.deployMode");
      } else {
        System.setProperty("spark.submit.deployMode", old);
      }
    }
  }
}
