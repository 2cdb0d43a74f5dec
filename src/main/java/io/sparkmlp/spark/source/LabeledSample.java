package io.sparkmlp.spark.source;

import java.io.Serializable;

/**
 * One training example for {@link RddSource}: features (d values) and label (k values: one
 * class index or regression target when k = 1, one-hot or several targets otherwise). The
 * arrays are shared, not copied.
 */
public final class LabeledSample implements Serializable {
  private static final long serialVersionUID = 1L;

  private final float[] features;
  private final float[] label;

  public LabeledSample(float[] features, float[] label) {
    this.features = features;
    this.label = label;
  }

  /** An example with a single label value: a class index or a scalar target. */
  public static LabeledSample of(float[] features, float label) {
    return new LabeledSample(features, new float[] {label});
  }

  public float[] features() {
    return features;
  }

  public float[] label() {
    return label;
  }
}
