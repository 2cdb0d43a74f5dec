package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.lines;
import static io.sparkmlp.cli.CliTestSupport.npyConfig;
import static io.sparkmlp.cli.CliTestSupport.spark;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;


import io.sparkmlp.model.Callback;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TrainingControl;
import io.sparkmlp.report.RunReport;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.spark.source.DataLoader;
import io.sparkmlp.spark.source.Preprocessor;
import io.sparkmlp.train.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --resume} continues an interrupted run from {@code <output>.checkpoint} and ends
 * with the weights an uninterrupted run of the same seed reaches, bit for bit.
 */
class CliResumeTest {
  private static final int EPOCHS = 4;

  @TempDir
  Path dir;

  /** Thrown by the "crash": training stops where a killed driver would. */
  private static final class Crash extends RuntimeException {
    Crash() {
      super("simulated crash");
    }
  }

  @Test
  void resumedRunEndsWithTheUninterruptedWeights() {
    Path whole = dir.resolve("whole");
    Path config = npyConfig(dir, whole, "");
    cliExpect(0, "train", "--config", config.toString(), "--epochs", String.valueOf(EPOCHS));

    Path resumed = dir.resolve("resumed");
    Path checkpoint = dir.resolve("resumed.checkpoint");
    interruptedRun(config, checkpoint, 2);
    assertEquals(2, Checkpoint.readState(checkpoint).epochsCompleted());
    assertFalse(Files.exists(resumed));

    cliExpect(0, "train", "--config", config.toString(), "--epochs", String.valueOf(EPOCHS),
        "--output", resumed.toString(), "--resume");
    assertFalse(Files.exists(checkpoint), "the checkpoint outlived a successful run");

    Sequential a = Sequential.load(whole);
    Sequential b = Sequential.load(resumed);
    assertArrayEquals(a.params(), b.params(), "weights differ after resuming");
    assertEquals(a.optimizerState().step(), b.optimizerState().step());
    for (int j = 0; j < a.optimizerState().numSlots(); j++) {
      assertArrayEquals(a.optimizerState().slot(j), b.optimizerState().slot(j));
    }
    // The record covers the whole run: the interrupted run's epochs, then the resumed ones.
    List<String> wholeLines = lines(whole.resolve(RunReport.METRICS_JSONL));
    List<String> resumedLines = lines(resumed.resolve(RunReport.METRICS_JSONL));
    assertEquals(EPOCHS, resumedLines.size(), resumedLines::toString);
    for (int e = 0; e < EPOCHS; e++) {
      assertEquals(strip(wholeLines.get(e)), strip(resumedLines.get(e)));
    }
    assertEquals(1 + EPOCHS, lines(resumed.resolve(RunReport.HISTORY_CSV)).size());
    assertFalse(Files.exists(epochLog(checkpoint)), "the epoch log outlived a successful run");
  }

  @Test
  void resumeWithoutAnEpochLogStillGivesTheWholeHistory() {
    Path whole = dir.resolve("whole");
    Path config = npyConfig(dir, whole, "");
    Path resumed = dir.resolve("resumed");
    Path checkpoint = dir.resolve("resumed.checkpoint");
    interruptedRun(config, checkpoint, 1, false);
    cliExpect(0, "train", "--config", config.toString(), "--epochs", "2", "--output",
        resumed.toString(), "--resume");
    // The checkpoint keeps the epochs' logs; the epoch log beside it is only a live record.
    assertEquals(2, lines(resumed.resolve(RunReport.METRICS_JSONL)).size());
  }

  @Test
  void resumeWithoutACheckpointStartsFresh() {
    Path out = dir.resolve("out");
    Path config = npyConfig(dir, out, "");
    cliExpect(0, "train", "--config", config.toString(), "--resume");
    Path fresh = dir.resolve("fresh");
    cliExpect(0, "train", "--config", config.toString(), "--output", fresh.toString());
    // The first attempt and its retries share one command line: without a checkpoint,
    // --resume trains exactly as a run without it.
    assertArrayEquals(Sequential.load(fresh).params(), Sequential.load(out).params());
    assertFalse(Files.exists(dir.resolve("out.checkpoint")));
  }

  private static Path epochLog(Path checkpoint) {
    return checkpoint.resolveSibling(checkpoint.getFileName() + TrainCommand.EPOCH_LOG);
  }

  /** The loss and metrics of an epoch line, without its timings. */
  private static String strip(String jsonLine) {
    return jsonLine.replaceAll(",\"(seconds|samples_per_second)\":[^,}]*", "");
  }

  /**
   * Trains as {@code train --config config} would, checkpointing and logging epochs where train
   * does, and "crashes" at the end of epoch crashAfter + 1, after its log line and before its
   * checkpoint: the checkpoint holds crashAfter epochs and the work of one more is lost.
   */
  private static void interruptedRun(Path config, Path checkpoint, int crashAfter) {
    interruptedRun(config, checkpoint, crashAfter, true);
  }

  private static void interruptedRun(Path config, Path checkpoint, int crashAfter,
                                     boolean logEpochs) {
    RunConfig cfg = ConfigLoader.load(config, Map.of("fit.epochs", String.valueOf(EPOCHS)));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark().sparkContext());
    DataConfig data = cfg.data();
    JavaRDD<Block> raw = DataLoader.blocks(spark(), data.train(),
        cfg.distributed().numPartitions());
    int inputDim = raw.map(Block::xCols).reduce(Math::max);
    Sequential model = cfg.buildModel(inputDim);
    Preprocessor pre = Preprocessor.fit(cfg.preprocessing(), raw, model.network().outputDim());
    Callback crash = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
        if (epoch == crashAfter) {
          throw new Crash();
        }
      }
    };
    var builder = cfg.fitOptions().verbose(0).checkpointDir(checkpoint);
    if (logEpochs) {
      builder.callbacks(RunReport.streaming(epochLog(checkpoint)));
    }
    var options = cfg.distributedOptions(builder.callbacks(crash).build());
    assertThrows(Crash.class, () -> SparkTraining.fit(model, jsc, pre.apply(raw), null,
        options));
  }
}
