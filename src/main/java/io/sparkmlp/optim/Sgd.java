package io.sparkmlp.optim;

import io.sparkmlp.util.Checks;

/**
 * Stochastic gradient descent with optional momentum, as Keras's {@code SGD}:
 *
 * <pre>
 *   momentum = 0:  w ← w − lr·g
 *   momentum &gt; 0:  v ← μ·v − lr·g
 *                  w ← w + v                 (plain)
 *                  w ← w + μ·v − lr·g        (nesterov, using the new v)
 * </pre>
 *
 * <p>State: the velocity v in slot 0, only when momentum &gt; 0 (as Keras, which creates no
 * momentum variables otherwise). {@code nesterov} has no effect without momentum.
 *
 * <p>Build: {@code new Sgd(new Sgd.Settings(new ConstantSchedule(0.1), null, 0.9, true))}, or
 * {@code new Sgd(0.1)} for a learning rate and Keras's other defaults.
 */
public final class Sgd extends AbstractOptimizer<Sgd.Settings> {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "sgd";

  /**
   * SGD's hyperparameters; {@code compile.optimizer} binds here (Jackson, snake_case keys).
   * Null components take Keras's defaults.
   *
   * @param learningRate a constant or a schedule, finite and &gt; 0 when constant
   * @param clipnorm the global L2 norm each mean gradient is clipped to, finite and &gt; 0;
   *     null (or {@code +Infinity}) never clips
   * @param momentum μ in [0, 1); 0 is plain gradient descent
   * @param nesterov whether to use Nesterov momentum
   */
  public record Settings(LearningRateSchedule learningRate, Double clipnorm, Double momentum,
                         Boolean nesterov) implements Common {
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_MOMENTUM = 0.0;
    public static final boolean DEFAULT_NESTEROV = false;

    public Settings {
      learningRate = learningRateOr(learningRate, DEFAULT_LEARNING_RATE);
      clipnorm = clipnormOrNone(clipnorm);
      momentum = Checks.fraction(momentum == null ? DEFAULT_MOMENTUM : momentum, "momentum");
      nesterov = nesterov == null ? DEFAULT_NESTEROV : nesterov;
    }
  }

  public Sgd(Settings settings) {
    super(NAME, settings);
  }

  /** SGD at this constant learning rate, with Keras's other defaults. */
  public Sgd(double learningRate) {
    this(new Settings(ConstantSchedule.unchecked(learningRate), null, null, null));
  }

  @Override
  int numSlots() {
    return settings().momentum() > 0 ? 1 : 0;
  }

  @Override
  void update(float[] w, float[] g, float[] sq, float floor, OptimizerState state, long t,
      double lr) {
    double momentum = settings().momentum();
    float a = (float) lr;
    int n = w.length;
    if (momentum == 0) {
      for (int i = 0; i < n; i++) {
        w[i] -= a * g[i];
      }
      return;
    }
    float mu = (float) momentum;
    float[] v = state.slot(0);
    if (settings().nesterov()) {
      for (int i = 0; i < n; i++) {
        float vi = mu * v[i] - a * g[i];
        v[i] = vi;
        w[i] += mu * vi - a * g[i];
      }
    } else {
      for (int i = 0; i < n; i++) {
        float vi = mu * v[i] - a * g[i];
        v[i] = vi;
        w[i] += vi;
      }
    }
  }
}
