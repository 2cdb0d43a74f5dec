package io.sparkmlp.cli;

import io.sparkmlp.io.Location;
import io.sparkmlp.io.OutputLock;
import io.sparkmlp.io.Storage;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TargetLoss;
import io.sparkmlp.optim.Lbfgs;
import io.sparkmlp.report.MetricsTable;
import io.sparkmlp.report.ProgressBar;
import io.sparkmlp.report.RunReport;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.DistributedOptions;
import io.sparkmlp.spark.SparkTraining;
import io.sparkmlp.spark.TaskErrors;
import io.sparkmlp.spark.source.DataLoader;
import io.sparkmlp.spark.source.Preprocessor;
import io.sparkmlp.train.Checkpoint;
import io.sparkmlp.train.KernelWarmUp;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sparkmlp train --config conf/x.yaml}: data in, a model directory and metrics out.
 * Checkpoints go to {@code <output>.checkpoint} while training, and one JSON line per epoch to
 * {@code <output>.checkpoint.jsonl} (a live record of the run; the checkpoint itself keeps the
 * epochs' logs, so that a resumed run's history covers the whole run); the
 * output directory is written once, atomically, when training ends, and both are then removed.
 *
 * <p>{@code --resume}: when {@code <output>.checkpoint/training.json} exists (a checkpoint is
 * written whole or not at all, so that file marks one), training continues after the epochs it
 * holds, with its weights and optimizer state; otherwise it starts at epoch 1. One log line says
 * which. The checkpoint must have been written with the same seed, rows and partitioning and a
 * model of the same parameter count, else the run exits 2 naming both values (delete the
 * checkpoint to start over); every other setting (epochs, learning rate, callbacks) is taken
 * from the config as it is now. SIGTERM and SIGINT stop training between steps
 * ({@link Interruption}).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the model a config file describes and write the output directory.")
