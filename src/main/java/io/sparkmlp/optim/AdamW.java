package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;

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
 * <p>Build: {@code new AdamW(new AdamW.Settings(new ConstantSchedule(1e-3), null, 0.01, null,
 * null, null))}, or {@code new AdamW(1e-3)} for a learning rate and Keras's other defaults.
 */
public final class AdamW extends Adam {
  private static final long serialVersionUID = 1L;

  /** Keras's string name. */
  public static final String NAME = "adamw";

  /**
   * AdamW's hyperparameters: {@link Adam.Settings}, whose defaults and checks they take, and a
   * weight decay; {@code compile.optimizer} binds here (Jackson, snake_case keys). Null
   * components take Keras's defaults.
   *
   * @param learningRate a constant or a schedule, finite and &gt; 0 when constant
   * @param clipnorm the global L2 norm each mean gradient is clipped to, finite and &gt; 0;
   *     null (or {@code +Infinity}) never clips
   * @param weightDecay decoupled weight decay coefficient, finite and &gt;= 0 (0 makes this
   *     Adam)
   * @param beta1 as {@link Adam.Settings#beta1()}
   * @param beta2 as {@link Adam.Settings#beta2()}
   * @param epsilon as {@link Adam.Settings#epsilon()}
   */
  public record Settings(LearningRateSchedule learningRate, Double clipnorm, Double weightDecay,
                         @JsonProperty("beta_1") Double beta1,
                         @JsonProperty("beta_2") Double beta2, Double epsilon)
      implements Common {
    /** Keras 3's default. */
    public static final double DEFAULT_WEIGHT_DECAY = 0.004;

    public Settings {
      Adam.Settings adam = new Adam.Settings(learningRate, clipnorm, beta1, beta2, epsilon);
      learningRate = adam.learningRate();
      clipnorm = adam.clipnorm();
      weightDecay = Checks.nonNegative(weightDecay == null ? DEFAULT_WEIGHT_DECAY : weightDecay,
          "weight_decay");
      beta1 = adam.beta1();
      beta2 = adam.beta2();
      epsilon = adam.epsilon();
    }

    /** The Adam settings within these. */
    public Adam.Settings adam() {
      return new Adam.Settings(learningRate, clipnorm, beta1, beta2, epsilon);
    }
  }

  private final double weightDecay;

  /** An Adam with {@link Settings#adam()} whose steps first decay the weights. */
  public AdamW(Settings settings) {
    super(NAME, settings.adam(), settings);
    this.weightDecay = settings.weightDecay();
  }

  /** AdamW at this constant learning rate, with Keras's other defaults. */
  public AdamW(double learningRate) {
    this(new Settings(ConstantSchedule.unchecked(learningRate), null, null, null, null, null));
  }

  /** The decoupled weight decay coefficient ({@link #settings()} holds the rest). */
  public double weightDecay() {
    return weightDecay;
  }

  /** w ← w − lr · weight_decay · w before Adam's update. */
  @Override
  double decay(double lr) {
    return lr * weightDecay;
  }
}
