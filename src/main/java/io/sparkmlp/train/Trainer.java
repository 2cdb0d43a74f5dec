package io.sparkmlp.train;

import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.io.SavedModel;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.util.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The training loop, written once: epochs of steps taken by a {@link StepStrategy} on the sums
 * of a {@link GradientSource} (in-process or Spark), then per epoch the divergence check of the
 * weights, validation, what the {@link EpochObserver} does with the logs (Keras's callbacks and
 * History) and checkpoints; resuming from the last checkpoint when asked, with the logs of the
 * epochs before it. In outline:
 * <pre>{@code
 * for epoch:
 *   for step (by strategy.span):  sums += strategy.take(source, epoch, step)   // updates params
 *   checkWeights(params); logs = sums / weightSum (+ source.validation(params) every
 *                                                   validationFreq epochs)
 *   stop if the strategy's run has ended (L-BFGS converged); callbacks(logs); checkpoint if due
 * }</pre>
 */
public final class Trainer {
  private final Trainable model;
  private final TrainingSettings options;
  private final StepStrategy strategy;
  /** The logs of every epoch so far, resumed ones included: what a checkpoint keeps. */
  private final List<Map<String, Double>> epochs = new ArrayList<>();

  public Trainer(Trainable model, TrainingSettings options, StepStrategy strategy) {
    this.model = model;
    this.options = options;
    this.strategy = strategy;
  }

  /**
   * Trains the model on the source's rows, telling loop as it goes; the source is closed on
   * return.
   */
  public void fit(GradientSource source, EpochObserver loop) {
    float[] params = model.params();
    List<Metric> metrics = model.metrics();
    long seed = options.seedOr(model.seed());
    int firstEpoch = resumeIfAsked(source, seed);
    int steps = strategy.stepsPerEpoch(source.rows(), options.batchSize());
    source.start(new StepPlan(model.network(), metrics, seed, steps, options.shuffle(),
        strategy.maxSlice(source.maxPartitionRows(), steps), source.rows()));
    double[] sums = new double[StepWorker.sumsLength(metrics)];
    try {
      // The first epoch's time includes what the strategy does before it, so that history's
      // seconds add up to the whole of training.
      long firstStart = System.nanoTime();
      strategy.start(source, steps);
      loop.begin(firstEpoch, List.copyOf(epochs));
      for (int epoch = firstEpoch; loop.shouldRun(epoch); epoch++) {
        long start = epoch == firstEpoch ? firstStart : System.nanoTime();
        Arrays.fill(sums, 0);
        long rows = 0;
        double weight = 0;
        for (int s = 0; s < steps; ) {
          int span = strategy.span(s, steps);
          source.beforeStep(epoch, s);
          StepSums step = strategy.take(source, epoch, s, span);
          for (int i = 0; i < sums.length; i++) {
            sums[i] += step.sums()[i];
          }
          sums[0] += step.penalty();
          rows += step.rows();
          weight += step.weight();
          s += span;
          loop.endStep(epoch, s - 1, steps, rows, weight, start, sums, metrics);
        }
        // An update that overflows the weights shows as a NaN loss at the next step; only the
        // epoch's last update could slip past that into callbacks and checkpoints.
        DivergedException.checkWeights(params, epoch, steps - 1);
        Map<String, Double> logs = Logs.training(sums, source.weightSum(), metrics);
        if (source.hasValidation() && options.validates(epoch)) {
          logs.putAll(source.validation(params, epoch));
        }
        logs.putAll(strategy.epochLogs());
        if (strategy.stopReason() != null) {
          loop.stop(strategy.stopReason());
        }
        loop.endEpoch(epoch, logs, steps, source.rows(), (System.nanoTime() - start) / 1e9);
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
        checkpointIfDue(epoch, seed, source, loop.stopRequested());
      }
    } finally {
      source.close();
    }
  }

  /**
   * Restores weights, optimizer state and the earlier epochs' logs from the checkpoint; returns
   * the epoch to start at.
   */
  private int resumeIfAsked(GradientSource source, long seed) {
    if (!options.resume() || !Checkpoint.exists(options.checkpointDir())) {
      return options.initialEpoch();
    }
    Checkpoint.State state = Checkpoint.readState(options.checkpointDir());
    Checks.argument(state.seed() == seed, "%s was written with seed %s, this run uses %s; "
        + "resuming needs the same seed", options.checkpointDir(), state.seed(), seed);
    Checks.argument(state.numPartitions() == source.numPartitions()
        && state.rows() == source.rows(), "%s was written for %s rows in %s partitions, this run "
        + "has %s in %s; resuming needs the same data and partitioning", options.checkpointDir(),
        state.rows(), state.numPartitions(), source.rows(), source.numPartitions());
    SavedModel saved = ModelFiles.load(options.checkpointDir());
    Checks.argument(saved.params().length == model.params().length, "%s holds a model with %s "
        + "parameters, this one has %s", options.checkpointDir(), saved.params().length,
        model.params().length);
    System.arraycopy(saved.params(), 0, model.params(), 0, saved.params().length);
    model.optimizerState(saved.optimizerState() != null ? saved.optimizerState()
        : model.optimizer().newState(model.params().length));
    strategy.resume(state.syncEvery());
    epochs.addAll(state.history());
    return state.epochsCompleted();
  }

  private void checkpointIfDue(int epoch, long seed, GradientSource source, boolean stopping) {
    if (options.checkpointDir() == null) {
      return;
    }
    boolean last = epoch + 1 == options.epochs() || stopping;
    if ((epoch + 1) % options.checkpointEvery() == 0 || last) {
      Checkpoint.write(options.checkpointDir(), model, new Checkpoint.State(epoch + 1, seed,
          source.numPartitions(), source.rows(), strategy.chosenSyncEvery(), epochs));
    }
  }
}
