package io.sparkmlp.spark;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.spark.source.MatrixSource;
import io.sparkmlp.train.MinibatchPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What distributed training must compute, replayed in one thread from {@link MinibatchPlan}
 * alone: the rows sit in P contiguous partitions (as {@link MatrixSource} cuts them), and each
 * step's rows are gathered and run through the model's own network and optimizer. Shares no
 * code with the trainer above the network and the optimizer. Models without dropout only
 * (the replay does not derive the trainer's dropout seeds).
 */
final class Replay {
  private final Sequential model;
  private final Matrix x;
  private final Matrix y;
  private final float[] w;
  private final int partitions;
  private final int batch;
  private final long seed;
  private final List<Double> losses = new ArrayList<>();

  /** A replay that trains m on x, y (weights w, or null) in P partitions at global batch B. */
  Replay(Sequential m, Matrix x, Matrix y, float[] w, int partitions, int batch, long seed) {
    this.model = m;
    this.x = x;
    this.y = y;
    this.w = w;
    this.partitions = partitions;
    this.batch = batch;
    this.seed = seed;
  }

  /** The mean training loss of each epoch replayed so far, as History reports it. */
  /** The model's first-order optimizer: what every replayed step applies. */
  private Optimizer optimizer() {
    return (Optimizer) model.optimizer();
  }

  List<Double> losses() {
    return losses;
  }

  /** Synchronous training: one optimizer step on every step's global minibatch. */
  Replay synchronous(int epochs) {
    return localSteps(epochs, 1);
  }

  /**
   * Training with k local steps between synchronisations (k = 1: synchronous). From the same
   * start, each partition takes its own optimizer steps on its slices of the next k steps
   * (fewer at the epoch's end), on copies of the weights and optimizer state; the change of the
   * weights and of each optimizer slot is then averaged over partitions, weighted by the rows
   * (their total weight) each partition used, and the step count advances by k.
   *
   * <p>The float arithmetic is the trainer's documented one, so that one partition can be
   * compared bit for bit: a partition sends {@code (float) W_p · (w_p − start)} in float, the
   * partitions' contributions are summed in double and rounded to float once, and the driver
   * adds {@code sum · (float) (1 / ΣW_p)}. k = 1 is the same as a step on the union of the
   * slices only up to float rounding, so it is replayed as that step instead.
   */
  Replay localSteps(int epochs, int k) {
    Network net = model.network();
    int total = x.rows();
    int steps = MinibatchPlan.stepsPerEpoch(total, batch);
    for (int epoch = 0; epoch < epochs; epoch++) {
      int[][] orders = new int[partitions][];
      for (int p = 0; p < partitions; p++) {
        orders[p] = MinibatchPlan.permutation(start(p + 1) - start(p), seed, epoch, p);
      }
      double lossSum = 0;
      for (int s = 0; s < steps; s += k) {
        int group = Math.min(k, steps - s);
        lossSum += group == 1 ? synchronousStep(net, orders, s, steps)
            : localStepGroup(net, orders, s, group, steps);
      }
      losses.add(lossSum / SampleWeights.sum(w, 0, total));
    }
    return this;
  }

  /**
   * One optimizer step on the step's global minibatch: each partition's summed gradient over
   * its slice in float, the partitions' sums added in double and rounded to float once, divided
   * by the total weight. Returns the weighted loss sum.
   */
  private double synchronousStep(Network net, int[][] orders, int step, int steps) {
    float[] params = model.params();
    int n = params.length;
    double[] sum = new double[n];
    float[] grad = new float[n];
    BigDecimal totalWeight = BigDecimal.ZERO;
    double loss = 0;
    for (int p = 0; p < partitions; p++) {
      Slice slice = new Slice();
      slice.addRows(p, orders[p], step, steps);
      if (slice.rows == 0) {
        continue;
      }
      loss += slice.lossAndGradient(net, params, grad);
      for (int i = 0; i < n; i++) {
        sum[i] += grad[i];
      }
      totalWeight = totalWeight.add(new BigDecimal(slice.weight()));
    }
    for (int i = 0; i < n; i++) {
      grad[i] = (float) sum[i];
    }
    double weight = totalWeight.doubleValue();
    loss += weight * net.finishGradient(grad, weight, params);
    optimizer().step(params, grad, model.optimizerState());
    return loss;
  }

  private double localStepGroup(Network net, int[][] orders, int first, int k, int steps) {
    float[] start = model.params().clone();
    OptimizerState state = model.optimizerState();
    int n = start.length;
    int slots = state.numSlots();
    double[] sum = new double[n * (1 + slots)];
    BigDecimal totalWeight = BigDecimal.ZERO;
    double loss = 0;
    boolean estimate = partitions > 1 && optimizer().usesSquaredGradient();
    for (int p = 0; p < partitions; p++) {
      float[] local = start.clone();
      float[][] localSlots = new float[slots][];
      for (int j = 0; j < slots; j++) {
        localSlots[j] = state.slot(j).clone();
      }
      OptimizerState localState = new OptimizerState(state.step(), localSlots);
      double weight = 0;
      int rows = 0;
      for (int step = first; step < first + k; step++) {
        Slice slice = new Slice();
        slice.addRows(p, orders[p], step, steps);
        if (slice.rows == 0) {
          continue;
        }
        float[] grad = new float[n];
        double sliceWeight;
        if (estimate && slice.rows >= 2) {
          // Second moments for the whole minibatch from the slice's two halves (SecondMoment):
          // sq = g² − (1 − share)·wa·wb/m² · (ga − gb)², ga and gb the halves' mean gradients.
          Slice[] halves = slice.halves();
          float[] a = new float[n];
          float[] b = new float[n];
          loss += halves[0].lossAndGradient(net, local, a);
          loss += halves[1].lossAndGradient(net, local, b);
          double wa = halves[0].weight();
          double wb = halves[1].weight();
          float[] diff = new float[n];
          float ia = (float) (1 / wa);
          float ib = (float) (1 / wb);
          for (int i = 0; i < n; i++) {
            grad[i] = a[i] + b[i];
            diff[i] = a[i] * ia - b[i] * ib;
          }
          sliceWeight = wa + wb;
          loss += sliceWeight * net.finishGradient(grad, sliceWeight, local);
          double share = (double) (start(p + 1) - start(p)) / x.rows();
          float c = (float) ((1 - share) * wa * wb / (sliceWeight * sliceWeight));
          float[] sq = new float[n];
          for (int i = 0; i < n; i++) {
            sq[i] = grad[i] * grad[i] - c * diff[i] * diff[i];
          }
          optimizer().step(local, grad, sq, (float) share, localState);
        } else {
          loss += slice.lossAndGradient(net, local, grad);
          sliceWeight = slice.weight();
          loss += sliceWeight * net.finishGradient(grad, sliceWeight, local);
          optimizer().step(local, grad, localState);
        }
        weight += sliceWeight;
        rows += slice.rows;
      }
      if (rows == 0) {
        continue;
      }
      float scale = (float) weight;
      for (int i = 0; i < n; i++) {
        sum[i] += scale * (local[i] - start[i]);
      }
      for (int j = 0; j < slots; j++) {
        for (int i = 0; i < n; i++) {
          sum[(j + 1) * n + i] += scale * (localSlots[j][i] - state.slot(j)[i]);
        }
      }
      totalWeight = totalWeight.add(new BigDecimal(weight));
    }
    if (totalWeight.signum() > 0) {
      float inv = (float) (1.0 / totalWeight.doubleValue());
      float[] params = model.params();
      for (int i = 0; i < n; i++) {
        params[i] += (float) sum[i] * inv;
      }
      float[][] merged = new float[slots][];
      for (int j = 0; j < slots; j++) {
        merged[j] = state.slot(j).clone();
        for (int i = 0; i < n; i++) {
          merged[j][i] += (float) sum[(j + 1) * n + i] * inv;
        }
      }
      model.optimizerState(new OptimizerState(state.step() + k, merged));
    }
    return loss;
  }

  /** First row of partition p: partition p holds rows [start(p), start(p + 1)). */
  private int start(int p) {
    return (int) ((long) p * x.rows() / partitions);
  }

  /** Rows gathered from partitions' slices, in order. */
  private final class Slice {
    private final float[] xb = new float[(batch + partitions) * x.cols()];
    private final float[] yb = new float[(batch + partitions) * y.cols()];
    private final float[] wb = new float[batch + partitions];
    private int rows;

    /** Appends partition p's slice of the step (its permutation's positions from..to). */
    void addRows(int p, int[] order, int step, int steps) {
      int n = order.length;
      for (int i = MinibatchPlan.sliceStart(n, step, steps);
           i < MinibatchPlan.sliceStart(n, step + 1, steps); i++) {
        int row = start(p) + order[i];
        System.arraycopy(x.values(), row * x.cols(), xb, rows * x.cols(), x.cols());
        System.arraycopy(y.values(), row * y.cols(), yb, rows * y.cols(), y.cols());
        wb[rows++] = w == null ? 1f : w[row];
      }
    }

    double weight() {
      return SampleWeights.sum(w == null ? null : wb, 0, rows);
    }

    /** The first rows/2 rows and the rest, as two slices. */
    Slice[] halves() {
      int half = rows / 2;
      Slice first = new Slice();
      Slice second = new Slice();
      first.copy(this, 0, half);
      second.copy(this, half, rows);
      return new Slice[] {first, second};
    }

    private void copy(Slice from, int begin, int end) {
      rows = end - begin;
      System.arraycopy(from.xb, begin * x.cols(), xb, 0, rows * x.cols());
      System.arraycopy(from.yb, begin * y.cols(), yb, 0, rows * y.cols());
      System.arraycopy(from.wb, begin, wb, 0, rows);
    }

    /** Adds the slice's summed-loss gradient at params to grad; returns the summed loss. */
    double lossAndGradient(Network net, float[] params, float[] grad) {
      Arrays.fill(grad, 0f);
      return net.lossAndGradient(Rows.of(xb, yb, w == null ? null : wb, rows), params, grad,
          net.newWorkspace(Math.max(rows, 1)), 0L);
    }
  }
}
