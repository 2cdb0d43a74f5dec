package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as Keras 3's {@code AdamW}:
 * each step first shrinks the weights, then applies the {@link Adam} update.
 *
 * <pre>
 *   w ← w − lr · weight_decay · w
 *   alpha = lr · sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   m ← m + (g − m)·(1 − β₁)
 *   v ← v + (g² − v)·(1 − β₂)
 *   w ← w − alpha · m / (sqrt(v) + ε)
 * </pre>
 *
 * <p>The decay touches every parameter in the flat array, biases included, as Keras does unless
 * told to exclude variables. The decay follows the learning rate's schedule. Defaults other than
 * weight_decay are Adam's. State: m in slot 0, v in slot 1.
 *
 * <p>Build: {@code AdamW.builder().learningRate(1e-3).weightDecay(0.01).build()}.
 * Config keys: learning_rate, weight_decay, beta_1, beta_2, epsilon, clipnorm.
 */
public final class AdamW extends AbstractOptimizer {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "adamw";
  /** Keras 3's default. */
  public static final double DEFAULT_WEIGHT_DECAY = 0.004;

  private final double weightDecay;
  private final double beta1;
  private final double beta2;
  private final double epsilon;

  private AdamW(Builder b) {
    super(NAME, b);
    this.weightDecay = Checks.nonNegative(b.weightDecay, NAME + " weight_decay");
    this.beta1 = Checks.fraction(b.beta1, NAME + " beta_1");
    this.beta2 = Checks.fraction(b.beta2, NAME + " beta_2");
    this.epsilon = Checks.positive(b.epsilon, NAME + " epsilon");
  }

  /** A builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  public double weightDecay() {
    return weightDecay;
  }

  public double beta1() {
    return beta1;
  }

  public double beta2() {
    return beta2;
  }

  public double epsilon() {
    return epsilon;
  }

  @Override
  int numSlots() {
    return 2;
  }

  @Override
  public boolean usesSquaredGradient() {
    return true;
  }

  @Override
  void update(float[] w, float[] g, float[] sq, float floor, OptimizerState state, long t,
      double lr) {
    Adam.apply(w, g, sq, floor, state.slot(0), state.slot(1), t, lr, beta1, beta2, epsilon,
        lr * weightDecay);
  }

  @Override
  void addConfig(Map<String, Object> config) {
    config.put("weight_decay", weightDecay);
    config.put("beta_1", beta1);
    config.put("beta_2", beta2);
    config.put("epsilon", epsilon);
  }

  /** The keys of AdamW's config; absent ones take Keras's defaults. */
  record Config(Object learningRate, Double clipnorm, Double weightDecay,
                @JsonProperty("beta_1") Double beta1, @JsonProperty("beta_2") Double beta2,
                Double epsilon) {}

  static AdamW read(Map<String, ?> config) {
    Config c = Configs.bind(NAME, config, Config.class);
    Builder b = builder().common(NAME, c.learningRate(), c.clipnorm());
    return b.weightDecay(or(c.weightDecay(), b.weightDecay)).beta1(or(c.beta1(), b.beta1))
        .beta2(or(c.beta2(), b.beta2)).epsilon(or(c.epsilon(), b.epsilon)).build();
  }

  /** Settings for {@link AdamW}; starts at Keras's defaults. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double weightDecay = DEFAULT_WEIGHT_DECAY;
    private double beta1 = Adam.DEFAULT_BETA_1;
    private double beta2 = Adam.DEFAULT_BETA_2;
    private double epsilon = Adam.DEFAULT_EPSILON;

    private Builder() {
      super(Adam.DEFAULT_LEARNING_RATE);
    }

    @Override
    Builder self() {
      return this;
    }

    /** Decoupled weight decay coefficient, finite and &gt;= 0 (0 makes this Adam). */
    public Builder weightDecay(double weightDecay) {
      this.weightDecay = weightDecay;
      return this;
    }

    /** Decay rate of the first moment, in [0, 1). */
    public Builder beta1(double beta1) {
      this.beta1 = beta1;
      return this;
    }

    /** Decay rate of the second moment, in [0, 1). */
    public Builder beta2(double beta2) {
      this.beta2 = beta2;
      return this;
    }

    /** ε added to sqrt(v), finite and &gt; 0. */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    @Override
    public AdamW build() {
      return new AdamW(this);
    }
  }
}
