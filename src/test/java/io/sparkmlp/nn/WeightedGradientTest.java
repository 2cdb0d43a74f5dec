package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.testing.GradientCheck;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sample weights in {@link Network}: the weighted sum's gradient, divided by the weight sum,
 * is the central-difference derivative of the independent reference's weighted mean loss
 * Σ w·loss / Σ w (+ L2), for fused and unfused losses, with non-uniform weights and a 0.
 */
class WeightedGradientTest {
  private static final int ROWS = 6;
  /** Non-uniform, one row weightless, one heavy: a wrong weighting cannot pass unnoticed. */
  private static final float[] WEIGHTS = {0.5f, 2f, 0f, 1f, 3.25f, 0.125f};
  private static final double H = 1e-6;
  private static final double REL_TOL = 2e-3;
  private static final double ABS_FLOOR = 2e-5;

  static Stream<Arguments> outputs() {
    return Stream.of(
        Arguments.of(Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY),
        Arguments.of(Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY),
        Arguments.of(Activation.LINEAR, Loss.MSE),
        Arguments.of(Activation.SIGMOID, Loss.BINARY_CROSSENTROPY),
        Arguments.of(Activation.SIGMOID, Loss.CATEGORICAL_CROSSENTROPY),
        Arguments.of(Activation.TANH, Loss.MAE));
  }

  @ParameterizedTest
  @MethodSource("outputs")
  void weightedMeanLossGradient(Activation out, Loss loss) {
    List<LayerSpec> layers = List.of(
        new DenseSpec(3, 5, Activation.TANH, Initializer.GLOROT_UNIFORM, true, 0.01f),
        new DenseSpec(5, 4, out, Initializer.GLOROT_UNIFORM, true, 0f));
    Network net = new Network(layers, loss);
    SplittableRandom rng = new SplittableRandom(17);
    float[] x = uniform(ROWS * net.inputDim(), rng);
    float[] y = targets(loss, net.outputDim(), rng);
    float[] params = net.initialParams(5);
    for (int i = 0; i < params.length; i++) {
      params[i] += (float) (rng.nextDouble() * 0.2 - 0.1);
    }
    float[] grad = new float[params.length];
    double lossSum = net.lossAndGradient(Rows.of(x, y, WEIGHTS, ROWS), params, grad,
        net.newWorkspace(ROWS), 0L);
    double weightSum = SampleWeights.sum(WEIGHTS, 0, ROWS);
    double reg = net.finishGradient(grad, weightSum, params);

    ReferenceNetwork ref = new ReferenceNetwork(net);
    double[] p = GradientCheck.toDouble(params);
    float[][] noMasks = new float[layers.size()][];
    double refLoss = ref.loss(p, x, y, WEIGHTS, ROWS, noMasks);
    assertEquals(refLoss, lossSum / weightSum + reg, 1e-5 * Math.max(1, Math.abs(refLoss)),
        "weighted mean loss");
    GradientCheck.assertGradient(q -> ref.loss(q, x, y, WEIGHTS, ROWS, noMasks), p, grad, H,
        REL_TOL, ABS_FLOOR, () -> out + " " + loss);
  }

  /** Each term times exactly 1 is the term: unit weights reproduce the unweighted bits. */
  @ParameterizedTest
  @MethodSource("outputs")
  void unitWeightsGiveTheUnweightedBits(Activation out, Loss loss) {
    Network net = new Network(List.of(
        new DenseSpec(3, 4, out, Initializer.GLOROT_UNIFORM, true, 0f)), loss);
    SplittableRandom rng = new SplittableRandom(29);
    float[] x = uniform(ROWS * 3, rng);
    float[] y = targets(loss, 4, rng);
    float[] params = net.initialParams(8);
    float[] ones = new float[ROWS];
    Arrays.fill(ones, 1f);
    float[] plain = new float[params.length];
    float[] weighted = new float[params.length];
    Workspace ws = net.newWorkspace(ROWS);
    double a = net.lossAndGradient(Rows.of(x, y, null, ROWS), params, plain, ws, 0L);
    double b = net.lossAndGradient(Rows.of(x, y, ones, ROWS), params, weighted, ws, 0L);
    assertEquals(a, b, 0.0);
    assertArrayEquals(plain, weighted, 0f);
    assertEquals(net.loss(Rows.of(x, y, null, ROWS), params, ws),
        net.loss(Rows.of(x, y, ones, ROWS), params, ws), 0.0);
  }

  /** A step whose rows all weigh 0 has gradient 0 (plus L2), not 0/0. */
  @Test
  void weightlessStepHasZeroGradient() {
    Network net = new Network(List.of(
        new DenseSpec(3, 4, Activation.SOFTMAX, Initializer.GLOROT_UNIFORM, true, 0f)),
        Loss.CATEGORICAL_CROSSENTROPY);
    SplittableRandom rng = new SplittableRandom(3);
    float[] params = net.initialParams(1);
    float[] grad = new float[params.length];
    float[] zeros = new float[ROWS];
    double loss = net.lossAndGradient(Rows.of(uniform(ROWS * 3, rng),
        targets(Loss.CATEGORICAL_CROSSENTROPY, 4, rng), zeros, ROWS), params, grad,
        net.newWorkspace(ROWS), 0L);
    net.finishGradient(grad, SampleWeights.sum(zeros, 0, ROWS), params);
    assertEquals(0.0, loss);
    assertArrayEquals(new float[params.length], grad, 0f);
  }

  private static float[] uniform(int n, SplittableRandom rng) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    return v;
  }

  private static float[] targets(Loss loss, int nOut, SplittableRandom rng) {
    if (loss.sparseLabels()) {
      float[] y = new float[ROWS];
      for (int r = 0; r < ROWS; r++) {
        y[r] = rng.nextInt(nOut);
      }
      return y;
    }
    float[] y = new float[ROWS * nOut];
    for (int r = 0; r < ROWS; r++) {
      for (int j = 0; j < nOut; j++) {
        y[r * nOut + j] = switch (loss) {
          case CATEGORICAL_CROSSENTROPY -> 0f;
          case BINARY_CROSSENTROPY -> rng.nextBoolean() ? 1f : 0f;
          default -> (float) (rng.nextDouble() * 2 - 1);
        };
      }
      if (loss == Loss.CATEGORICAL_CROSSENTROPY) {
        y[r * nOut + rng.nextInt(nOut)] = 1f;
      }
    }
    return y;
  }
}
