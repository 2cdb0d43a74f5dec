package io.sparkmlp.train;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.optim.OptimizerState;
import java.util.Arrays;

/**
 * One holder of rows (the only one of local training, one per partition on Spark) and the
 * work a {@link ShardJob} asks of it: its slice of each step's minibatch as
 * {@link MinibatchPlan} cuts it, its part of an exact step (the gradient sum of that slice), k
 * local steps of its own, a full-batch pass or an evaluation. Holds the {@link StepWorker}
 * (buffers sized once, when a job first needs them) and the current epoch's order, so a step
 * costs no buffer allocation and no reshuffle. Not thread-safe: callers that share one hold its
 * lock.
 */
public final class Shard {
  private final StepPlan plan;
  private final Rows rows;
  private final int partition;
  private StepWorker worker;
  private float[] scratch;
  private double[] fullBatchSum;
  private float[] chunkGradient;
  private int epoch = -1;
  private Rows epochRows;

  /**
   * A holder of {@code rows} (all of its rows, in storage order) that is partition
   * {@code partition} of the data: the index seeds its shuffles and dropout masks.
   */
  public Shard(StepPlan plan, Rows rows, int partition) {
    this.plan = plan;
    this.rows = rows;
    this.partition = partition;
  }

  /** The step buffers, sized once for the plan's largest slice (evaluations need none). */
  private StepWorker worker() {
    if (worker == null) {
      worker = new StepWorker(plan.network(), plan.metrics(), plan.maxSlice());
    }
    return worker;
  }

  /** Step {@code step}'s slice of this holder's rows in epoch {@code e}'s order. */
  public Rows slice(int e, int step) {
    if (e != epoch) {
      int[] order = plan.shuffle()
          ? MinibatchPlan.permutation(rows.count(), plan.seed(), e, partition) : null;
      epochRows = rows.inOrder(order);
      epoch = e;
    }
    return MinibatchPlan.slice(epochRows, step, plan.stepsPerEpoch());
  }

  /** A gradient-sized buffer of this holder's own, allocated once. */
  public float[] gradientBuffer() {
    if (scratch == null) {
      scratch = new float[plan.network().numParams()];
    }
    return scratch;
  }

  /**
   * This holder's part of exact step {@code step}: grad := the gradient of its slice's summed
   * loss at params; returns the slice's summed loss and metrics, rows and weight.
   */
  public StepSums gradient(float[] params, float[] grad, int e, int step) {
    Rows slice = slice(e, step);
    double[] sums = new double[StepWorker.sumsLength(plan.metrics())];
    Arrays.fill(grad, 0f);
    double weight = worker().accumulate(slice, params, grad, sums,
        StepWorker.dropoutSeed(plan.seed(), e, step, partition));
    return StepSums.of(sums, slice.count(), weight);
  }

  /**
   * This holder's part of a full-batch pass (an L-BFGS function evaluation): grad := the
   * gradient of the summed loss over all its rows at params, in storage order, in chunks of
   * the plan's slice size; returns the summed loss and metrics, rows and weight. The chunks'
   * float gradients are added up in double, so the sum over many chunks loses no more than
   * one rounding to float. Dropout layers would make the loss random; their masks come from a
   * fixed seed here (full-batch strategies refuse them).
   */
  public StepSums fullBatch(float[] params, float[] grad) {
    int n = params.length;
    if (fullBatchSum == null) {
      fullBatchSum = new double[n];
      chunkGradient = new float[n];
    }
    Arrays.fill(fullBatchSum, 0);
    double[] sums = new double[StepWorker.sumsLength(plan.metrics())];
    int chunk = Math.max(1, plan.maxSlice());
    double weight = 0;
    for (int from = 0; from < rows.count(); from += chunk) {
      Arrays.fill(chunkGradient, 0f);
      weight += worker().accumulate(rows.range(from, Math.min(rows.count(), from + chunk)),
          params, chunkGradient, sums, 0L);
      for (int i = 0; i < n; i++) {
        fullBatchSum[i] += chunkGradient[i];
      }
    }
    for (int i = 0; i < n; i++) {
      grad[i] = (float) fullBatchSum[i];
    }
    return StepSums.of(sums, rows.count(), weight);
  }