final class TrainCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
      description = "the run configuration (YAML; a local path or a Hadoop URI such as "
          + "hdfs://nn:8020/conf/x.yaml), see docs/config.md")
  String config;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "output directory (overrides output.dir)")
  String output;

  @Option(names = "--overwrite", description = "replace an existing output directory")
  boolean overwrite;

  @Option(names = "--resume",
      description = "continue from <output>.checkpoint when it holds a checkpoint, else start "
          + "fresh (the same command line serves the first attempt and its retries)")
  boolean resume;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (overrides spark.master and spark-submit's)")
  String master;

  @Option(names = "--epochs", description = "overrides fit.epochs")
  Integer epochs;

  @Option(names = "--batch-size", description = "overrides fit.batch_size")
  Integer batchSize;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "override any config key, e.g. --set fit.epochs=3 (repeatable)")
  Map<String, String> set = new LinkedHashMap<>();

  /** Appended to the checkpoint's name: the epoch log of a run in progress. */
  static final String EPOCH_LOG = ".jsonl";
  private static final Logger LOG = LoggerFactory.getLogger(TrainCommand.class);
  /** The longest the kernel's warm-up runs while Spark starts. */
  private static final double WARM_UP_MAX_SECONDS = 3;

  @Override
  public Integer call() throws Exception {
    Map<String, String> overrides = new LinkedHashMap<>(set);
    if (output != null) {
      overrides.put("output.dir", output);
    }
    if (overwrite) {
      overrides.put("output.overwrite", "true");
    }
    if (epochs != null) {
      overrides.put("fit.epochs", epochs.toString());
    }
    if (batchSize != null) {
      overrides.put("fit.batch_size", batchSize.toString());
    }
    RunConfig cfg = ConfigLoader.load(Location.of(config), overrides);
    Location out = outputLocation(cfg.output().dir());
    Location checkpoint = out.sibling(out.name() + ".checkpoint");
    try (OutputLock lock = OutputLock.acquire(out)) {
      if (Storage.exists(out) && !cfg.output().overwrite()) {
        throw new IllegalArgumentException(out + " already exists; pass --overwrite to replace "
            + "it (only once training succeeds)");
      }
      // Only a checkpoint of ours may be replaced (while training) or removed (at the end).
      if (Storage.occupied(checkpoint) && !Checkpoint.exists(checkpoint)) {
        throw new IllegalArgumentException(checkpoint + " exists but is not a sparkmlp "
            + "checkpoint; move it away, it would be replaced");
      }
      boolean resuming = resume && Checkpoint.exists(checkpoint);
      if (resume) {
        LOG.info(resuming ? "--resume: continuing from " + checkpoint + " ("
            + Checkpoint.readState(checkpoint).epochsCompleted() + " epochs done)"
            : "--resume: no checkpoint at " + checkpoint + "; starting from epoch 1");
      }
      try (Interruption signals = Interruption.install();
           KernelWarmUp warmUp = warmUp(cfg);
           Sessions session = Sessions.open(master, cfg.spark().master(),
          cfg.spark().appName())) {
        SparkSession spark = session.spark();
        return train(spark, cfg, out, checkpoint, resuming, warmUp);
      }
    }
  }

  /**
   * The JIT's warm-up of the kernel while Spark starts ({@link KernelWarmUp}), for a model
   * whose input width the configuration declares (else the data says it, after the session has
   * started) and that takes minibatch steps; null otherwise.
   */
  private static KernelWarmUp warmUp(RunConfig cfg) {
    Sequential model;
    try {
      model = cfg.buildModel();
    } catch (IllegalArgumentException noInputDim) {
      return null;
    }
    if (model.optimizer() instanceof Lbfgs) {
      return null;
    }
    return KernelWarmUp.start(model, cfg.fitOptions().build().batchSize() / 2,
        WARM_UP_MAX_SECONDS);
  }

  /** output.dir as a location: a local path made absolute, or a Hadoop URI as given. */
  static Location outputLocation(String dir) {
    Location out = Location.of(dir);
    return out.isLocal() ? Location.of(out.local().toAbsolutePath().normalize()) : out;
  }

  private int train(SparkSession spark, RunConfig cfg, Location out, Location checkpoint,
                    boolean resume, KernelWarmUp warmUp) throws Exception {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    DataConfig data = cfg.data();
    int partitions = cfg.distributed().numPartitions();
    JavaRDD<Block> raw = DataLoader.blocks(spark, data.train(), partitions)
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<int[]> shapes = TaskErrors.rethrowBadInput(() -> StartLine.shapes(raw));
    int inputDim = shapes.stream().mapToInt(shape -> shape[0]).max().orElseThrow();
    Sequential model = cfg.buildModel(inputDim);
    // The epochs so far, one JSON line each beside the checkpoint, for whoever follows the run.
    Location epochLog = checkpoint.sibling(checkpoint.name() + EPOCH_LOG);
    // The bar redraws in place on a terminal and logs one line per epoch elsewhere.
    DistributedOptions options = cfg.distributedOptions(cfg.fitOptions()
        .callbacks(new ProgressBar(), RunReport.streaming(epochLog, resume), new StopOnSignal())
        .verbose(0).checkpointDir(checkpoint).resume(resume).build());
    // As soon as the data is counted, before any other job: a log reader's first line.
    boolean fullBatch = model.optimizer() instanceof Lbfgs;
    Lbfgs lbfgs = fullBatch ? (Lbfgs) model.optimizer() : null;
    LOG.info(StartLine.of(spark.sparkContext(), shapes, data.validation() != null,
        options.fit().validationSplit(), options.fit().batchSize(),
        fullBatch ? Math.min(options.fit().epochs(), lbfgs.maxIter()) : options.fit().epochs(),
        fullBatch));
    Preprocessor pre = Preprocessor.fit(cfg.preprocessing(), raw,
        model.network().outputDim());
    JavaRDD<Block> validation = data.validation() == null ? null
        : pre.apply(DataLoader.blocks(spark, data.validation(), partitions));
    if (resume) {
      trimEpochLog(checkpoint, epochLog);
    }
    if (warmUp != null) {
      warmUp.close();
    }
    long start = System.nanoTime();
    History history;
    try {
      history = SparkTraining.fit(model, jsc, pre.apply(raw), validation, options);
    } catch (RuntimeException e) {
      if (!Checkpoint.exists(checkpoint)) {
        Storage.deleteIfExists(epochLog);  // nothing to resume
      }
      if (e instanceof TrainingInterrupted stopped) {
        throw stopped.withCheckpoint(Checkpoint.exists(checkpoint)
            ? Checkpoint.readState(checkpoint).epochsCompleted() : -1);
      }
      throw e;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    raw.unpersist(false);

    Map<String, Double> test = null;
    if (data.test() != null) {
      test = SparkTraining.evaluate(model, jsc, pre.apply(DataLoader.blocks(spark, data.test(),
          partitions)), options);
      System.out.println("test: " + MetricsTable.inline(test));
    }
    RunOutput.write(out, model, history, cfg, pre, test, seconds);
    Storage.deleteRecursively(checkpoint);
    Storage.deleteIfExists(epochLog);
    System.out.printf("trained %d epochs in %.1f s (%s); wrote %s%n", history.size(), seconds,
        history.stopReason(), out);
    TargetLoss.Settings target = cfg.callbacks().targetLoss();
    boolean reached = options.fit().callbacks().stream()
        .anyMatch(c -> c instanceof TargetLoss t && t.reached());
    if (target != null && target.required() && !reached) {
      System.err.printf("sparkmlp: target %s <= %s not reached (last %s)%n", target.monitor(),
          target.value(), history.last(target.monitor()));
      return ExitCode.TARGET_NOT_REACHED;
    }
    return ExitCode.OK;
  }

  /**
   * Cuts the epoch log of the interrupted run to the epochs the checkpoint holds (it may hold
   * an epoch finished after the last checkpoint), so that the resumed run's lines follow on.
   * The history itself comes back from the checkpoint (train.Trainer).
   */
  private static void trimEpochLog(Location checkpoint, Location epochLog) throws IOException {
    int done = Checkpoint.readState(checkpoint).epochsCompleted();
    if (!Storage.exists(epochLog)) {
      return;
    }
    List<String> lines = Storage.readString(epochLog).lines().toList();
    Storage.replace(epochLog, lines.subList(0, Math.min(done, lines.size())).stream()
        .map(l -> l + "\n").collect(Collectors.joining()));
  }
}
