package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;

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
 * <p>Build: {@code new Adam(new Adam.Settings(new ConstantSchedule(3e-4), null, 0.95, null,
 * null))}, or {@code new Adam(3e-4)} for a learning rate and Keras's other defaults.
 */
public sealed class Adam extends AbstractOptimizer<Adam.Settings> permits AdamW {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "adam";

  /**
   * Adam's hyperparameters; {@code compile.optimizer} binds here (Jackson, snake_case keys).
   * Null components take Keras's defaults. {@link AdamW.Settings} holds these and a weight
   * decay, and takes their defaults and checks from here.
   *
   * @param learningRate a constant or a schedule, finite and &gt; 0 when constant
   * @param clipnorm the global L2 norm each mean gradient is clipped to, finite and &gt; 0;
   *     null (or {@code +Infinity}) never clips
   * @param beta1 decay rate of the first moment, in [0, 1)
   * @param beta2 decay rate of the second moment, in [0, 1)
   * @param epsilon ε added to sqrt(v), finite and &gt; 0
   */
  public record Settings(LearningRateSchedule learningRate, Double clipnorm,
                         @JsonProperty("beta_1") Double beta1,
                         @JsonProperty("beta_2") Double beta2, Double epsilon)
      implements Common {
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_BETA_1 = 0.9;
    public static final double DEFAULT_BETA_2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-7;

    public Settings {
      learningRate = learningRateOr(learningRate, DEFAULT_LEARNING_RATE);
      clipnorm = clipnormOrNone(clipnorm);
      beta1 = Checks.fraction(beta1 == null ? DEFAULT_BETA_1 : beta1, "beta_1");
      beta2 = Checks.fraction(beta2 == null ? DEFAULT_BETA_2 : beta2, "beta_2");
      epsilon = Checks.positive(epsilon == null ? DEFAULT_EPSILON : epsilon, "epsilon");
    }
  }

  public Adam(Settings settings) {
    super(NAME, settings);
  }

  /** An Adam of another name whose config writes {@code written} ({@link AdamW}). */
  Adam(String name, Settings settings, Record written) {
    super(name, settings, written);
  }

  /** Adam at this constant learning rate, with Keras's other defaults. */
  public Adam(double learningRate) {
    this(new Settings(ConstantSchedule.unchecked(learningRate), null, null, null, null));
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
    Settings s = settings();
    apply(w, g, sq, floor, state.slot(0), state.slot(1), t, lr, s.beta1(), s.beta2(),
        s.epsilon(), decay(lr));
  }

  /** The decoupled weight decay of a step at learning rate lr: none ({@link AdamW} has one). */
  double decay(double lr) {
    return 0;
  }

  /**
   * The Adam update on every parameter: first {@code w ← w − decay·w} (decoupled weight
   * decay, 0 for Adam, {@link AdamW}'s otherwise), then the update above, with
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
}
