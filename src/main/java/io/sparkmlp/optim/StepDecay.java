package io.sparkmlp.optim;

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

  static StepDecay read(ConfigReader r) {
    return new StepDecay(r.requiredNumber("initial_learning_rate"),
        r.requiredInteger("step_size"), r.requiredNumber("factor"));
  }

  @Override
  public String toString() {
    return CLASS_NAME + config();
  }
}
