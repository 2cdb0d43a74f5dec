package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code ExponentialDecay}:
 *
 * <pre>
 *   p     = i / decay_steps                (real division)
 *   p     = floor(p)                       (only when staircase)
 *   at(i) = initial_learning_rate · decay_rate ^ p
 * </pre>
 */
public final class ExponentialDecay implements LearningRateSchedule {
  private static final long serialVersionUID = 1L;

  /** The name {@link LearningRateSchedule#fromConfig} knows it by (Keras's class name). */
  public static final String CLASS_NAME = "ExponentialDecay";
  /** Keras's default: a smooth decay. */
  public static final boolean DEFAULT_STAIRCASE = false;

  private final double initialLearningRate;
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;

  /** A smooth ({@link #DEFAULT_STAIRCASE}) decay. */
  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate) {
    this(initialLearningRate, decaySteps, decayRate, DEFAULT_STAIRCASE);
  }

  /**
   * @param initialLearningRate at(0), finite and &gt; 0
   * @param decaySteps updates over which the rate is multiplied by {@code decayRate}, &gt;= 1
   * @param decayRate finite and &gt; 0
   * @param staircase decay in whole steps of {@code decaySteps} updates
   */
  public ExponentialDecay(double initialLearningRate, long decaySteps, double decayRate,
      boolean staircase) {
    this.initialLearningRate =
        Checks.positive(initialLearningRate, CLASS_NAME + " initial_learning_rate");
    Checks.argument(decaySteps >= 1, "%s decay_steps must be >= 1, got %s", CLASS_NAME,
        decaySteps);
    this.decaySteps = decaySteps;
    this.decayRate = Checks.positive(decayRate, CLASS_NAME + " decay_rate");
    this.staircase = staircase;
  }

  @Override
  public double at(long iteration) {
    // Integer division is floor() for the non-negative iterations this is called with.
    double p = staircase ? iteration / decaySteps : (double) iteration / decaySteps;
    return initialLearningRate * Math.pow(decayRate, p);
  }

  @Override
  public String className() {
    return CLASS_NAME;
  }

  @Override
  public Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("initial_learning_rate", initialLearningRate);
    c.put("decay_steps", decaySteps);
    c.put("decay_rate", decayRate);
    c.put("staircase", staircase);
    return c;
  }

  /** The keys of its config. */
  record Config(@JsonProperty(required = true) Double initialLearningRate,
                @JsonProperty(required = true) Double decaySteps,
                @JsonProperty(required = true) Double decayRate, Boolean staircase) {}

  static ExponentialDecay read(Map<String, ?> config) {
    Config c = Configs.bind(CLASS_NAME, config, Config.class);
    return new ExponentialDecay(c.initialLearningRate(),
        Configs.whole(CLASS_NAME, "decay_steps", c.decaySteps()), c.decayRate(),
        c.staircase() != null ? c.staircase() : DEFAULT_STAIRCASE);
  }

  @Override
  public String toString() {
    return CLASS_NAME + config();
  }
}
