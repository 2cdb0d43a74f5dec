package io.sparkmlp.model;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Minibatch training on one thread, batches cut as {@link MinibatchPlan} says for a single
 * partition. Each step: the summed gradient from one {@link StepWorker}, turned into the mean
 * by {@link Network#finishGradient}, applied by {@link Optimizer#step}. The distributed trainer
 * takes the same steps with the summed gradient coming from partitions instead.
 */
final class LocalTrainer {
  private LocalTrainer() {}

  static History fit(Sequential model, TrainingData data, FitOptions options) {
    Network net = model.network();
    float[] params = model.params();
    Optimizer optimizer = model.optimizer();
    OptimizerState state = model.optimizerState();
    List<Metric> metrics = model.metrics();
    long seed = options.seed() != null ? options.seed() : model.seed();

    Matrix x = data.x();
    Matrix y = data.y();
    int n = x.rows();
    int steps = MinibatchPlan.stepsPerEpoch(n, options.batchSize());
    int capacity = MinibatchPlan.maxSlice(n, steps);
    StepWorker worker = new StepWorker(net, metrics, x.cols(), y.cols(), capacity);
    float[] grad = new float[params.length];
    double[] sums = new double[StepWorker.sumsLength(metrics)];
    Evaluator validator = data.hasValidation() ? new Evaluator(net, metrics, capacity) : null;

    EpochLoop loop = new EpochLoop(options, params);
    for (int epoch = loop.firstEpoch(); loop.shouldRun(epoch); epoch++) {
      long start = System.nanoTime();
      int[] order = options.shuffle() ? MinibatchPlan.permutation(n, seed, epoch, 0) : null;
      Arrays.fill(sums, 0);
      for (int s = 0; s < steps; s++) {
        int from = MinibatchPlan.sliceStart(n, s, steps);
        int to = MinibatchPlan.sliceStart(n, s + 1, steps);
        Arrays.fill(grad, 0f);
        double lossBefore = sums[0];
        worker.accumulate(x.values(), y.values(), order, from, to, params, grad, sums, seed,
            epoch, s, 0);
        if (!Double.isFinite(sums[0])) {
          throw new DivergedException(epoch, s, (sums[0] - lossBefore) / (to - from));
        }
        sums[0] += (to - from) * net.finishGradient(grad, to - from, params);
        optimizer.step(params, grad, state);
        loop.endStep(epoch, s, steps, to, start, sums, metrics);
      }
      // An update that overflows the weights shows as a NaN loss at the next step; only the
      // epoch's last update could slip past that into callbacks and saved weights.
      DivergedException.checkWeights(params, epoch, steps - 1);
      Map<String, Double> logs = EpochLoop.trainingLogs(sums, n, metrics);
      if (validator != null) {
        logs.putAll(validator.evaluate(data.xVal(), data.yVal(), params, Logs.VAL_PREFIX));
      }
      loop.endEpoch(epoch, logs, steps, n, (System.nanoTime() - start) / 1e9);
    }
    return loop.finish();
  }
}
