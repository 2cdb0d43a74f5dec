package io.sparkmlp.nn;

import io.sparkmlp.kernel.Gemm;
import io.sparkmlp.kernel.VectorOps;
import io.sparkmlp.util.Checks;
import io.sparkmlp.util.Seeds;
import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feed-forward network (Dense and Dropout layers) and its loss: the one place that computes
 * forward passes, losses and gradients, for local and distributed training alike.
 *
 * <p>Parameters live in one flat float array laid out by {@link ParamLayout}. A pass reads
 * contiguous {@link Rows}: inputs x row-major (n, inputDim), targets y likewise (n, outputDim),
 * or (n, 1) class indices for sparse labels ({@link #targetCols}), rows [from, to) of them.
 * Gradients are of the SUM of per-example losses, added into the caller's array, so that
 * partial sums from any split of a minibatch add up to the same total; {@link #finishGradient}
 * turns the sum into the mean and adds the regulariser.
 *
 * <p>Optional per-example sample weights w (one per row) make that sum Σ w_i·loss_i, and
 * finishGradient then divides by Σ w_i instead of the count: the weighted mean, as Spark ML's
 * weightCol defines it. A null w is the unweighted sum, bit for bit.
 */
public final class Network implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<LayerSpec> layers;
  private final Loss loss;
  private final ParamLayout layout;
  /** Index of the first layer with parameters: no input gradient is needed below it. */
  private final int firstDense;

  public Network(List<LayerSpec> layers, Loss loss) {
    Checks.argument(!layers.isEmpty(), "a network needs at least one layer");
    Checks.argument(layers.get(layers.size() - 1) instanceof DenseSpec,
        "the last layer must be Dense, got %s", layers.get(layers.size() - 1));
    for (int i = 1; i < layers.size(); i++) {
      Checks.argument(layers.get(i).inputDim() == layers.get(i - 1).outputDim(),
          "layer %s expects %s inputs but layer %s has %s outputs", i, layers.get(i).inputDim(),
          i - 1, layers.get(i - 1).outputDim());
    }
    this.layers = List.copyOf(layers);
    this.loss = loss;
    this.layout = new ParamLayout(this.layers);
    int first = 0;
    while (!(this.layers.get(first) instanceof DenseSpec)) {
      first++;
    }
    this.firstDense = first;
  }

  public List<LayerSpec> layers() {
    return layers;
  }

  public Loss loss() {
    return loss;
  }

  public ParamLayout layout() {
    return layout;
  }

  public int numParams() {
    return layout.size();
  }

  public int inputDim() {
    return layers.get(0).inputDim();
  }

  public int outputDim() {
    return layers.get(layers.size() - 1).outputDim();
  }

  /** Targets per row: 1 (a class index) for sparse labels, else one per output. */
  public int targetCols() {
    return loss.sparseLabels() ? 1 : outputDim();
  }

  /** Activation of the output layer. */
  public Activation outputActivation() {
    return ((DenseSpec) layers.get(layers.size() - 1)).activation();
  }

  /** Buffers for passes of up to {@code capacity} rows. */
  public Workspace newWorkspace(int capacity) {
    Checks.positive(capacity, "workspace capacity");
    return new Workspace(layers, capacity);
  }

  /** Fresh parameters: kernels from each layer's initialiser, biases zero, from the seed. */
  public float[] initialParams(long seed) {
    float[] params = new float[numParams()];
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, i));
        d.kernelInitializer().fill(params, layout.kernelOffset(i), d.inputDim(), d.units(), rng);
      }
    }
    return params;
  }

  /**
   * Forward pass of {@code rows} examples; returns the output buffer, whose first
   * rows * outputDim values are the network's outputs (valid until the workspace is reused).
   *
   * @param training apply dropout (masks drawn from {@code dropoutSeed})
   */
  public float[] forward(float[] x, int xOff, int rows, float[] params, Workspace ws,
                         boolean training, long dropoutSeed) {
    Checks.argument(rows >= 0 && rows <= ws.capacity, "%s rows exceed the workspace capacity %s",
        rows, ws.capacity);
    float[] in = x;
    int inOff = xOff;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec spec = layers.get(i);
      float[] out = ws.out[i];
      if (spec instanceof DenseSpec d) {
        float[] z = ws.pre[i];
        int bOff = layout.biasOffset(i);
        if (bOff >= 0) {
          VectorOps.broadcastRows(z, params, bOff, rows, d.units());
        }
        Gemm.matmul(z, 0, in, inOff, params, layout.kernelOffset(i), rows, d.units(),
            d.inputDim(), bOff >= 0);
        d.activation().forward(out, z, rows, d.units());
      } else if (spec instanceof DropoutSpec drop) {
        int n = rows * drop.inputDim();
        System.arraycopy(in, inOff, out, 0, n);
        if (training && drop.rate() > 0f) {
          fillDropoutMask(ws.mask[i], n, drop.rate(), Seeds.mix(dropoutSeed, i));
          VectorOps.multiply(out, ws.mask[i], n);
        }
      }
      in = out;
      inOff = 0;
    }
    return ws.out[layers.size() - 1];
  }

  /**
   * Forward and backward pass over contiguous rows with dropout active: adds the gradient of
   * the summed loss Σ w_i·loss_i (Σ loss_i when rows.w() is null) to {@code grad} (same layout
   * as params) and returns that summed loss.
   */
  public double lossAndGradient(Rows batch, float[] params, float[] grad, Workspace ws,
                                long dropoutSeed) {
    return lossAndGradient(batch, params, grad, null, 0, ws, dropoutSeed);
  }

  /**
   * As {@link #lossAndGradient(Rows, float[], float[], Workspace, long)}, with the gradient of
   * the first {@code split} rows added to {@code grad} and of the others to {@code gradB} (when
   * gradB is not null): the two halves' gradients a local step estimates the minibatch's second
   * moments from, for one pass forward and back over all the rows instead of two. Only the
   * weight gradients' products, whose sum runs over rows, are split; each half's gradient comes
   * out as the pass over that half alone gives it, for GEMM results do not depend on how many
   * rows are multiplied together.
   */
  public double lossAndGradient(Rows batch, float[] params, float[] grad, float[] gradB,
                                int split, Workspace ws, long dropoutSeed) {
    Checks.argument(batch.order() == null, "the network reads contiguous rows; gather them first");
    Checks.argument(gradB == null || (split >= 0 && split <= batch.count()),
        "split must be in [0, %s], got %s", batch.count(), split);
    float[] x = batch.x();
    int xOff = batch.from() * inputDim();
    int rows = batch.count();
    forward(x, xOff, rows, params, ws, true, dropoutSeed);
    int last = layers.size() - 1;
    DenseSpec top = (DenseSpec) layers.get(last);
    float[] cur = ws.deltaA;
    float[] other = ws.deltaB;
    double lossSum = loss.lossAndDelta(cur, ws.lossScratch, top.activation(), ws.pre[last],
        ws.out[last], batch.y(), batch.from() * targetCols(), batch.w(), batch.from(), rows,
        top.units());
    // cur holds dL/dz for the top layer, dL/d(output) for every layer below it.
    for (int i = last; i >= firstDense; i--) {
      LayerSpec spec = layers.get(i);
      float[] in = i == 0 ? x : ws.out[i - 1];
      int inOff = i == 0 ? xOff : 0;
      if (spec instanceof DenseSpec d) {
        if (i != last) {
          d.activation().backward(cur, cur, ws.pre[i], ws.out[i], rows, d.units());
        }
        int wOff = layout.kernelOffset(i);
        int bOff = layout.biasOffset(i);
        if (gradB == null) {
          addLayerGradient(grad, wOff, bOff, in, inOff, cur, 0, rows, d);
        } else {
          addLayerGradient(grad, wOff, bOff, in, inOff, cur, 0, split, d);
          addLayerGradient(gradB, wOff, bOff, in, inOff + split * d.inputDim(), cur,
              split * d.units(), rows - split, d);
        }
        if (i > firstDense) {
          Gemm.matmulTransB(other, 0, cur, 0, params, wOff, rows, d.inputDim(), d.units(), false);
          float[] t = cur;
          cur = other;
          other = t;
        }
      } else if (spec instanceof DropoutSpec) {
        VectorOps.multiply(cur, ws.mask[i], rows * spec.inputDim());
      }
    }
    return lossSum;
  }

  /**
   * Adds a dense layer's kernel gradient in^T·delta and bias gradient (delta's column sums)
   * over {@code rows} rows of its input and delta blocks to g.
   */
  private static void addLayerGradient(float[] g, int wOff, int bOff, float[] in, int inOff,
                                       float[] delta, int deltaOff, int rows, DenseSpec d) {
    if (rows == 0) {
      return;
    }
    Gemm.matmulTransA(g, wOff, in, inOff, delta, deltaOff, d.inputDim(), d.units(), rows, true);
    if (bOff >= 0) {
      VectorOps.addColumnSums(g, bOff, delta, deltaOff, rows, d.units());
    }
  }

  /** The output block (rows, outputDim) of the last pass run with this workspace. */
  public float[] output(Workspace ws) {
    return ws.out[layers.size() - 1];
  }

  /**
   * The output layer's pre-activations (rows, outputDim) of the last pass run with this
   * workspace: the logits before a softmax or sigmoid, which Spark ML calls rawPrediction.
   */
  public float[] outputLogits(Workspace ws) {
    return ws.pre[layers.size() - 1];
  }

  /**
   * Summed loss Σ w_i·loss_i (Σ loss_i when rows.w() is null) of contiguous rows in inference
   * mode: no dropout, no gradient.
   */
  public double loss(Rows batch, float[] params, Workspace ws) {
    Checks.argument(batch.order() == null, "the network reads contiguous rows; gather them first");
    int rows = batch.count();
    forward(batch.x(), batch.from() * inputDim(), rows, params, ws, false, 0L);
    int last = layers.size() - 1;
    DenseSpec top = (DenseSpec) layers.get(last);
    return loss.lossAndDelta(ws.deltaA, ws.lossScratch, top.activation(), ws.pre[last],
        ws.out[last], batch.y(), batch.from() * targetCols(), batch.w(), batch.from(), rows,
        top.units());
  }

  /**
   * Turns a summed gradient into the mean gradient plus the L2 regulariser's gradient (2 λ W),
   * in place, dividing by {@code total}: the example count, or the examples' weight sum for a
   * weighted sum. A total of 0 (no examples, or only weight-0 ones, whose gradient is 0) leaves
   * the sum as it is rather than dividing by zero. Returns the regulariser's loss term λ Σ W².
   */
  public double finishGradient(float[] grad, double total, float[] params) {
    if (total > 0) {
      VectorOps.scale(grad, 0, grad.length, (float) (1.0 / total));
    }
    double reg = 0;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d && d.l2() > 0f) {
        int off = layout.kernelOffset(i);
        int n = d.inputDim() * d.units();
        reg += d.l2() * VectorOps.sumOfSquares(params, off, n);
        VectorOps.axpy(grad, off, 2f * d.l2(), params, off, n);
      }
    }
    return reg;
  }

  /** The regulariser's loss term λ Σ W² alone, for reporting evaluation losses as Keras does. */
  public double regularizationLoss(float[] params) {
    double reg = 0;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d && d.l2() > 0f) {
        reg += d.l2() * VectorOps.sumOfSquares(params, layout.kernelOffset(i),
            d.inputDim() * d.units());
      }
    }
    return reg;
  }

  /** Inverted-dropout multipliers from a SplitMix64 stream: no objects per step. Package-visible for tests. */
  static void fillDropoutMask(float[] mask, int n, float rate, long seed) {
    float keep = 1f / (1f - rate);
    long state = seed;
    double threshold = rate;
    for (int i = 0; i < n; i++) {
      state += 0x9e3779b97f4a7c15L;
      double u = (Seeds.scramble(state) >>> 11) * 0x1.0p-53;
      mask[i] = u < threshold ? 0f : keep;
    }
  }
}
