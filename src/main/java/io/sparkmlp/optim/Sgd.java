package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.Map;

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
 * <p>Build: {@code Sgd.builder().learningRate(0.1).momentum(0.9).nesterov(true).build()}.
 * Config keys: learning_rate, momentum, nesterov, clipnorm.
 */
public final class Sgd extends AbstractOptimizer {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "sgd";
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  public static final double DEFAULT_MOMENTUM = 0.0;
  public static final boolean DEFAULT_NESTEROV = false;

  private final double momentum;
  private final boolean nesterov;

  private Sgd(Builder b) {
    super(NAME, b);
    this.momentum = Checks.fraction(b.momentum, NAME + " momentum");
    this.nesterov = b.nesterov;
  }

  /** A builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  public double momentum() {
    return momentum;
  }

  public boolean nesterov() {
    return nesterov;
  }

  @Override
  int numSlots() {
    return momentum > 0 ? 1 : 0;
  }

  @Override
  void update(float[] w, float[] g, float[] sq, float floor, OptimizerState state, long t,
      double lr) {
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
    if (nesterov) {
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

  @Override
  void addConfig(Map<String, Object> config) {
    config.put("momentum", momentum);
    config.put("nesterov", nesterov);
  }

  /** The keys of SGD's config; absent ones take Keras's defaults. */
  record Config(Object learningRate, Double clipnorm, Double momentum, Boolean nesterov) {}

  static Sgd read(Map<String, ?> config) {
    Config c = Configs.bind(NAME, config, Config.class);
    Builder b = builder().common(NAME, c.learningRate(), c.clipnorm());
    return b.momentum(or(c.momentum(), b.momentum)).nesterov(or(c.nesterov(), b.nesterov))
        .build();
  }

  /** Settings for {@link Sgd}; starts at Keras's defaults. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double momentum = DEFAULT_MOMENTUM;
    private boolean nesterov = DEFAULT_NESTEROV;

    private Builder() {
      super(DEFAULT_LEARNING_RATE);
    }

    @Override
    Builder self() {
      return this;
    }

    /** Momentum μ in [0, 1); 0 is plain gradient descent. */
    public Builder momentum(double momentum) {
      this.momentum = momentum;
      return this;
    }

    /** Whether to use Nesterov momentum. */
    public Builder nesterov(boolean nesterov) {
      this.nesterov = nesterov;
      return this;
    }

    @Override
    public Sgd build() {
      return new Sgd(this);
    }
  }
}
