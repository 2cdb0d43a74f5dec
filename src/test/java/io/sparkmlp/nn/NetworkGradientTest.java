package io.sparkmlp.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sparkmlp.testing.GradientCheck;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central-difference gradient checks: Network's float gradient against the numerical
 * derivative of an independent double-precision reference ({@link ReferenceNetwork}).
 */
class NetworkGradientTest {
  private static final int ROWS = 5;
  private static final double H = 1e-6;
  private static final double REL_TOL = 2e-3;
  private static final double ABS_FLOOR = 2e-5;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void everyHiddenActivation(Activation hidden) {
    List<LayerSpec> layers = List.of(
        new DenseSpec(4, 6, hidden, Initializer.GLOROT_UNIFORM, true, 0f),
        new DenseSpec(6, 3, Activation.SOFTMAX, Initializer.GLOROT_UNIFORM, true, 0f));
    check(new Network(layers, Loss.CATEGORICAL_CROSSENTROPY), 11);
  }

  static Stream<Arguments> outputs() {
    return Stream.of(
        Arguments.of(Activation.SOFTMAX, Loss.CATEGORICAL_CROSSENTROPY),
        Arguments.of(Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY),
        Arguments.of(Activation.SIGMOID, Loss.CATEGORICAL_CROSSENTROPY),
        Arguments.of(Activation.SIGMOID, Loss.BINARY_CROSSENTROPY),
        Arguments.of(Activation.SOFTMAX, Loss.BINARY_CROSSENTROPY),
        Arguments.of(Activation.LINEAR, Loss.MSE),
        Arguments.of(Activation.SOFTMAX, Loss.MSE),
        Arguments.of(Activation.TANH, Loss.MAE),
        Arguments.of(Activation.LINEAR, Loss.MAE));
  }

  @ParameterizedTest
  @MethodSource("outputs")
  void everyLossAndOutputActivation(Activation out, Loss loss) {
    List<LayerSpec> layers = List.of(
        new DenseSpec(3, 5, Activation.TANH, Initializer.GLOROT_UNIFORM, true, 0f),
        new DenseSpec(5, 4, out, Initializer.GLOROT_UNIFORM, true, 0f));
    check(new Network(layers, loss), 23);
  }

  @ParameterizedTest
  @EnumSource(value = Initializer.class, names = {"GLOROT_NORMAL", "HE_UNIFORM"})
  void threeLayersWithDropoutAndL2(Initializer init) {
    List<LayerSpec> layers = List.of(
        new DropoutSpec(7, 0.2f),
        new DenseSpec(7, 8, Activation.ELU, init, true, 0.01f),
        new DropoutSpec(8, 0.5f),
        new DenseSpec(8, 6, Activation.SWISH, init, false, 0.001f),
        new DenseSpec(6, 3, Activation.SOFTMAX, init, true, 0f));
    check(new Network(layers, Loss.SPARSE_CATEGORICAL_CROSSENTROPY), 31);
  }

  private static void check(Network net, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int nIn = net.inputDim();
    int nOut = net.outputDim();
    float[] x = new float[ROWS * nIn];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (rng.nextDouble() * 2 - 1);
    }
    float[] y = targets(net.loss(), nOut, rng);
    float[] params = net.initialParams(seed);
    for (int i = 0; i < params.length; i++) {
      params[i] += (float) (rng.nextDouble() * 0.2 - 0.1);   // biases off zero too
    }
    long dropoutSeed = 99;
    Workspace ws = net.newWorkspace(ROWS);
    float[] grad = new float[params.length];
    double lossSum = net.lossAndGradient(Rows.of(x, y, null, ROWS), params, grad, ws, dropoutSeed);
    double reg = net.finishGradient(grad, ROWS, params);

    float[][] masks = masks(net, dropoutSeed);
    ReferenceNetwork ref = new ReferenceNetwork(net);
    double[] p = GradientCheck.toDouble(params);
    double refLoss = ref.loss(p, x, y, ROWS, masks);
    assertEquals(refLoss, lossSum / ROWS + reg, 1e-5 * Math.max(1, Math.abs(refLoss)), "loss");
    GradientCheck.assertGradient(q -> ref.loss(q, x, y, ROWS, masks), p, grad, H, REL_TOL,
        ABS_FLOOR, () -> net.layers() + " " + net.loss());
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
      if (loss == Loss.CATEGORICAL_CROSSENTROPY) {
        y[r * nOut + rng.nextInt(nOut)] = 1f;
      } else if (loss == Loss.BINARY_CROSSENTROPY) {
        for (int j = 0; j < nOut; j++) {
          y[r * nOut + j] = rng.nextBoolean() ? 1f : 0f;
        }
      } else {
        for (int j = 0; j < nOut; j++) {
          y[r * nOut + j] = (float) (rng.nextDouble() * 2 - 1);
        }
      }
    }
    return y;
  }

  private static float[][] masks(Network net, long dropoutSeed) {
    List<LayerSpec> layers = net.layers();
    float[][] masks = new float[layers.size()][];
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DropoutSpec d) {
        masks[i] = new float[ROWS * d.inputDim()];
        Network.fillDropoutMask(masks[i], masks[i].length, d.rate(),
            io.sparkmlp.util.Seeds.mix(dropoutSeed, i));
      }
    }
    return masks;
  }
}
