package io.sparkmlp.model;

import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.util.Checks;

/** Keras's {@code Dropout(rate)}: zeroes a fraction of its inputs while training. */
public final class Dropout implements Layer {
  private final float rate;
  private int inputDim;

  public Dropout(double rate) {
    Checks.fraction(rate, "Dropout rate");
    this.rate = (float) rate;
  }

  /** Width of the input, needed only when Dropout is the first layer. */
  public Dropout inputDim(int inputDim) {
    Checks.argument(inputDim >= 1, "Dropout inputDim must be >= 1, got %s", inputDim);
    this.inputDim = inputDim;
    return this;
  }

  @Override
  public int declaredInputDim() {
    return inputDim;
  }

  @Override
  public LayerSpec resolve(int inputWidth) {
    return new DropoutSpec(inputWidth, rate);
  }
}
