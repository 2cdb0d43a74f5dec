package io.sparkmlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.History;
import io.sparkmlp.model.TrainingControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** history.csv, metrics.jsonl and the streaming callback. */
class RunReportTest {
  @TempDir
  Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, Double> logs(Object... keyValues) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
    }
    return m;
  }

  @Test
  void csvHasEpochThenKeysInFirstSeenOrderAndPlainNumbers() {
    History h = new History();
    h.add(logs("loss", 0.5, "accuracy", 0.75, "steps", 469, "seconds", 1e-5));
    h.add(logs("loss", 1.25e-7, "accuracy", 1.0, "val_loss", 100, "steps", 469,
        "seconds", 12345678.5));
    assertEquals("epoch,loss,accuracy,steps,seconds,val_loss\n"
        + "1,0.5,0.75,469,0.00001,\n"
        + "2,0.000000125,1,469,12345678.5,100\n", RunReport.csv(h));
  }

  @Test
  void plainDecimalsReadBackExactly() {
    for (double v : new double[] {0.1, 1.0 / 3, 2.220446049250313e-16, 6.02e23, -0.0, 0.0,
        48_913.04347826087}) {
      String s = RunReport.plain(v);
      assertFalse(s.contains("E"), s);
      assertEquals(v == 0 ? 0.0 : v, Double.parseDouble(s), 0.0, s);
    }
    assertEquals("NaN", RunReport.plain(Double.NaN));
    assertEquals("Infinity", RunReport.plain(Double.POSITIVE_INFINITY));
  }

  @Test
  void jsonLineUsesKerasNamesOneBasedEpochAndIntegerSteps() throws IOException {
    String line = RunReport.jsonLine(2, logs("loss", 0.3521, "accuracy", 0.8712,
        "val_loss", 0.39, "val_accuracy", 0.86, "steps", 469, "seconds", 1.2,
        "samples_per_second", 48900.5));
    assertEquals("{\"epoch\":3,\"loss\":0.3521,\"accuracy\":0.8712,\"val_loss\":0.39,"
        + "\"val_accuracy\":0.86,\"steps\":469,\"seconds\":1.2,"
        + "\"samples_per_second\":48900.5}", line);
    JsonNode node = JSON.readTree(line);
    assertEquals(3, node.get("epoch").intValue());
    assertTrue(node.get("steps").isIntegralNumber());
    assertEquals(logs("loss", 0.3521, "accuracy", 0.8712, "val_loss", 0.39, "val_accuracy", 0.86,
        "steps", 469, "seconds", 1.2, "samples_per_second", 48900.5),
        RunReport.readJsonLine(line), "read back: the logs, in order, without the epoch");
  }

  @Test
  void nonFiniteValuesBecomeNullSoStrictReadersAccept() throws IOException {
    String line = RunReport.jsonLine(0, logs("loss", Double.NaN, "val_loss",
        Double.POSITIVE_INFINITY));
    assertEquals("{\"epoch\":1,\"loss\":null,\"val_loss\":null}", line);
    assertTrue(JSON.readTree(line).get("loss").isNull());
    assertTrue(RunReport.readJsonLine(line).get("val_loss").isNaN());
  }

  @Test
  void writeCreatesBothFilesAndReplacesOldOnes() throws IOException {
    Path dir = tmp.resolve("out/model");
    RunReport.write(SampleHistories.fashionMnist(3), dir);
    History h = SampleHistories.fashionMnist(2);
    RunReport.write(h, dir);

    List<String> csv = Files.readAllLines(dir.resolve(RunReport.HISTORY_CSV));
    assertEquals(3, csv.size());
    assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,steps,seconds,samples_per_second",
        csv.get(0));
    assertTrue(csv.get(2).startsWith("2," + RunReport.plain(h.epoch(1).get("loss")) + ","
        + RunReport.plain(h.epoch(1).get("accuracy")) + ","), csv.get(2));
    assertTrue(csv.get(2).endsWith(",469," + RunReport.plain(h.epoch(1).get("seconds")) + ","
        + RunReport.plain(h.epoch(1).get("samples_per_second"))), csv.get(2));

    List<String> jsonl = Files.readAllLines(dir.resolve(RunReport.METRICS_JSONL));
    assertEquals(2, jsonl.size());
    for (int e = 0; e < jsonl.size(); e++) {
      JsonNode node = JSON.readTree(jsonl.get(e));
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      assertEquals(List.of("epoch", "loss", "accuracy", "val_loss", "val_accuracy", "steps",
          "seconds", "samples_per_second"), names);
      assertEquals(e + 1, node.get("epoch").intValue());
    }
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void streamingAppendsOneCompleteLinePerEpochAsTrainingGoes() throws IOException {
    Path file = tmp.resolve("run/metrics.jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"epoch\":1,\"from\":\"an older run\"}\n");
    Callback cb = RunReport.streaming(file);
    TrainingControl control = new TrainingControl(new float[1], 3);
    cb.onTrainBegin(control);
    assertEquals("", Files.readString(file), "a fresh run starts an empty file");

    History h = SampleHistories.fashionMnist(3);
    for (int e = 0; e < 3; e++) {
      cb.onEpochEnd(e, h.epoch(e), control);
      List<String> lines = Files.readAllLines(file);
      assertEquals(e + 1, lines.size(), "visible before training ends");
      assertEquals(RunReport.jsonLine(e, h.epoch(e)), lines.get(e));
    }
    cb.onTrainEnd(control);
    assertEquals(RunReport.jsonl(h), Files.readString(file));
  }

  @Test
  void streamingForAResumedRunKeepsEarlierLines() throws IOException {
    Path file = tmp.resolve("metrics.jsonl");
    History h = SampleHistories.fashionMnist(4);
    Files.writeString(file, RunReport.jsonLine(0, h.epoch(0)) + "\n"
        + RunReport.jsonLine(1, h.epoch(1)) + "\n");
    Callback cb = RunReport.streaming(file, true);
    TrainingControl control = new TrainingControl(new float[1], 4);
    cb.onTrainBegin(control);
    cb.onEpochEnd(2, h.epoch(2), control);
    cb.onEpochEnd(3, h.epoch(3), control);
    assertEquals(RunReport.jsonl(h), Files.readString(file));
    Iterator<String> lines = Files.readAllLines(file).iterator();
    for (int e = 1; lines.hasNext(); e++) {
      assertEquals(e, JSON.readTree(lines.next()).get("epoch").intValue());
    }
  }
}
