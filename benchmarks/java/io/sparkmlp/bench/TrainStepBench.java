package io.sparkmlp.bench;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.kernel.Gemm;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.FitOptions;
import io.sparkmlp.model.History;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.Rows;
import io.sparkmlp.nn.Workspace;
import io.sparkmlp.optim.Optimizer;
import io.sparkmlp.optim.OptimizerState;
import io.sparkmlp.optim.Optimizers;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Single-thread training throughput of the 784-256-128-10 ReLU/softmax network with Adam:
 * <ul>
 *   <li>{@code step}: the training step alone on one fixed batch — Network.lossAndGradient,
 *       finishGradient, Adam.step — in samples/s and GFLOP/s (FLOPs of the three GEMM kinds:
 *       forward 2·B·Σ nIn·nOut, weight gradients the same, input gradients without layer 1);</li>
 *   <li>{@code fit}: Sequential.fit epochs over 60,000 random rows, which adds shuffling,
 *       gathering rows into batches and the accuracy metric.</li>
 * </ul>
 * Usage: {@code TrainStepBench [--gemm netlib] [batch=128] [steps=3000] [fitEpochs=3]}.
 * {@code --gemm netlib} sets the system property {@code sparkmlp.gemm=netlib} before
 * {@link Gemm} loads, which routes the products to netlib's sgemm (native OpenBLAS where it
 * loads; run with {@code OPENBLAS_NUM_THREADS=1}).
 */
public final class TrainStepBench {
  private static final int[] WIDTHS = {784, 256, 128, 10};

  private TrainStepBench() {}

  public static void main(String[] args) {
    if (args.length >= 2 && args[0].equals("--gemm")) {
      System.setProperty(Gemm.ROUTE_PROPERTY, args[1]);
      args = Arrays.copyOfRange(args, 2, args.length);
    }
    System.out.printf(Locale.ROOT, "gemm route: %s, OPENBLAS_CORETYPE=%s, "
        + "OPENBLAS_NUM_THREADS=%s%n", Gemm.route(), System.getenv("OPENBLAS_CORETYPE"),
        System.getenv("OPENBLAS_NUM_THREADS"));
    int batch = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    int fitEpochs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Sequential model = build();
    Network net = model.network();

    double flopsPerStep = 0;
    for (int i = 0; i < net.layers().size(); i++) {
      LayerSpec l = net.layers().get(i);
      double mnk = 2.0 * batch * l.inputDim() * l.outputDim();
      flopsPerStep += (i == 0 ? 2 : 3) * mnk;
    }

    SplittableRandom rng = new SplittableRandom(1);
    float[] x = new float[batch * WIDTHS[0]];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextDouble();
    }
    float[] y = new float[batch];
    for (int i = 0; i < batch; i++) {
      y[i] = rng.nextInt(10);
    }
    float[] params = model.params();
    float[] grad = new float[params.length];
    Optimizer adam = (Optimizer) Optimizers.byName("adam");
    OptimizerState state = adam.newState(params.length);
    Workspace ws = net.newWorkspace(batch);

    runSteps(net, adam, state, ws, x, y, batch, params, grad, Math.max(steps / 3, 200));
    double best = Double.MAX_VALUE;
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      runSteps(net, adam, state, ws, x, y, batch, params, grad, steps);
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    double perStep = best / steps;
    System.out.printf(Locale.ROOT, "step  784-256-128-10 batch %d: %,.0f samples/s, %.1f GFLOP/s"
        + " (%.1f us/step, best of 3 x %d steps)%n", batch, batch / perStep,
        flopsPerStep / perStep / 1e9, perStep * 1e6, steps);

    if (fitEpochs > 0) {
      int n = 60_000;
      float[] fx = new float[n * WIDTHS[0]];
      for (int i = 0; i < fx.length; i++) {
        fx[i] = (float) rng.nextDouble();
      }
      float[] fy = new float[n];
      for (int i = 0; i < n; i++) {
        fy[i] = rng.nextInt(10);
      }
      History h = build().fit(new Matrix(fx, n, WIDTHS[0]), new Matrix(fy, n, 1),
          FitOptions.builder().batchSize(batch).epochs(fitEpochs).verbose(0).build());
      double bestFit = h.get("samples_per_second").stream().mapToDouble(d -> d).max().orElse(0);
      System.out.printf(Locale.ROOT, "fit   784-256-128-10 batch %d: %,.0f samples/s (best "
          + "epoch of %d over 60,000 rows, incl. shuffle, batch gather, accuracy)%n", batch,
          bestFit, fitEpochs);
    }
  }

  private static void runSteps(Network net, Optimizer opt, OptimizerState state, Workspace ws,
                               float[] x, float[] y, int batch, float[] params, float[] grad,
                               int steps) {
    Rows rows = Rows.of(x, y, null, batch);
    for (int s = 0; s < steps; s++) {
      Arrays.fill(grad, 0f);
      net.lossAndGradient(rows, params, grad, ws, s);
      net.finishGradient(grad, batch, params);
      opt.step(params, grad, state);
    }
  }

  private static Sequential build() {
    return new Sequential().seed(7)
        .add(new Dense(WIDTHS[1], "relu").inputDim(WIDTHS[0]))
        .add(new Dense(WIDTHS[2], "relu"))
        .add(new Dense(WIDTHS[3], "softmax"))
        .compile("sparse_categorical_crossentropy", "adam", "accuracy");
  }
}
