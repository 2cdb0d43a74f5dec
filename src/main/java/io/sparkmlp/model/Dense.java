package io.sparkmlp.model;

import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.util.Checks;

/**
 * A fully connected layer, as Keras's {@code Dense(units, activation, input_dim=...)}. Settings
 * are validated as they are given, so a bad name fails at the line that wrote it.
 *
 * <pre>{@code new Dense(64, "relu").inputDim(100).kernelInitializer("he_normal").l2(1e-4)}</pre>
 */
public final class Dense implements Layer {
  /** Keras's Dense(units) is linear. */
  public static final Activation DEFAULT_ACTIVATION = Activation.LINEAR;
  public static final Initializer DEFAULT_KERNEL_INITIALIZER = Initializer.DEFAULT_KERNEL;
  public static final boolean DEFAULT_USE_BIAS = true;
  public static final double DEFAULT_L2 = 0.0;

  private final int units;
  private Activation activation;
  private int inputDim;
  private Initializer kernelInitializer = DEFAULT_KERNEL_INITIALIZER;
  private boolean useBias = DEFAULT_USE_BIAS;
  private float l2 = (float) DEFAULT_L2;

  /** A linear Dense layer. */
  public Dense(int units) {
    this(units, DEFAULT_ACTIVATION.kerasName());
  }

  public Dense(int units, String activation) {
    Checks.argument(units >= 1, "Dense units must be >= 1, got %s", units);
    this.units = units;
    this.activation = Activation.byName(activation);
  }

  /** Width of the input; required on the first layer, as Keras's input_dim. */
  public Dense inputDim(int inputDim) {
    Checks.argument(inputDim >= 1, "Dense inputDim must be >= 1, got %s", inputDim);
    this.inputDim = inputDim;
    return this;
  }

  public Dense activation(String name) {
    this.activation = Activation.byName(name);
    return this;
  }

  public Dense kernelInitializer(String name) {
    this.kernelInitializer = Initializer.byName(name);
    return this;
  }

  public Dense useBias(boolean useBias) {
    this.useBias = useBias;
    return this;
  }

  /** L2 penalty λ on the kernel: adds λ Σ W² to the loss (Keras's regularizers.l2(λ)). */
  public Dense l2(double lambda) {
    Checks.nonNegative(lambda, "Dense l2");
    this.l2 = (float) lambda;
    return this;
  }

  public int units() {
    return units;
  }

  @Override
  public int declaredInputDim() {
    return inputDim;
  }

  @Override
  public LayerSpec resolve(int inputWidth) {
    Checks.argument(inputDim == 0 || inputDim == inputWidth,
        "Dense(%s) declares inputDim %s but the layer before it has %s outputs", units, inputDim,
        inputWidth);
    return new DenseSpec(inputWidth, units, activation, kernelInitializer, useBias, l2);
  }
}
