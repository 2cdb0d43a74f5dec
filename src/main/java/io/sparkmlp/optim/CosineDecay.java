package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras's {@code CosineDecay} without warmup (Loshchilov and Hutter, SGDR):
 *
 * <pre>
 *   s      = min(i, decay_steps)
 *   cosine = ½ · (1 + cos(π · s / decay_steps))
 *   at(i)  = initial_learning_rate · ((1 − alpha) · cosine + alpha)
 * </pre>
 *
 * It falls from {@code initial_learning_rate} at i = 0 to {@code alpha · initial_learning_rate}
 * at i = decay_steps and stays there.
 */
public final class CosineDecay implements LearningRateSchedule {
  private static final long serialVersionUID = 1L;

  /** The name {@link LearningRateSchedule#fromConfig} knows it by (Keras's class name). */
  public static final String CLASS_NAME = "CosineDecay";
  /** Keras's default: decay all the way to zero. */
  public static final double DEFAULT_ALPHA = 0.0;

  private final double initialLearningRate;
  private final long decaySteps;
  private final double alpha;

  /** A decay to zero ({@link #DEFAULT_ALPHA}). */
  public CosineDecay(double initialLearningRate, long decaySteps) {
    this(initialLearningRate, decaySteps, DEFAULT_ALPHA);
  }

  /**
   * @param initialLearningRate at(0), finite and &gt; 0
   * @param decaySteps updates until the floor is reached, &gt;= 1
   * @param alpha the floor as a fraction of the initial rate, in [0, 1]
   */
  public CosineDecay(double initialLearningRate, long decaySteps, double alpha) {
    this.initialLearningRate =
        Checks.positive(initialLearningRate, CLASS_NAME + " initial_learning_rate");
    Checks.argument(decaySteps >= 1, "%s decay_steps must be >= 1, got %s", CLASS_NAME,
        decaySteps);
    this.decaySteps = decaySteps;
    Checks.argument(alpha >= 0 && alpha <= 1, "%s alpha must be in [0, 1], got %s", CLASS_NAME,
        alpha);
    this.alpha = alpha;
  }

  @Override
  public double at(long iteration) {
    double fraction = (double) Math.min(iteration, decaySteps) / decaySteps;
    double cosine = 0.5 * (1 + Math.cos(Math.PI * fraction));
    return initialLearningRate * ((1 - alpha) * cosine + alpha);
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
    c.put("alpha", alpha);
    return c;
  }

  /** The keys of its config. */
  record Config(@JsonProperty(required = true) Double initialLearningRate,
                @JsonProperty(required = true) Double decaySteps, Double alpha) {}

  static CosineDecay read(Map<String, ?> config) {
    Config c = Configs.bind(CLASS_NAME, config, Config.class);
    return new CosineDecay(c.initialLearningRate(),
        Configs.whole(CLASS_NAME, "decay_steps", c.decaySteps()),
        c.alpha() != null ? c.alpha() : DEFAULT_ALPHA);
  }

  @Override
  public String toString() {
    return CLASS_NAME + config();
  }
}
