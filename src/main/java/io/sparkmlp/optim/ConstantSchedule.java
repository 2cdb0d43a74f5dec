package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The same learning rate at every step: {@code at(i) = learning_rate}.
 *
 * <p>This is what an optimizer built with a plain number uses. An optimizer's config writes it
 * as that number, as Keras does, so it appears under its class name only when serialised alone.
 */
public final class ConstantSchedule implements LearningRateSchedule {
  private static final long serialVersionUID = 1L;

  /** The name {@link LearningRateSchedule#fromConfig} knows it by. */
  public static final String CLASS_NAME = "ConstantSchedule";

  private final double learningRate;

  /** @param learningRate finite and &gt; 0 */
  public ConstantSchedule(double learningRate) {
    this(learningRate, true);
  }

  private ConstantSchedule(double learningRate, boolean check) {
    this.learningRate =
        check ? Checks.positive(learningRate, CLASS_NAME + " learning_rate") : learningRate;
  }

  /**
   * A constant rate as an optimizer's config gives it (a plain number): checked by the settings
   * record that takes it ({@link AbstractOptimizer#learningRateOr}), whose error names the
   * optimizer.
   */
  static ConstantSchedule unchecked(double learningRate) {
    return new ConstantSchedule(learningRate, false);
  }

  /** The constant learning rate. */
  public double learningRate() {
    return learningRate;
  }

  @Override
  public double at(long iteration) {
    return learningRate;
  }

  @Override
  public String className() {
    return CLASS_NAME;
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("learning_rate", learningRate);
    return c;
  }

  /** The keys of its config. */
  record Config(@JsonProperty(required = true) Double learningRate) {}

  static ConstantSchedule read(Map<String, ?> config) {
    return new ConstantSchedule(Configs.bind(CLASS_NAME, config, Config.class).learningRate());
  }

  @Override
  public String toString() {
    return CLASS_NAME + config();
  }
}
