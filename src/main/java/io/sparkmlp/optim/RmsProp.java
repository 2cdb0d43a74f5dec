package io.sparkmlp.optim;

import io.sparkmlp.util.Checks;

/**
 * RMSprop (Hinton, 2012) exactly as Keras 3's {@code RMSprop.update_step}, with ε inside the
 * square root:
 *
 * <pre>
 *   velocity ← ρ·velocity + (1 − ρ)·g²
 *   centered:      avg ← ρ·avg + (1 − ρ)·g
 *                  increment = lr·g / sqrt(velocity − avg² + ε)
 *   not centered:  increment = lr·g / sqrt(velocity + ε)
 *   momentum &gt; 0:  mom ← μ·mom + increment;  w ← w − mom
 *   momentum = 0:  w ← w − increment
 * </pre>
 *
 * <p>State: velocity in slot 0, then the momentum buffer (only when momentum &gt; 0), then the
 * average gradient (only when centered), as Keras creates only the variables it uses.
 *
 * <p>Build: {@code new RmsProp(new RmsProp.Settings(new ConstantSchedule(1e-3), null, 0.95,
 * null, null, true))}, or {@code new RmsProp(1e-3)} for a learning rate and Keras's other
 * defaults.
 */
public final class RmsProp extends AbstractOptimizer<RmsProp.Settings> {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "rmsprop";

  /**
   * RMSprop's hyperparameters; {@code compile.optimizer} binds here (Jackson, snake_case keys).
   * Null components take Keras's defaults.
   *
   * @param learningRate a constant or a schedule, finite and &gt; 0 when constant
   * @param clipnorm the global L2 norm each mean gradient is clipped to, finite and &gt; 0;
   *     null (or {@code +Infinity}) never clips
   * @param rho discount of the running mean of g², in [0, 1)
   * @param momentum μ on the increments, in [0, 1); 0 applies each increment directly
   * @param epsilon ε added under the square root, finite and &gt; 0
   * @param centered whether to divide by the estimated variance of g instead of its second
   *     moment
   */
  public record Settings(LearningRateSchedule learningRate, Double clipnorm, Double rho,
                         Double momentum, Double epsilon, Boolean centered) implements Common {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_MOMENTUM = 0.0;
    public static final double DEFAULT_EPSILON = 1e-7;
    public static final boolean DEFAULT_CENTERED = false;

    public Settings {
      learningRate = learningRateOr(learningRate, DEFAULT_LEARNING_RATE);
      clipnorm = clipnormOrNone(clipnorm);
      rho = Checks.fraction(rho == null ? DEFAULT_RHO : rho, "rho");
      momentum = Checks.fraction(momentum == null ? DEFAULT_MOMENTUM : momentum, "momentum");
      epsilon = Checks.positive(epsilon == null ? DEFAULT_EPSILON : epsilon, "epsilon");
      centered = centered == null ? DEFAULT_CENTERED : centered;
    }
  }

  public RmsProp(Settings settings) {
    super(NAME, settings);
  }

  /** RMSprop at this constant learning rate, with Keras's other defaults. */
  public RmsProp(double learningRate) {
    this(new Settings(ConstantSchedule.unchecked(learningRate), null, null, null, null, null));
  }

  @Override
  int numSlots() {
    return 1 + (settings().momentum() > 0 ? 1 : 0) + (settings().centered() ? 1 : 0);
  }

  @Override
  public boolean usesSquaredGradient() {
    return true;
  }

  @Override
  void update(float[] w, float[] g, float[] sq, float floor, OptimizerState state, long t,
      double lr) {
    double rho = settings().rho();
    double momentum = settings().momentum();
    double epsilon = settings().epsilon();
    boolean centered = settings().centered();
    float a = (float) lr;
    float r = (float) rho;
    float c = (float) (1 - rho);
    float eps = (float) epsilon;
    float[] vel = state.slot(0);
    int n = w.length;
    // The second moment first, in a loop of its own: with Math.max inside the update's loop C2
    // leaves it scalar and branching (see Adam.apply).
    if (sq != null) {
      for (int i = 0; i < n; i++) {
        float vi = vel[i];
        vel[i] = Math.max(r * vi + c * sq[i], floor * (r * vi + c * (g[i] * g[i])));
      }
    } else {
      for (int i = 0; i < n; i++) {
        float gi = g[i];
        vel[i] = r * vel[i] + c * (gi * gi);
      }
    }
    if (momentum == 0 && !centered) {
      // Keras's defaults get a loop of their own, free of branches but the loop-invariant one.
      for (int i = 0; i < n; i++) {
        w[i] -= a * g[i] / (float) Math.sqrt(vel[i] + eps);
      }
      return;
    }
    float mu = (float) momentum;
    float[] mom = momentum > 0 ? state.slot(1) : null;
    float[] avg = centered ? state.slot(numSlots() - 1) : null;
    for (int i = 0; i < n; i++) {
      float gi = g[i];
      float vi = vel[i];
      float denominator;
      if (centered) {
        float ai = r * avg[i] + c * gi;
        avg[i] = ai;
        denominator = vi - ai * ai + eps;
      } else {
        denominator = vi + eps;
      }
      float increment = a * gi / (float) Math.sqrt(denominator);
      if (mom != null) {
        float mi = mu * mom[i] + increment;
        mom[i] = mi;
        w[i] -= mi;
      } else {
        w[i] -= increment;
      }
    }
  }
}
