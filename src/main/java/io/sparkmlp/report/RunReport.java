package io.sparkmlp.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.Storage;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.History;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.train.Logs;
import io.sparkmlp.util.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's per-epoch record as files: {@code history.csv} (one row per epoch, for spreadsheets
 * and pandas) and {@code metrics.jsonl} (one JSON object per epoch under Keras's names, for
 * {@code jq}, schedulers and dashboards). Epochs are numbered from 1 in both, as the progress
 * line prints them.
 *
 * <p>{@link #streaming} gives the incremental form: a callback that appends each epoch's
 * {@code metrics.jsonl} line as training goes, so {@code tail -f} or a scheduler sees progress
 * before the run ends.
 */
public final class RunReport {
  public static final String HISTORY_CSV = "history.csv";
  public static final String METRICS_JSONL = "metrics.jsonl";
  /** The column and JSON field that numbers the epochs (from 1). */
  public static final String EPOCH = "epoch";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunReport() {}

  /** Writes {@code history.csv} and {@code metrics.jsonl} into dir, creating it if needed. */
  public static void write(History history, Path dir) throws IOException {
    Files.createDirectories(dir);
    writeCsv(history, dir.resolve(HISTORY_CSV));
    writeJsonl(history, dir.resolve(METRICS_JSONL));
  }

  /** Writes the history as CSV to file, replacing it whole (see {@link #csv}). */
  public static void writeCsv(History history, Path file) throws IOException {
    replace(file, csv(history));
  }

  /** Writes the history as JSON lines to file, replacing it whole (see {@link #jsonl}). */
  public static void writeJsonl(History history, Path file) throws IOException {
    replace(file, jsonl(history));
  }

  /**
   * The CSV text: header {@code epoch} then every key of the history in first-seen order, one
   * row per epoch, numbers in plain decimal ({@code 0.00001}, never {@code 1.0E-5}), an empty
   * cell where an epoch lacks a key.
   */
  public static String csv(History history) {
    List<String> keys = history.keys();
    StringBuilder sb = new StringBuilder(EPOCH);
    for (String k : keys) {
      sb.append(',').append(csvField(k));
    }
    sb.append('\n');
    for (int e = 0; e < history.size(); e++) {
      Map<String, Double> logs = history.epoch(e);
      sb.append(e + 1);
      for (String k : keys) {
        sb.append(',');
        Double v = logs.get(k);
        if (v != null) {
          sb.append(plain(v));
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The JSON-lines text: {@link #jsonLine} for every epoch, each ending in a newline. */
  public static String jsonl(History history) {
    StringBuilder sb = new StringBuilder();
    for (int e = 0; e < history.size(); e++) {
      sb.append(jsonLine(e, history.epoch(e))).append('\n');
    }
    return sb.toString();
  }

  /**
   * One epoch as a JSON object without a newline: {@code epoch} (epoch + 1), then the logs in
   * their order, e.g. {@code {"epoch":3,"loss":0.35,"accuracy":0.87,...,"seconds":1.2}}.
   * {@code steps} is written as an integer. A value that is not finite becomes {@code null},
   * because JSON has no NaN and strict readers reject the bare token.
   *
   * @param epoch 0-based, as callbacks receive it
   */
  public static String jsonLine(int epoch, Map<String, Double> logs) {
    Checks.argument(epoch >= 0, "epoch must be >= 0, got %s", epoch);
    ObjectNode node = JSON.createObjectNode();
    node.put(EPOCH, epoch + 1);
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      Double v = e.getValue();
      if (v == null || !Double.isFinite(v)) {
        node.putNull(e.getKey());
      } else if (e.getKey().equals(Logs.STEPS)) {
        node.put(e.getKey(), v.longValue());
      } else {
        node.put(e.getKey(), v.doubleValue());
      }
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException ex) {
      // A tree of numbers and nulls always serialises; this would be a Jackson bug.
      throw new IllegalStateException("could not write logs as JSON: " + logs, ex);
    }
  }

  /**
   * The logs of one {@link #jsonLine}, in order and without the epoch; a null reads as NaN.
   *
   * @throws IOException when line is not a JSON object
   */
  public static Map<String, Double> readJsonLine(String line) throws IOException {
    Map<String, Double> logs = new LinkedHashMap<>();
    JSON.readTree(line).fields().forEachRemaining(f -> {
      if (!f.getKey().equals(EPOCH)) {
        logs.put(f.getKey(), f.getValue().isNull() ? Double.NaN : f.getValue().asDouble());
      }
    });
    return logs;
  }

  /**
   * A callback that writes one {@link #jsonLine} to file at the end of every epoch. The file
   * is emptied when training begins; each line is appended and the file closed again at once,
   * so a reader sees whole lines only and nothing stays open if training throws.
   */
  public static Callback streaming(Path file) {
    return streaming(file, false);
  }

  /**
   * As {@link #streaming(Path)}; with keepExisting the lines already in file stay, for a run
   * resumed from a checkpoint that continues the same record.
   */
  public static Callback streaming(Path file, boolean keepExisting) {
    return new Streaming(Location.of(file.toAbsolutePath()), keepExisting);
  }

  /**
   * As {@link #streaming(Path, boolean)} for a local path or a Hadoop URI; on a Hadoop file
   * system each epoch rewrites the file whole (see {@link Storage#append}).
   */
  public static Callback streaming(Location file, boolean keepExisting) {
    return new Streaming(file.absolute(), keepExisting);
  }

  /** Plain decimal, shortest form that reads back to the same double; NaN and Infinity named. */
  static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Writes a temporary sibling and renames it over file, so readers never see half of it. */
  private static void replace(Path file, String content) throws IOException {
    Path target = file.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-"
        + Long.toHexString(System.nanoTime()));
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The incremental writer behind {@link #streaming}. */
  private static final class Streaming implements Callback {
    private final Location file;
    private final boolean keepExisting;

    Streaming(Location file, boolean keepExisting) {
      this.file = file;
      this.keepExisting = keepExisting;
    }

    @Override
    public void onTrainBegin(TrainingControl control) {
      try {
        Storage.createDirectories(file.parent());
        if (!keepExisting) {
          Storage.replace(file, "");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
      try {
        // Locally one write per line with O_APPEND: the line lands whole, and closing
        // flushes it.
        Storage.append(file, jsonLine(epoch, logs) + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to " + file, e);
      }
    }
  }
}
