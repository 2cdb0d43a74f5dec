package io.sparkmlp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparkmlp.io.Location;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.report.RunReport;
import io.sparkmlp.report.TrainingPlot;
import io.sparkmlp.spark.source.Preprocessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The output directory of a training run, written in one atomic step: the model
 * (model.json, weights.bin, optimizer.bin), history.csv, metrics.jsonl, the resolved
 * config.yaml, preprocessing.json, training.png and, when a test set was given,
 * test_metrics.json.
 */
final class RunOutput {
  static final String CONFIG = "config.yaml";
  static final String PLOT = "training.png";
  static final String TEST_METRICS = "test_metrics.json";

  private RunOutput() {}

  static void write(Location out, Sequential model, History history, RunConfig cfg,
                    Preprocessor pre, Map<String, Double> test, double seconds)
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(RunReport.HISTORY_CSV, utf8(RunReport.csv(history)));
    files.put(RunReport.METRICS_JSONL, utf8(RunReport.jsonl(history)));
    files.put(CONFIG, utf8(cfg.toYaml()));
    Path scratch = Files.createTempDirectory("sparkmlp-run");
    try {
      pre.save(scratch);
      files.put(Preprocessor.FILE, Files.readAllBytes(scratch.resolve(Preprocessor.FILE)));
      if (history.size() > 0) {
        TrainingPlot.write(history, scratch.resolve(PLOT));
        files.put(PLOT, Files.readAllBytes(scratch.resolve(PLOT)));
      }
    } finally {
      io.sparkmlp.io.AtomicDirectory.deleteRecursively(scratch);
    }
    if (test != null) {
      Map<String, Object> json = new LinkedHashMap<>(test);
      json.put("training_seconds", seconds);
      files.put(TEST_METRICS, new ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(json));
    }
    model.save(out, files);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
