package io.sparkmlp.train;

import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.nn.Workspace;
import io.sparkmlp.util.Seeds;
import java.util.List;

/**
 * The work one holder of training rows does in one step: gather its slice of the step's
 * minibatch (see {@link MinibatchPlan}), run forward and backward, add the summed gradient into
 * the caller's array and the summed loss and metrics into {@code sums}. Each {@link Shard} (the
 * one of local training, or a partition's on Spark) has one. Buffers are allocated once, here. With
 * per-row weights, every sum is the weighted one and the slice reports its weight sum, which
 * replaces the row count as the divisor.
 */
final class StepWorker {
  /** Stream id that keeps dropout masks apart from other draws of the same (epoch, step). */
  static final long DROPOUT_STREAM = 0xD20;

  private final Network net;
  private final List<Metric> metrics;
  private final Workspace ws;
  private final float[] xb;
  private final float[] yb;
  private final float[] wb;

  /** A worker for slices of up to {@code capacity} rows. */
  public StepWorker(Network net, List<Metric> metrics, int capacity) {
    this.net = net;
    this.metrics = metrics;
    int cap = Math.max(capacity, 1);
    this.ws = net.newWorkspace(cap);
    this.xb = new float[cap * net.inputDim()];
    this.yb = new float[cap * net.targetCols()];
    this.wb = new float[cap];
  }

  /** Length of the sums array: the loss, then one entry per metric. */
  public static int sumsLength(List<Metric> metrics) {
    return 1 + metrics.size();
  }

  /**
   * The seed of the dropout masks of the given holder of rows ({@code partition}) in step
   * {@code step} of {@code epoch}.
   */
  public static long dropoutSeed(long seed, int epoch, int step, int partition) {
    return Seeds.mix(seed, epoch, step, DROPOUT_STREAM, partition);
  }

  /**
   * Gathers the slice's rows and runs them forward and backward: adds the gradient of their
   * summed loss to grad, and the summed loss and metric values to sums (weighted sums when the
   * slice has weights). Returns the slice's total weight, its row count when unweighted.
   */
  public double accumulate(Rows slice, float[] params, float[] grad, double[] sums,
                           long dropoutSeed) {
    int rows = slice.count();
    if (rows == 0) {
      return 0;
    }
    float[] wSlice = gather(slice);
    sums[0] += net.lossAndGradient(Rows.of(xb, yb, wSlice, rows), params, grad, ws, dropoutSeed);
    addMetrics(sums, wSlice, rows);
    return SampleWeights.sum(wSlice, 0, rows);
  }

  /**
   * As {@link #accumulate} in one pass forward and back, with the gradient of the slice's first
   * {@code split} rows added to grad and of the others to gradB ({@link Network#lossAndGradient(
   * Rows, float[], float[], float[], int, Workspace, long)}). Returns the two parts' total
   * weights.
   */
  public double[] accumulateHalves(Rows slice, float[] params, float[] grad, float[] gradB,
                                   int split, double[] sums, long dropoutSeed) {
    int rows = slice.count();
    float[] wSlice = gather(slice);
    sums[0] += net.lossAndGradient(Rows.of(xb, yb, wSlice, rows), params, grad, gradB, split, ws,
        dropoutSeed);
    addMetrics(sums, wSlice, rows);
    return new double[] {SampleWeights.sum(wSlice, 0, split),
        SampleWeights.sum(wSlice, split, rows - split)};
  }

  /** Gathers the slice's rows into xb, yb and wb; returns wb, or null for unweighted rows. */
  private float[] gather(Rows slice) {
    int rows = slice.count();
    gather(xb, slice.x(), net.inputDim(), slice.order(), slice.from(), rows);
    gather(yb, slice.y(), net.targetCols(), slice.order(), slice.from(), rows);
    if (slice.w() == null) {
      return null;
    }
    gather(wb, slice.w(), 1, slice.order(), slice.from(), rows);
    return wb;
  }

  /** Adds the metrics' sums over the last pass's rows to sums[1..]. */
  private void addMetrics(double[] sums, float[] wSlice, int rows) {
    float[] out = net.output(ws);
    for (int m = 0; m < metrics.size(); m++) {
      sums[1 + m] += metrics.get(m).sum(out, yb, 0, wSlice, 0, rows, net.outputDim(),
          net.loss());
    }
  }

  /** Copies rows order[from .. from+rows) (from .. from+rows when order is null) into dst. */
  private static void gather(float[] dst, float[] src, int cols, int[] order, int from,
                             int rows) {
    if (order == null) {
      System.arraycopy(src, from * cols, dst, 0, rows * cols);
      return;
    }
    for (int r = 0; r < rows; r++) {
      System.arraycopy(src, order[from + r] * cols, dst, r * cols, cols);
    }
  }
}
