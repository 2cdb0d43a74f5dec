package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiplies the learning rate by {@code factor} every {@code step_size} updates:
 *
 * <pre>
 *   at(i) = initial_learning_rate · factor ^ floor(i / step_size)
 * </pre>
 *
 * <p>Keras has no class of this name; it equals Keras's {@code ExponentialDecay} with
 * {@code staircase=True}, {@code decay_steps = step_size} and {@code decay_rate = factor}. It
 * exists because "halve every 10 epochs" is how people usually say it (PyTorch's StepLR).
 */
public final class StepDecay implements LearningRateSchedule {
  private static final long serialVersionUID = 1L;

  /** The name {@link LearningRateSchedule#fromConfig} knows it by. */
  public static final String CLASS_NAME = "StepDecay";

  private final double initialLearningRate;
  private final long stepSize;
  private final double factor;

  /**
   * @param initialLearningRate the rate for the first {@code stepSize} updates, finite and &gt; 0
   * @param stepSize updates between two decays, &gt;= 1
   * @param factor multiplier applied at each decay, finite and &gt; 0 (below 1 to decay)
   */
  public StepDecay(double initialLearningRate, long stepSize, double factor) {
    this.initialLearningRate =
        Checks.positive(initialLearningRate, CLASS_NAME + " initial_learning_rate");
    Checks.argument(stepSize >= 1, "%s step_size must be >= 1, got %s", CLASS_NAME, stepSize);
    this.stepSize = stepSize;
    this.factor = Checks.positive(factor, CLASS_NAME + " factor");
  }

  @Override
  public double at(long iteration) {
    return initialLearningRate * Math.pow(factor, iteration / stepSize);
  }

  @Override
  public String className() {
    return CLASS_NAME;
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("step_size", stepSize);
    c.put("factor", factor);
    return c;
  }

  /** The keys of its config. */
  record Config(@JsonProperty(required = true) Double initialLearningRate,
                @JsonProperty(required = true) Double stepSize,
                @JsonProperty(required = true) Double factor) {}

  static StepDecay read(Map<String, ?> config) {
    Config c = Configs.bind(CLASS_NAME, config, Config.class);
    return new StepDecay(c.initialLearningRate(),
        Configs.whole(CLASS_NAME, "step_size", c.stepSize()), c.factor());
  }

  @Override
  public String toString() {
    return CLASS_NAME + config();
  }
}
