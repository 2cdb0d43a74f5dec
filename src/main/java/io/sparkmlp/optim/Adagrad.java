package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.Arrays;
import java.util.Map;

/**
 * Adagrad (Duchi et al., 2011) as Keras 3's {@code Adagrad}, with ε inside the square root:
 *
 * <pre>
 *   acc ← acc + g²                         (acc starts at initial_accumulator_value)
 *   w   ← w − lr·g / sqrt(acc + ε)
 * </pre>
 *
 * <p>State: the accumulator in slot 0, filled with initial_accumulator_value by
 * {@link #newState}.
 *
 * <p>Build: {@code Adagrad.builder().learningRate(0.05).initialAccumulatorValue(0.1).build()}.
 * Config keys: learning_rate, initial_accumulator_value, epsilon, clipnorm.
 */
public final class Adagrad extends AbstractOptimizer {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "adagrad";
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
  public static final double DEFAULT_EPSILON = 1e-7;

  private final double initialAccumulatorValue;
  private final double epsilon;

  private Adagrad(Builder b) {
    super(NAME, b);
    this.initialAccumulatorValue =
        Checks.nonNegative(b.initialAccumulatorValue, NAME + " initial_accumulator_value");
    this.epsilon = Checks.positive(b.epsilon, NAME + " epsilon");
  }

  /** A builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  public double initialAccumulatorValue() {
    return initialAccumulatorValue;
  }

  public double epsilon() {
    return epsilon;
  }

  @Override
  int numSlots() {
    return 1;
  }

  @Override
  public OptimizerState newState(int numParams) {
    OptimizerState state = super.newState(numParams);
    Arrays.fill(state.slot(0), (float) initialAccumulatorValue);
    return state;
  }

  @Override
  public boolean usesSquaredGradient() {
    return true;
  }

  @Override
  void update(float[] w, float[] g, float[] sq, float floor, OptimizerState state, long t,
      double lr) {
    float a = (float) lr;
    float eps = (float) epsilon;
    float[] acc = state.slot(0);
    int n = w.length;
    // The accumulator first, in a loop of its own: with Math.max inside the update's loop C2
    // leaves it scalar and branching (see Adam.apply).
    if (sq != null) {
      for (int i = 0; i < n; i++) {
        float ai = acc[i];
        acc[i] = Math.max(ai + sq[i], floor * (ai + g[i] * g[i]));
      }
    } else {
      for (int i = 0; i < n; i++) {
        float gi = g[i];
        acc[i] = acc[i] + gi * gi;
      }
    }
    for (int i = 0; i < n; i++) {
      w[i] -= a * g[i] / (float) Math.sqrt(acc[i] + eps);
    }
  }

  @Override
  void addConfig(Map<String, Object> config) {
    config.put("initial_accumulator_value", initialAccumulatorValue);
    config.put("epsilon", epsilon);
  }

  /** The keys of Adagrad's config; absent ones take Keras's defaults. */
  record Config(Object learningRate, Double clipnorm, Double initialAccumulatorValue,
                Double epsilon) {}

  static Adagrad read(Map<String, ?> config) {
    Config c = Configs.bind(NAME, config, Config.class);
    Builder b = builder().common(NAME, c.learningRate(), c.clipnorm());
    return b.initialAccumulatorValue(or(c.initialAccumulatorValue(), b.initialAccumulatorValue))
        .epsilon(or(c.epsilon(), b.epsilon)).build();
  }

  /** Settings for {@link Adagrad}; starts at Keras's defaults. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double initialAccumulatorValue = DEFAULT_INITIAL_ACCUMULATOR_VALUE;
    private double epsilon = DEFAULT_EPSILON;

    private Builder() {
      super(DEFAULT_LEARNING_RATE);
    }

    @Override
    Builder self() {
      return this;
    }

    /** Starting value of every accumulator, finite and &gt;= 0. */
    public Builder initialAccumulatorValue(double value) {
      this.initialAccumulatorValue = value;
      return this;
    }

    /** ε added under the square root, finite and &gt; 0. */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @Override
    public Adagrad build() {
      return new Adagrad(this);
    }
  }
}