  /**
   * Steps {@code firstStep .. firstStep+k-1} taken on this holder's slices alone, from the
   * given weights and optimizer state (neither is changed). Returns weight × (its weights − the
   * start weights), followed by the same for each optimizer slot, where weight is its slices'
   * total weight (rows when unweighted), so that the sum over holders divided by their total
   * weight is the weighted mean change; and the summed loss (with the regulariser's term of
   * every step) and metrics. The change is null when none of the slices had rows. Optimizers
   * with second moments get them estimated for the whole minibatch from the two halves of each
   * slice ({@link SecondMoment}) where this holder has only a share of the rows.
   */
  public ShardJob.Part localSteps(float[] start, OptimizerSnapshot optimizer, int e,
                                  int firstStep, int k) {
    Network net = plan.network();
    double[] sums = new double[StepWorker.sumsLength(plan.metrics())];
    float[] grad = gradientBuffer();
    float[] w = start.clone();
    OptimizerState state = optimizer.copyState();
    double share = plan.totalRows() > 0
        ? Math.min(1, (double) rows.count() / plan.totalRows()) : 1;
    // Second moments from this holder's share alone would be too large (SecondMoment).
    boolean estimate = share < 1 && optimizer.optimizer().usesSquaredGradient();
    float[] diff = estimate ? new float[grad.length] : null;
    float[] sq = estimate ? new float[grad.length] : null;
    long count = 0;
    double weight = 0;
    for (int step = firstStep; step < firstStep + k; step++) {
      Rows slice = slice(e, step);
      if (slice.count() == 0) {
        continue;
      }
      long seed = StepWorker.dropoutSeed(plan.seed(), e, step, partition);
      double sliceWeight;
      float[] squared = null;
      if (estimate && slice.count() >= 2) {
        // One pass over the slice, its two halves' gradients kept apart: ga in diff, gb in grad.
        Arrays.fill(diff, 0f);
        Arrays.fill(grad, 0f);
        double[] halves = worker().accumulateHalves(slice, w, diff, grad, slice.count() / 2,
            sums, seed);
        double wa = halves[0];
        double wb = halves[1];
        boolean both = wa > 0 && wb > 0;
        if (both) {
          // The halves' mean gradients' difference, in float: it only feeds an estimate, and
          // two double divisions per parameter cost as much as the optimizer's step.
          float ia = (float) (1 / wa);
          float ib = (float) (1 / wb);
          for (int i = 0; i < grad.length; i++) {
            float a = diff[i];
            float b = grad[i];
            grad[i] = a + b;
            diff[i] = a * ia - b * ib;
          }
        } else {
          for (int i = 0; i < grad.length; i++) {
            grad[i] += diff[i];
          }
        }
        sliceWeight = wa + wb;
        sums[0] += sliceWeight * net.finishGradient(grad, sliceWeight, w);
        if (both) {
          SecondMoment.estimate(grad, diff, wa, wb, share, sq);
          squared = sq;
        }
      } else {
        Arrays.fill(grad, 0f);
        sliceWeight = worker().accumulate(slice, w, grad, sums, seed);
        sums[0] += sliceWeight * net.finishGradient(grad, sliceWeight, w);
      }
      optimizer.optimizer().step(w, grad, squared, (float) share, state);
      count += slice.count();
      weight += sliceWeight;
    }
    if (count == 0) {
      return new ShardJob.Part(null, StepSums.of(sums, 0, 0));
    }
    float scale = (float) weight;
    int n = w.length;
    float[][] slots = optimizer.slots();
    float[] delta = new float[n * (1 + slots.length)];
    for (int i = 0; i < n; i++) {
      delta[i] = scale * (w[i] - start[i]);
    }
    for (int j = 0; j < slots.length; j++) {
      float[] before = slots[j];
      float[] after = state.slot(j);
      for (int i = 0; i < n; i++) {
        delta[(j + 1) * n + i] = scale * (after[i] - before[i]);
      }
    }
    return new ShardJob.Part(delta, StepSums.of(sums, count, weight));
  }

  /**
   * This holder's part of an evaluation: the summed loss (without the L2 term) and metrics of
   * all its rows at params, in storage order, in chunks of at most chunkRows rows (dropout
   * off), with its rows and their weight.
   */
  public StepSums evaluate(float[] params, int chunkRows) {
    Network net = plan.network();
    int n = rows.count();
    if (n == 0) {
      return StepSums.of(new double[StepWorker.sumsLength(plan.metrics())], 0, 0);
    }
    Evaluator eval = new Evaluator(net, plan.metrics(), Math.min(chunkRows, n));
    double[] sums = eval.sums(new Matrix(rows.x(), n, net.inputDim()),
        new Matrix(rows.y(), n, net.targetCols()), rows.w(), params);
    return StepSums.of(sums, n, SampleWeights.sum(rows.w(), 0, n));
  }
}
