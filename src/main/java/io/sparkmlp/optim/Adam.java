package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2014) in Keras 3's form, with the bias corrections folded into the step
 * size and ε added outside the square root:
 *
 * <pre>
 *   alpha = lr · sqrt(1 − β₂ᵗ) / (1 − β₁ᵗ)
 *   m ← m + (g − m)·(1 − β₁)
 *   v ← v + (g² − v)·(1 − β₂)
 *   w ← w − alpha · m / (sqrt(v) + ε)
 * </pre>
 *
 * <p>State: m in slot 0, v in slot 1. AMSGrad is not offered.
 *
 * <p>Build: {@code Adam.builder().learningRate(3e-4).beta1(0.95).build()}.
 * Config keys: learning_rate, beta_1, beta_2, epsilon, clipnorm.
 */
public final class Adam extends AbstractOptimizer {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "adam";
  public static final double DEFAULT_LEARNING_RATE = 0.001;
  public static final double DEFAULT_BETA_1 = 0.9;
  public static final double DEFAULT_BETA_2 = 0.999;
  public static final double DEFAULT_EPSILON = 1e-7;

  private final double beta1;
  private final double beta2;
  private final double epsilon;

  private Adam(Builder b) {
    super(NAME, b);
    this.beta1 = Checks.fraction(b.beta1, NAME + " beta_1");
    this.beta2 = Checks.fraction(b.beta2, NAME + " beta_2");
    this.epsilon = Checks.positive(b.epsilon, NAME + " epsilon");
  }

  /** A builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
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
    apply(w, g, sq, floor, state.slot(0), state.slot(1), t, lr, beta1, beta2, epsilon, 0);
  }

  /**
   * The Adam update on every parameter, shared with {@link AdamW}: first
   * {@code w ← w − decay·w} (decoupled weight decay, 0 for Adam), then the update above, with
   * {@code sq[i]} in place of {@code g[i]²} where sq is given (v kept at least floor times what
   * g[i]² would give).
   */
  static void apply(float[] w, float[] g, float[] sq, float floor, float[] m, float[] v, long t, double lr,
      double beta1, double beta2, double epsilon, double decay) {
    // The scalar factors in double once per step; the loop stays in float.
    double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    float a = (float) alpha;
    float c1 = (float) (1 - beta1);
    float c2 = (float) (1 - beta2);
    float eps = (float) epsilon;
    float d = (float) decay;
    int n = w.length;
    if (sq == null) {
      // One pass over the four arrays; the same float operations as below, so the same bits.
      for (int i = 0; i < n; i++) {
        float gi = g[i];
        float vi = v[i] + (gi * gi - v[i]) * c2;
        v[i] = vi;
        float mi = m[i] + (gi - m[i]) * c1;
        m[i] = mi;
        float wi = w[i] - d * w[i];
        w[i] = wi - a * mi / ((float) Math.sqrt(vi) + eps);
      }
      return;
    }
    // v first, in a loop of its own: inside the loop below, Math.max stays scalar and branches
    // on which side is larger, at random per element (measured 1.3 ms against 0.14 ms for 235k
    // parameters without sq). The loop is a method of its own too: written out here it still
    // ran at a third of the speed (benchmarks/optimizer-step.sh, Intel Xeon: 815 µs for the
    // step against 239).
    secondMoments(v, sq, g, c2, floor);
    for (int i = 0; i < n; i++) {
      float mi = m[i] + (g[i] - m[i]) * c1;
      m[i] = mi;
      float wi = w[i] - d * w[i];
      w[i] = wi - a * mi / ((float) Math.sqrt(v[i]) + eps);
    }
  }

  /**
   * v ← max(v + (sq − v)·c2, floor·(v + (g² − v)·c2)), element by element, bounded by
   * v.length: so C2 turns it into vector code.
   */
  private static void secondMoments(float[] v, float[] sq, float[] g, float c2, float floor) {
    for (int i = 0; i < v.length; i++) {
      float vi = v[i];
      v[i] = Math.max(vi + (sq[i] - vi) * c2, floor * (vi + (g[i] * g[i] - vi) * c2));
    }
  }

  @Override
  void addConfig(Map<String, Object> config) {
    config.put("beta_1", beta1);
    config.put("beta_2", beta2);
    config.put("epsilon", epsilon);
  }

  /** The keys of Adam's config; absent ones take Keras's defaults. */
  record Config(Object learningRate, Double clipnorm, @JsonProperty("beta_1") Double beta1,
                @JsonProperty("beta_2") Double beta2, Double epsilon) {}

  static Adam read(Map<String, ?> config) {
    Config c = Configs.bind(NAME, config, Config.class);
    Builder b = builder().common(NAME, c.learningRate(), c.clipnorm());
    return b.beta1(or(c.beta1(), b.beta1)).beta2(or(c.beta2(), b.beta2))
        .epsilon(or(c.epsilon(), b.epsilon)).build();
  }

  /** Settings for {@link Adam}; starts at Keras's defaults. */
  public static final class Builder extends AbstractOptimizer.Builder<Builder> {
    private double beta1 = DEFAULT_BETA_1;
    private double beta2 = DEFAULT_BETA_2;
    private double epsilon = DEFAULT_EPSILON;

    private Builder() {
      super(DEFAULT_LEARNING_RATE);
    }

    @Override
    Builder self() {
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
    public Adam build() {
      return new Adam(this);
    }
  }
}
