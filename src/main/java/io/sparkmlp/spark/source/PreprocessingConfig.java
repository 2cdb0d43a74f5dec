package io.sparkmlp.spark.source;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sparkmlp.util.Checks;

/** The {@code preprocessing} section: fixed transforms of the features and labels. */
@JsonClassDescription("Transforms applied to every source as it is read, in this order: scale, "
    + "standardize, one_hot.")
public record PreprocessingConfig(
    @JsonPropertyDescription("multiplies every feature (> 0), e.g. 0.00392156862745098 (1/255) "
        + "for 8-bit pixels")
    Double scale,
    @JsonPropertyDescription("z-scores every feature with the mean and standard deviation of the "
        + "training set")
    Boolean standardize,
    @JsonPropertyDescription("turns integer class labels into one-hot rows as wide as the last "
        + "layer; for categorical_crossentropy on labels stored as class indices")
    Boolean oneHot) {
  public static final double DEFAULT_SCALE = 1.0;
  public static final boolean DEFAULT_STANDARDIZE = false;
  public static final boolean DEFAULT_ONE_HOT = false;

  public PreprocessingConfig {
    scale = scale == null ? DEFAULT_SCALE : scale;
    Checks.positive(scale, "scale");
    standardize = standardize == null ? DEFAULT_STANDARDIZE : standardize;
    oneHot = oneHot == null ? DEFAULT_ONE_HOT : oneHot;
  }

  /**
   * The divisor equivalent to {@link #scale}: exactly 255 for a scale of 1/255, so dividing by
   * it rounds pixels as NumPy's {@code x / 255} does, bit for bit (multiplying does not).
   */
  public double divisor() {
    return 1.0 / scale;
  }
}
