package io.sparkmlp.report;

import io.sparkmlp.model.Callback;
import io.sparkmlp.model.ProgressLogger;
import io.sparkmlp.model.StepListener;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.train.Logs;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras-like progress: on a terminal, a bar redrawn in place during each epoch,
 * {@code Epoch 3/10  [=========>....]  312/469 - loss: 0.3521 - accuracy: 0.8712 - 48,900
 * samples/s - ETA 3s}, and a final line per epoch with the validation values: user output, on
 * standard output. Anywhere else (a log file, a pipe, spark-submit in cluster mode) it logs
 * only {@link ProgressLogger}'s one line per epoch at INFO, because carriage returns make logs
 * unreadable and a log line carries the timestamp a reader of logs needs.
 *
 * <p>The in-place line is kept one column narrower than the terminal: a line that wraps can no
 * longer be redrawn with {@code \r}, and the bar would scroll down the screen.
 */
public final class ProgressBar implements StepListener {

  /** Redraws at most this often: more is flicker and console I/O nobody can read. */
  static final double REDRAW_SECONDS = 0.1;
  /** The bar's width when the terminal has room, as Keras draws it. */
  static final int BAR_WIDTH = 30;
  /** The narrowest bar; below it, entries after the counter are dropped instead. */
  static final int MIN_BAR_WIDTH = 10;
  /** The width assumed when the terminal does not say. */
  static final int DEFAULT_COLUMNS = 80;

  private static final Logger LOG = LoggerFactory.getLogger(ProgressBar.class);

  private final PrintStream out;
  private final Consumer<String> log;
  private final boolean terminal;
  private final int columns;
  private int epochs;
  private int drawnEpoch = -1;
  private double drawnSeconds;
  private int drawnLength;
  private int lastSteps;

  /** Progress as a bar on standard output when it is a terminal, else as log lines. */
  public ProgressBar() {
    this(System.out, isTerminal(), columns(System.getenv()));
  }

  /**
   * @param terminal whether out redraws in place; false logs one line per epoch only
   * @param columns the terminal's width in characters
   */
  public ProgressBar(PrintStream out, boolean terminal, int columns) {
    this(out, LOG::info, terminal, columns);
  }

  /** As the public constructor, with the epoch lines off a terminal going to log. */
  ProgressBar(PrintStream out, Consumer<String> log, boolean terminal, int columns) {
    this.out = out;
    this.log = log;
    this.terminal = terminal;
    this.columns = Math.max(columns, 2);
  }

  /** Whether this bar redraws in place (false: one line per epoch). */
  public boolean terminal() {
    return terminal;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    epochs = control.epochs();
  }

  /** Redraws the bar if a tenth of a second has passed. */
  @Override
  public void onStep(int epoch, int step, int steps, long rows, double seconds,
                     Supplier<Map<String, Double>> logs) {
    if (!terminal) {
      return;
    }
    lastSteps = steps;
    boolean due = epoch != drawnEpoch || seconds - drawnSeconds >= REDRAW_SECONDS
        || step == steps - 1;
    if (!due) {
      return;
    }
    String line = stepLine(epoch, epochs, step + 1, steps, logs.get(), rows, seconds,
        columns - 1);
    redraw(line);
    out.flush();
    drawnEpoch = epoch;
    drawnSeconds = seconds;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    if (!terminal) {
      log.accept(ProgressLogger.format(epoch, control.epochs(), logs));
      return;
    }
    int steps = logs.containsKey(Logs.STEPS) ? logs.get(Logs.STEPS).intValue() : lastSteps;
    redraw(endLine(epoch, control.epochs(), steps, logs));
    out.print('\n');
    out.flush();
    drawnLength = 0;
    drawnEpoch = -1;
  }

  /** Overwrites the current line, blanking what is left of a longer previous one. */
  private void redraw(String line) {
    StringBuilder sb = new StringBuilder(Math.max(line.length(), drawnLength) + 1);
    sb.append('\r').append(line);
    for (int i = line.length(); i < drawnLength; i++) {
      sb.append(' ');
    }
    out.print(sb);
    drawnLength = line.length();
  }

