package io.sparkmlp.nn;

import io.sparkmlp.util.Checks;

/**
 * A fully connected layer: out(batch, units) = f(x(batch, inputDim) · W + b) with the kernel W
 * stored row-major as (inputDim, units), followed by the bias b (units), in the flat parameter
 * array. {@code l2} adds {@code l2 · Σ W²} to the loss, as Keras's {@code regularizers.l2}.
 */
public record DenseSpec(int inputDim, int units, Activation activation,
                        Initializer kernelInitializer, boolean useBias, float l2)
    implements LayerSpec {

  public DenseSpec {
    Checks.argument(inputDim >= 1, "Dense input_dim must be >= 1, got %s", inputDim);
    Checks.argument(units >= 1, "Dense units must be >= 1, got %s", units);
    Checks.argument(activation != null && kernelInitializer != null,
        "Dense needs an activation and a kernel initializer");
    Checks.argument(Float.isFinite(l2) && l2 >= 0, "Dense l2 must be a finite number >= 0, got %s",
        l2);
  }

  @Override
  public int outputDim() {
    return units;
  }

  @Override
  public int numParams() {
    return inputDim * units + (useBias ? units : 0);
  }
}
