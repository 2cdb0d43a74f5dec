package io.sparkmlp.cli;

/** The {@code preprocessing} section: fixed transforms of the features and labels. */
@Section(doc = "Transforms applied to every source as it is read, in this order: scale, "
    + "standardize, one_hot.")
public record PreprocessingConfig(
    @Key(name = "scale", defaultValue = "1.0", range = "> 0",
        doc = "multiplies every feature, e.g. 0.00392156862745098 (1/255) for 8-bit pixels")
    double scale,
    @Key(name = "standardize", defaultValue = "false",
        doc = "z-scores every feature with the mean and standard deviation of the training set")
    boolean standardize,
    @Key(name = "one_hot", defaultValue = "false",
        doc = "turns integer class labels into one-hot rows as wide as the last layer; for "
            + "categorical_crossentropy on labels stored as class indices")
    boolean oneHot) {

  /**
   * The divisor equivalent to {@link #scale}: exactly 255 for a scale of 1/255, so dividing by
   * it rounds pixels as NumPy's {@code x / 255} does, bit for bit (multiplying does not).
   */
  public double divisor() {
    return 1.0 / scale;
  }
}
