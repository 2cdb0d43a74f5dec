package io.sparkmlp.model;

import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.SampleWeights;
import io.sparkmlp.nn.Workspace;
import io.sparkmlp.util.Seeds;
import java.util.List;

/**
 * The work one holder of training rows does in one step: gather its slice of the step's
 * minibatch (see {@link MinibatchPlan}), run forward and backward, add the summed gradient into
 * the caller's array and the summed loss and metrics into {@code sums}. Local training has one
 * worker; on Spark each partition's task has one. Buffers are allocated once, here. With
 * per-row weights, every sum is the weighted one and the slice reports its weight sum, which
 * replaces the row count as the divisor.
 */
public final class StepWorker {
  /** Stream id that keeps dropout masks apart from other draws of the same (epoch, step). */
  static final long DROPOUT_STREAM = 0xD20;

  private final Network net;
  private final List<Metric> metrics;
  private final Workspace ws;
  private final float[] xb;
  private final float[] yb;
  private final float[] wb;
  private final int xCols;
  private final int yCols;

  /** A worker for slices of up to {@code capacity} rows of x (.., xCols) and y (.., yCols). */
  public StepWorker(Network net, List<Metric> metrics, int xCols, int yCols, int capacity) {
    this.net = net;
    this.metrics = metrics;
    this.xCols = xCols;
    this.yCols = yCols;
    int cap = Math.max(capacity, 1);
    this.ws = net.newWorkspace(cap);
    this.xb = new float[cap * xCols];
    this.yb = new float[cap * yCols];
    this.wb = new float[cap];
  }

  /** Length of the sums array: the loss, then one entry per metric. */
  public static int sumsLength(List<Metric> metrics) {
    return 1 + metrics.size();
  }

  /**
   * Processes rows order[from .. to) of x and y (all rows in order when order is null) as
   * the part of step {@code step} of {@code epoch} held by {@code partition}: adds the gradient
   * of the summed loss to grad, and the summed loss and metric values to sums.
   */
  public void accumulate(float[] x, float[] y, int[] order, int from, int to, float[] params,
                         float[] grad, double[] sums, long seed, int epoch, int step,
                         int partition) {
    accumulate(x, y, null, order, from, to, params, grad, sums, seed, epoch, step, partition);
  }

  /**
   * As {@link #accumulate(float[], float[], int[], int, int, float[], float[], double[], long,
   * int, int, int)} with one weight per row in w (null: unweighted): grad and sums receive the
   * weighted sums. Returns the slice's total weight, its row count when w is null.
   */
  public double accumulate(float[] x, float[] y, float[] w, int[] order, int from, int to,
                           float[] params, float[] grad, double[] sums, long seed, int epoch,
                           int step, int partition) {
    int rows = to - from;
    if (rows == 0) {
      return 0;
    }
    gather(xb, x, xCols, order, from, rows);
    gather(yb, y, yCols, order, from, rows);
    float[] wSlice = null;
    if (w != null) {
      gather(wb, w, 1, order, from, rows);
      wSlice = wb;
    }
    long dropoutSeed = Seeds.mix(seed, epoch, step, DROPOUT_STREAM, partition);
    sums[0] += net.lossAndGradient(xb, 0, yb, 0, wSlice, 0, rows, params, grad, ws, dropoutSeed);
    float[] out = net.output(ws);
    for (int m = 0; m < metrics.size(); m++) {
      sums[1 + m] += metrics.get(m).sum(out, yb, 0, wSlice, 0, rows, net.outputDim(),
          net.loss());
    }
    return SampleWeights.sum(wSlice, 0, rows);
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
