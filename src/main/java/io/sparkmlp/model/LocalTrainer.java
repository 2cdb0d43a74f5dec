package io.sparkmlp.model;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Workspace;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.util.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minibatch training on one thread: per epoch a permutation drawn from (seed, epoch), then
 * for each batch the summed gradient from {@link Network#lossAndGradient}, turned into the mean
 * by {@link Network#finishGradient}, applied by {@link Optimizer#step}. The distributed trainer
 * takes the same steps with the summed gradient coming from partitions instead.
 */
final class LocalTrainer {
  /** Stream id that keeps dropout masks apart from other draws of the same (epoch, step). */
  static final long DROPOUT_STREAM = 0xD20;

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
    int batch = Math.min(options.batchSize(), n);
    int steps = (n + batch - 1) / batch;
    Workspace ws = net.newWorkspace(batch);
    float[] xb = new float[batch * x.cols()];
    float[] yb = new float[batch * y.cols()];
    float[] grad = new float[params.length];
    double[] metricSums = new double[metrics.size()];
    Evaluator validator = data.hasValidation() ? new Evaluator(net, metrics, batch) : null;

    List<Callback> callbacks = new ArrayList<>();
    if (options.verbose() > 0) {
      callbacks.add(new ProgressLogger());
    }
    callbacks.addAll(options.callbacks());
    TrainingControl control = new TrainingControl(params, options.epochs());
    History history = new History();
    callbacks.forEach(c -> c.onTrainBegin(control));

    for (int epoch = options.initialEpoch(); epoch < options.epochs() && !control.stopRequested(); epoch++) {
      long start = System.nanoTime();
      int[] order = options.shuffle() ? Seeds.permutation(n, Seeds.mix(seed, epoch)) : null;
      double lossSum = 0;
      Arrays.fill(metricSums, 0);
      for (int s = 0; s < steps; s++) {
        int from = s * batch;
        int rows = Math.min(batch, n - from);
        gather(xb, x, order, from, rows);
        gather(yb, y, order, from, rows);
        Arrays.fill(grad, 0f);
        double loss = net.lossAndGradient(xb, 0, yb, 0, rows, params, grad, ws,
            Seeds.mix(seed, epoch, s, DROPOUT_STREAM));
        if (!Double.isFinite(loss)) {
          throw new DivergedException(epoch, s, loss / rows);
        }
        float[] out = net.output(ws);
        for (int m = 0; m < metrics.size(); m++) {
          metricSums[m] += metrics.get(m).sum(out, yb, 0, rows, net.outputDim(), net.loss());
        }
        lossSum += loss + rows * net.finishGradient(grad, rows, params);
        optimizer.step(params, grad, state);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Double> logs = new LinkedHashMap<>();
      logs.put(Logs.LOSS, lossSum / n);
      for (int m = 0; m < metrics.size(); m++) {
        logs.put(metrics.get(m).kerasName(), metricSums[m] / n);
      }
      if (validator != null) {
        logs.putAll(validator.evaluate(data.xVal(), data.yVal(), params, Logs.VAL_PREFIX));
      }
      logs.put(Logs.STEPS, (double) steps);
      logs.put(Logs.SECONDS, seconds);
      logs.put(Logs.SAMPLES_PER_SECOND, n / seconds);
      history.add(logs);
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, logs, control);
      }
    }
    callbacks.forEach(c -> c.onTrainEnd(control));
    if (control.stopRequested()) {
      history.stopReason(control.stopReason());
    }
    return history;
  }

  /** Copies rows order[from .. from+rows) (or from .. from+rows when order is null) into dst. */
  private static void gather(float[] dst, Matrix m, int[] order, int from, int rows) {
    int cols = m.cols();
    float[] src = m.values();
    if (order == null) {
      System.arraycopy(src, from * cols, dst, 0, rows * cols);
      return;
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, order[from + r] * cols, dst, r * cols, cols);
    }
  }
}