  /**
   * The in-progress line, at most width characters: the bar shrinks from {@value #BAR_WIDTH}
   * to {@value #MIN_BAR_WIDTH} first, then samples/s, the metrics (last first), the loss and
   * the ETA are left out in that order, and only then is the line cut.
   *
   * @param done steps finished (1..steps)
   */
  static String stepLine(int epoch, int epochs, int done, int steps, Map<String, Double> logs,
                         long rows, double seconds, int width) {
    // Entries in display order, with how late each is dropped (higher = kept longer).
    List<String> texts = new ArrayList<>();
    List<Integer> keep = new ArrayList<>();
    int rank = 1000;
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      if (!Logs.isTiming(e.getKey())) {
        texts.add(String.format(Locale.ROOT, " - %s: %.4f", e.getKey(), e.getValue()));
        keep.add(e.getKey().equals(Logs.LOSS) ? 2000 : rank--);
      }
    }
    if (seconds > 0) {
      texts.add(String.format(Locale.ROOT, " - %,.0f samples/s", rows / seconds));
      keep.add(0);
    }
    if (done < steps && seconds > 0) {
      texts.add(" - ETA " + eta(seconds / done * (steps - done)));
      keep.add(3000);
    }
    String epochText = epochText(epoch, epochs);
    String counter = counter(done, steps);
    int fixed = epochText.length() + 2 + 2 + 2 + counter.length(); // "  [" + "]  "
    while (true) {
      int tail = texts.stream().mapToInt(String::length).sum();
      int bar = Math.min(BAR_WIDTH, width - fixed - tail);
      if (bar >= MIN_BAR_WIDTH || texts.isEmpty()) {
        String line = epochText + "  [" + bar(done, steps, Math.max(bar, MIN_BAR_WIDTH)) + "]  "
            + counter + String.join("", texts);
        return line.length() <= width ? line : line.substring(0, width);
      }
      int drop = 0;
      for (int i = 1; i < keep.size(); i++) {
        if (keep.get(i) < keep.get(drop)) {
          drop = i;
        }
      }
      texts.remove(drop);
      keep.remove(drop);
    }
  }

  /**
   * The end-of-epoch line: the full bar, then what {@link ProgressLogger} prints after its
   * step count (time, samples/s, loss, metrics, validation values). Not cut to the terminal:
   * it ends the line, so wrapping does no harm.
   */
  static String endLine(int epoch, int epochs, int steps, Map<String, Double> logs) {
    StringBuilder sb = new StringBuilder(epochText(epoch, epochs));
    sb.append("  [").append(bar(steps, steps, BAR_WIDTH)).append("]  ")
        .append(counter(steps, steps)).append(ProgressLogger.details(logs));
    return sb.toString();
  }

  /** Keras's bar: {@code ==========>.........}, all {@code =} when done == steps. */
  static String bar(int done, int steps, int width) {
    int filled = steps <= 0 ? width : (int) Math.min(width, (long) width * done / steps);
    StringBuilder sb = new StringBuilder(width);
    if (filled > 0) {
      sb.append("=".repeat(filled - 1)).append(done < steps ? '>' : '=');
    }
    return sb.append(".".repeat(width - filled)).toString();
  }

  /** Time left: {@code 7s}, {@code 4:05}, {@code 1:02:03}. */
  static String eta(double seconds) {
    long s = Math.round(Math.max(seconds, 0));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  private static String epochText(int epoch, int epochs) {
    return String.format(Locale.ROOT, "Epoch %d/%d", epoch + 1, epochs);
  }

  /** {@code  12/469}: the count padded to the total's width, so the line does not jitter. */
  private static String counter(int done, int steps) {
    String total = Integer.toString(steps);
    String count = Integer.toString(done);
    return " ".repeat(Math.max(0, total.length() - count.length())) + count + "/" + total;
  }

  /**
   * Whether standard output is an interactive terminal: there is a console (Java has none when
   * stdin or stdout is redirected), the driver does not run in spark-submit's cluster mode (its
   * output goes to a file on a worker), and the terminal is not a dumb one. JDK 22 and later
   * return a console even when redirected unless started with {@code -Djdk.console=java.base},
   * which the launch options in {@code scripts/jvm-options} set.
   */
  public static boolean isTerminal() {
    return System.console() != null
        && !"cluster".equals(System.getProperty("spark.submit.deployMode"))
        && !"dumb".equals(System.getenv("TERM"));
  }

  /**
   * The terminal's width: {@code COLUMNS} from the environment when it is a positive number,
   * else {@value #DEFAULT_COLUMNS}. Shells set {@code COLUMNS} but rarely export it; asking the
   * terminal would mean a subprocess from the Spark driver, and a too-narrow guess only costs
   * bar width.
   */
  static int columns(Map<String, String> env) {
    String columns = env.getOrDefault("COLUMNS", "").trim();
    int v = columns.matches("[0-9]{1,6}") ? Integer.parseInt(columns) : 0;
    return v > 0 ? v : DEFAULT_COLUMNS;
  }
}
