package io.sparkmlp.optim;

import io.sparkmlp.util.Checks;
import java.util.Arrays;

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
 * <p>Build: {@code new Adagrad(new Adagrad.Settings(new ConstantSchedule(0.05), null, 0.1,
 * null))}, or {@code new Adagrad(0.05)} for a learning rate and Keras's other defaults.
 */
public final class Adagrad extends AbstractOptimizer<Adagrad.Settings> {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "adagrad";

  /**
   * Adagrad's hyperparameters; {@code compile.optimizer} binds here (Jackson, snake_case keys).
   * Null components take Keras's defaults.
   *
   * @param learningRate a constant or a schedule, finite and &gt; 0 when constant
   * @param clipnorm the global L2 norm each mean gradient is clipped to, finite and &gt; 0;
   *     null (or {@code +Infinity}) never clips
   * @param initialAccumulatorValue starting value of every accumulator, finite and &gt;= 0
   * @param epsilon ε added under the square root, finite and &gt; 0
   */
  public record Settings(LearningRateSchedule learningRate, Double clipnorm,
                         Double initialAccumulatorValue, Double epsilon) implements Common {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0.1;
    public static final double DEFAULT_EPSILON = 1e-7;

    public Settings {
      learningRate = learningRateOr(learningRate, DEFAULT_LEARNING_RATE);
      clipnorm = clipnormOrNone(clipnorm);
      initialAccumulatorValue = Checks.nonNegative(initialAccumulatorValue == null
          ? DEFAULT_INITIAL_ACCUMULATOR_VALUE : initialAccumulatorValue,
          "initial_accumulator_value");
      epsilon = Checks.positive(epsilon == null ? DEFAULT_EPSILON : epsilon, "epsilon");
    }
  }

  public Adagrad(Settings settings) {
    super(NAME, settings);
  }

  /** Adagrad at this constant learning rate, with Keras's other defaults. */
  public Adagrad(double learningRate) {
    this(new Settings(ConstantSchedule.unchecked(learningRate), null, null, null));
  }

  @Override
  int numSlots() {
    return 1;
  }

  @Override
  public OptimizerState newState(int numParams) {
    OptimizerState state = super.newState(numParams);
    double initialAccumulatorValue = settings().initialAccumulatorValue();
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
    double epsilon = settings().epsilon();
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
}
