package io.sparkmlp.spark;

import io.sparkmlp.model.DivergedException;
import io.sparkmlp.model.EpochLoop;
import io.sparkmlp.model.Evaluator;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Logs;
import io.sparkmlp.model.MinibatchPlan;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Network;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.util.Checks;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver loop of data-parallel training. Each step broadcasts the flat weights, every
 * partition adds up the gradient of its slice of the global minibatch ({@link StepTask}),
 * treeAggregate sums them, and the driver turns the sum into the mean and applies the same
 * optimizer step as local training. With syncEvery k > 1, partitions instead take k local steps
 * and the driver averages their weight and optimizer-state changes, weighted by rows.
 *
 * <p>Data with per-row sample weights trains on the weighted mean loss Σ w_i·loss_i / Σ w_i
 * of each minibatch (Spark ML's convention): every "divide by the row count" above divides by
 * the rows' total weight instead, and the reported losses and metrics are weighted means too.
 */
public final class DistributedTrainer {
  private final JavaSparkContext jsc;
  private final Sequential model;
  private final DistributedOptions options;

  public DistributedTrainer(JavaSparkContext jsc, Sequential model, DistributedOptions options) {
    this.jsc = jsc;
    this.model = model;
    this.options = options;
  }

  /** Trains on prepared blocks, validating on {@code validation} (may be null) every epoch. */
  public History fit(TrainingBlocks train, TrainingBlocks validation) {
    FitOptions fit = options.fit();
    Network net = model.network();
    float[] params = model.params();
    long seed = fit.seedOr(model.seed());
    int firstEpoch = resumeIfAsked(train, seed);
    int steps = MinibatchPlan.stepsPerEpoch(train.rows(), fit.batchSize());
    int maxSlice = MinibatchPlan.maxSlice(train.maxPartitionRows(), steps);
    int depth = options.depthFor(train.numPartitions());
    String runId = UUID.randomUUID().toString();
    TrainingSpec spec = new TrainingSpec(runId, net, model.metrics(), seed, steps, fit.shuffle(),
        maxSlice);
    Broadcast<TrainingSpec> specBc = jsc.broadcast(spec);
    float[] grad = new float[params.length];
    double[] sums = new double[1 + model.metrics().size()];
    EpochLoop loop = new EpochLoop(fit, params, firstEpoch);
    try {
      for (int epoch = firstEpoch; loop.shouldRun(epoch); epoch++) {
        long start = System.nanoTime();
        Arrays.fill(sums, 0);
        long rowsSoFar = 0;
        double weightSoFar = 0;
        for (int s = 0; s < steps; s += options.syncEvery()) {
          int k = Math.min(options.syncEvery(), steps - s);
          jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d step %d/%d", epoch + 1,
              fit.epochs(), s + 1, steps));
          GradientSum sum = k == 1
              ? synchronousStep(train, specBc, epoch, s, depth, grad)
              : localSteps(train, specBc, epoch, s, k, depth);
          double[] stepSums = sum.sums();
          if (!Double.isFinite(stepSums[0])) {
            double w = sum.weight();
            throw new DivergedException(epoch, s, stepSums[0] / (w > 0 ? w : 1));
          }
          for (int i = 0; i < sums.length; i++) {
            sums[i] += stepSums[i];
          }
          if (k == 1) {
            sums[0] += sum.weight() * net.finishGradient(grad, sum.weight(), params);
            model.optimizer().step(params, grad, model.optimizerState());
          }
          rowsSoFar += sum.count();
          weightSoFar += sum.weight();
          loop.endStep(epoch, s + k - 1, steps, rowsSoFar, weightSoFar, start, sums,
              model.metrics());
        }
        // An update that overflows the weights shows as a NaN loss at the next step; only the
        // epoch's last update could slip past that into the checkpoint.
        DivergedException.checkWeights(params, epoch, steps - 1);
        Map<String, Double> logs = EpochLoop.trainingLogs(sums, train.weightSum(),
            model.metrics());
        if (validation != null) {
          jsc.setJobDescription(String.format(Locale.ROOT, "epoch %d/%d validation", epoch + 1,
              fit.epochs()));
          logs.putAll(evaluate(specBc, validation, depth, Logs.VAL_PREFIX));
        }
        loop.endEpoch(epoch, logs, steps, train.rows(), (System.nanoTime() - start) / 1e9);
        checkpointIfDue(epoch, seed, train, loop.stopRequested());
      }
    } finally {
      specBc.destroy();
      PartitionCache.forget(runId);
    }
    return loop.finish();
  }

  /** Mean loss and metrics of the model on prepared blocks, keyed as Keras names them. */
  public Map<String, Double> evaluate(TrainingBlocks data) {
    TrainingSpec spec = new TrainingSpec(UUID.randomUUID().toString(), model.network(),
        model.metrics(), model.seed(), 1, false, 1);
    Broadcast<TrainingSpec> specBc = jsc.broadcast(spec);
    try {
      jsc.setJobDescription("evaluate");
      return evaluate(specBc, data, options.depthFor(data.numPartitions()), "");
    } finally {
      specBc.destroy();
    }
  }

  private Map<String, Double> evaluate(Broadcast<TrainingSpec> specBc, TrainingBlocks data,
                                       int depth, String prefix) {
    float[] params = model.params();
    Broadcast<float[]> bw = jsc.broadcast(params);
    GradientSum sum;
    try {
      sum = data.blocks().treeAggregate(GradientSum.empty(), new EvalTask(specBc, bw),
          GradientSum::merge, depth);
    } finally {
      bw.destroy();
    }
    return Evaluator.logs(model.network(), model.metrics(), sum.sums(), sum.weight(), params,
        prefix);
  }

  /** One exact step: the summed gradient of the global minibatch lands in grad. */
  private GradientSum synchronousStep(TrainingBlocks train, Broadcast<TrainingSpec> specBc,
                                      int epoch, int step, int depth, float[] grad) {
    Broadcast<float[]> bw = jsc.broadcast(model.params());
    GradientSum sum;
    try {
      sum = train.blocks().treeAggregate(GradientSum.empty(),
          new StepTask(specBc, bw, epoch, step), GradientSum::merge, depth);
    } finally {
      bw.destroy();
    }
    sum.gradientInto(grad);
    return sum;
  }

  /**
   * k local steps per partition, then the mean of their changes weighted by rows (by the rows'
   * total weight for weighted data) is applied.
   */
  private GradientSum localSteps(TrainingBlocks train, Broadcast<TrainingSpec> specBc,
                                 int epoch, int step, int k, int depth) {
    float[] params = model.params();
    OptimizerState state = model.optimizerState();
    Broadcast<float[]> bw = jsc.broadcast(params);
    Broadcast<OptimizerSnapshot> bs = jsc.broadcast(OptimizerSnapshot.of(model.optimizer(),
        state));
    GradientSum sum;
    try {
      sum = train.blocks().treeAggregate(GradientSum.empty(),
          new LocalStepsTask(specBc, bw, bs, epoch, step, k), GradientSum::merge, depth);
    } finally {
      bw.destroy();
      bs.destroy();
    }
    int n = params.length;
    float[] delta = new float[n * (1 + state.numSlots())];
    sum.gradientInto(delta);
    if (sum.weight() > 0) {
      float inv = (float) (1.0 / sum.weight());
      for (int i = 0; i < n; i++) {
        params[i] += delta[i] * inv;
      }
      float[][] slots = new float[state.numSlots()][];
      for (int j = 0; j < slots.length; j++) {
        slots[j] = state.slot(j);
        for (int i = 0; i < n; i++) {
          slots[j][i] += delta[(j + 1) * n + i] * inv;
        }
      }
      model.optimizerState(new OptimizerState(state.step() + k, slots));
    }
    return sum;
  }

  private int resumeIfAsked(TrainingBlocks train, long seed) {
    if (!options.fit().resume() || !Checkpoint.exists(options.fit().checkpointDir())) {
      return options.fit().initialEpoch();
    }
    Checkpoint.State state = Checkpoint.readState(options.fit().checkpointDir());
    Checks.argument(state.seed() == seed, "%s was written with seed %s, this run uses %s; "
        + "resuming needs the same seed", options.fit().checkpointDir(), state.seed(), seed);
    Checks.argument(state.numPartitions() == train.numPartitions() && state.rows()
        == train.rows(), "%s was written for %s rows in %s partitions, this run has %s in %s; "
        + "resuming needs the same data and partitioning", options.fit().checkpointDir(), state.rows(),
        state.numPartitions(), train.rows(), train.numPartitions());
    Sequential saved = Sequential.load(options.fit().checkpointDir());
    Checks.argument(saved.params().length == model.params().length, "%s holds a model with %s "
        + "parameters, this one has %s", options.fit().checkpointDir(), saved.params().length,
        model.params().length);
    System.arraycopy(saved.params(), 0, model.params(), 0, saved.params().length);
    model.optimizerState(saved.optimizerState());
    return state.epochsCompleted();
  }

  private void checkpointIfDue(int epoch, long seed, TrainingBlocks train, boolean stopping) {
    if (options.fit().checkpointDir() == null) {
      return;
    }
    boolean last = epoch + 1 == options.fit().epochs() || stopping;
    if ((epoch + 1) % options.fit().checkpointEvery() == 0 || last) {
      Checkpoint.write(options.fit().checkpointDir(), model, new Checkpoint.State(epoch + 1, seed,
          train.numPartitions(), train.rows()));
    }
  }
}
