package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.Map;

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
 * <p>Build: {@code RmsProp.builder().learningRate(1e-3).rho(0.95).centered(true).build()}.
 * Config keys: learning_rate, rho, momentum, epsilon, centered, clipnorm.
 */
public final class RmsProp extends AbstractOptimizer {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "rmsprop";
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  public static final double DEFAULT_RHO = 0.9;
  public static final double DEFAULT_MOMENTUM = 0.0;
  public static final double DEFAULT_EPSILON = 1e-7;
  public static final boolean DEFAULT_CENTERED = false;

  private final double rho;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;

  private RmsProp(Builder b) {
    super(NAME, b);
    this.rho = Checks.fraction(b.rho, NAME + " rho");
    this.momentum = Checks.fraction(b.momentum, NAME + " momentum");
    this.epsilon = Checks.positive(b.epsilon, NAME + " epsilon");
    this.centered = b.centered;
  }

  /** A builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  public double rho() {
    return rho;
  }

  public double momentum() {
    return momentum;
  }

  public double epsilon() {
    return epsilon;
  }

  public boolean centered() {
    return centered;
  }

  @Override
  int numSlots() {
    return 1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0);
  }

  @Override
  public boolean usesSquaredGradient() {
    return true;
  }

  @Override
  void update(float[] w, float[] g, float[] sq, float floor, OptimizerState state, long t,
      double lr) {
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

  @Override
  void addConfig(Map<String, Object> config) {
    config.put("rho", rho);
    config.put("momentum", momentum);
    config.put("epsilon", epsilon);
    config.put("centered", centered);
  }

  /** The keys of RMSprop's config; absent ones take Keras's defaults. */
  record Config(Object learningRate, Double clipnorm, Double rho, Double momentum,
                Double epsilon, Boolean centered) {}

  static RmsProp read(Map<String, ?> config) {
    Config c = Configs.bind(NAME, config, Config.class);
    Builder b = builder().common(NAME, c.learningRate(), c.clipnorm());
    return b.rho(or(c.rho(), b.rho)).momentum(or(c.momentum(), b.momentum))
        .epsilon(or(c.epsilon(), b.epsilon)).centered(or(c.centered(), b.centered)).build();
  }

  /** Settings for {@link RmsProp}; starts at Keras's defaults. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double rho = DEFAULT_RHO;
    private double momentum = DEFAULT_MOMENTUM;
    private double epsilon = DEFAULT_EPSILON;
    private boolean centered = DEFAULT_CENTERED;

    private Builder() {
      super(DEFAULT_LEARNING_RATE);
    }

    @Override
    Builder self() {
      return this;
    }

    /** Discount of the running mean of g², in [0, 1). */
    public Builder rho(double rho) {
      this.rho = rho;
      return this;
    }

    /** Momentum μ on the increments, in [0, 1); 0 applies each increment directly. */
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** ε added under the square root, finite and &gt; 0. */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /** Whether to divide by the estimated variance of g instead of its second moment. */
    public Builder centered(boolean centered) {
      this.centered = centered;
      return this;
    }

    @Override
    public RmsProp build() {
      return new RmsProp(this);
    }
  }
}
