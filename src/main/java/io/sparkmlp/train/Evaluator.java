package io.sparkmlp.train;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.nn.Metric;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.Workspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inference over a whole matrix in chunks that fit one workspace: losses and metrics for
 * evaluation and validation, outputs for prediction. Dropout is off.
 */
public final class Evaluator {
  private final Network network;
  private final List<Metric> metrics;
  private final Workspace ws;

  public Evaluator(Network network, List<Metric> metrics, int chunkRows) {
    this.network = network;
    this.metrics = metrics;
    this.ws = network.newWorkspace(chunkRows);
  }

  /**
   * Mean loss (with the L2 term, as Keras reports it) and mean metrics over all rows, keyed
   * by {@code prefix + name}: "loss", "accuracy" or "val_loss", "val_accuracy".
   */
  public Map<String, Double> evaluate(Matrix x, Matrix y, float[] params, String prefix) {
    return logs(network, metrics, sums(x, y, params), x.rows(), params, prefix);
  }

  /** Summed loss (without the L2 term), then summed metrics, over all rows of (x, y). */
  public double[] sums(Matrix x, Matrix y, float[] params) {
    return sums(x, y, null, params);
  }

  /**
   * Weighted sums Σ w_i·value_i of the loss (without the L2 term) and the metrics over all rows
   * of (x, y), one weight per row in w; null w gives the plain sums.
   */
  public double[] sums(Matrix x, Matrix y, float[] w, float[] params) {
    double[] sums = new double[1 + metrics.size()];
    int outCols = network.outputDim();
    for (int start = 0; start < x.rows(); start += ws.capacity()) {
      int n = Math.min(ws.capacity(), x.rows() - start);
      int yOff = start * y.cols();
      sums[0] += network.loss(new Rows(x.values(), y.values(), w, null, start, start + n),
          params, ws);
      float[] out = network.output(ws);
      for (int m = 0; m < metrics.size(); m++) {
        sums[1 + m] += metrics.get(m).sum(out, y.values(), yOff, w, start, n, outCols,
            network.loss());
      }
    }
    return sums;
  }

  /**
   * Turns sums into Keras-named means, adding the L2 term to the loss: divided by
   * {@code total}, the row count, or the rows' weight sum for weighted sums.
   */
  public static Map<String, Double> logs(Network network, List<Metric> metrics, double[] sums,
                                         double total, float[] params, String prefix) {
    Map<String, Double> logs = new LinkedHashMap<>();
    double n = total > 0 ? total : 1;
    logs.put(prefix + Logs.LOSS, sums[0] / n + network.regularizationLoss(params));
    for (int m = 0; m < metrics.size(); m++) {
      logs.put(prefix + metrics.get(m).kerasName(), sums[1 + m] / n);
    }
    return logs;
  }

  /** The network's outputs (rows, outputDim) for every row of x. */
  public Matrix predict(Matrix x, float[] params) {
    int outCols = network.outputDim();
    float[] result = new float[Math.multiplyExact(x.rows(), outCols)];
    for (int start = 0; start < x.rows(); start += ws.capacity()) {
      int n = Math.min(ws.capacity(), x.rows() - start);
      float[] out = network.forward(x.values(), start * x.cols(), n, params, ws, false, 0L);
      System.arraycopy(out, 0, result, start * outCols, n * outCols);
    }
    return new Matrix(result, x.rows(), outCols);
  }
}
