package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.testing.Expect;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One pass with the gradient split at a row ({@link Network#lossAndGradient(Rows, float[],
 * float[], float[], int, Workspace, long)}, what local steps estimate second moments
 * from): each part's gradient is bit for bit the gradient of a pass over that part alone, for a
 * network deep enough (three dense layers, 37 rows: GEMM blocks of 6 rows and their edges) that
 * a split of the forward or backward products would show.
 */
class SplitGradientTest {
  private static final int ROWS = 37;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6, 18, 19, 36, 37})
  void eachPartsGradientIsItsOwnPass(int split) {
    Network net = new Network(List.of(
        new DenseSpec(11, 16, Activation.RELU, Initializer.GLOROT_UNIFORM, true, 0f),
        new DenseSpec(16, 9, Activation.TANH, Initializer.GLOROT_UNIFORM, true, 0f),
        new DenseSpec(9, 4, Activation.SOFTMAX, Initializer.GLOROT_UNIFORM, true, 0f)),
        Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
    SplittableRandom rng = new SplittableRandom(5);
    float[] x = new float[ROWS * net.inputDim()];
    float[] y = new float[ROWS];
    float[] w = new float[ROWS];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    for (int r = 0; r < ROWS; r++) {
      y[r] = rng.nextInt(4);
      w[r] = (float) (0.5 + rng.nextDouble());
    }
    float[] params = net.initialParams(9);
    int n = params.length;

    float[] a = new float[n];
    float[] b = new float[n];
    double loss = net.lossAndGradient(Rows.of(x, y, w, ROWS), params, a, b, split,
        net.newWorkspace(ROWS), 0L);

    float[] alone = new float[n];
    float[] rest = new float[n];
    double lossA = pass(net, x, y, w, 0, split, params, alone);
    double lossB = pass(net, x, y, w, split, ROWS, params, rest);
    assertArrayEquals(alone, a, "rows [0, split) alone");
    assertArrayEquals(rest, b, "rows [split, 37) alone");
    assertEquals(lossA + lossB, loss, 1e-12 * Math.abs(loss));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, ROWS + 1})
  void refusesASplitOutsideTheRows(int split) {
    Network net = new Network(List.of(
        new DenseSpec(2, 3, Activation.SOFTMAX, Initializer.GLOROT_UNIFORM, true, 0f)),
        Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
    float[] p = net.initialParams(1);
    Expect.assertMessage("split must be in [0, 37], got " + split,
        () -> net.lossAndGradient(Rows.of(new float[ROWS * 2], new float[ROWS], null, ROWS), p,
            new float[p.length], new float[p.length], split, net.newWorkspace(ROWS), 0L));
  }

  /** Summed loss and gradient of rows [from, to) in a pass of their own. */
  private static double pass(Network net, float[] x, float[] y, float[] w, int from, int to,
                             float[] params, float[] grad) {
    int rows = to - from;
    if (rows == 0) {
      return 0;
    }
    int d = net.inputDim();
    return net.lossAndGradient(Rows.of(Arrays.copyOfRange(x, from * d, to * d),
        Arrays.copyOfRange(y, from, to), Arrays.copyOfRange(w, from, to), rows), params, grad,
        net.newWorkspace(rows), 0L);
  }
}
