package io.sparkmlp.nn;

import io.sparkmlp.util.Checks;

/**
 * Inverted dropout: in training each input is zeroed with probability {@code rate} and the
 * survivors are scaled by 1 / (1 - rate), so inference is the identity.
 */
public record DropoutSpec(int inputDim, float rate) implements LayerSpec {

  public DropoutSpec {
    Checks.argument(inputDim >= 1, "Dropout input width must be >= 1, got %s", inputDim);
    Checks.argument(rate >= 0f && rate < 1f, "Dropout rate must be in [0, 1), got %s", rate);
  }

  @Override
  public int outputDim() {
    return inputDim;
  }

  @Override
  public int numParams() {
    return 0;
  }
}
