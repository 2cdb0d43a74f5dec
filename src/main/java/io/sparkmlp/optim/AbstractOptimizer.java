package io.sparkmlp.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sparkmlp.util.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every optimizer here shares: the learning rate (a constant or a
 * {@link LearningRateSchedule}), optional clipping by global norm, the order of work in one
 * step, the checks on its arguments and the common config keys. Subclasses write only the
 * per-parameter update.
 *
 * <p>One call of {@link #step} does, in Keras's order:
 *
 * <pre>
 *   t  = state.nextStep()                    (1 on the first step)
 *   lr = schedule.at(t − 1)                  (Keras: schedule(iterations) before the increment)
 *   g  = g · min(1, clipnorm / ||g||₂)       (only when clipnorm is set)
 *   update(params, g, state, t, lr)
 *   zero the subnormal values of a sixteenth of the state   ({@link Subnormals})
 * </pre>
 *
 * <p>Config keys common to all: {@code learning_rate} (a number, or for a schedule
 * {@code {"class_name": ..., "config": {...}}} as Keras nests it) and {@code clipnorm} (present
 * only when set).
 */
abstract class AbstractOptimizer implements Optimizer {
  private static final long serialVersionUID = 1L;

  /** The clipnorm meaning "do not clip": no finite norm exceeds it. */
  static final double NO_CLIPNORM = Double.POSITIVE_INFINITY;

  private final String name;
  private final LearningRateSchedule schedule;
  private final double clipnorm;

  AbstractOptimizer(String name, Builder<?> b) {
    this.name = name;
    if (b.schedule == null) {
      this.schedule =
          new ConstantSchedule(Checks.positive(b.learningRate, name + " learning_rate"));
    } else {
      this.schedule = b.schedule;
    }
    Checks.argument(b.clipnorm == NO_CLIPNORM || (Double.isFinite(b.clipnorm) && b.clipnorm > 0),
        "%s clipnorm must be a finite number > 0, got %s", name, b.clipnorm);
    this.clipnorm = b.clipnorm;
  }

  /** Number of state slots this optimizer keeps per parameter. */
  abstract int numSlots();

  /**
   * The optimizer's own update, after the step count, learning rate and clipping are done.
   *
   * @param squaredGrad what stands for grad[i]² in second moments, or null for grad[i]²
   * @param floor with squaredGrad: the least fraction of the second moment grad[i]² would give
   *     ({@link Optimizer#step(float[], float[], float[], float, OptimizerState)})
   * @param t the 1-based step (for bias correction)
   * @param lr the learning rate of this step
   */
  abstract void update(float[] params, float[] grad, float[] squaredGrad, float floor,
                       OptimizerState state, long t, double lr);

  /** Adds the optimizer's own keys to {@code config}, after learning_rate. */
  abstract void addConfig(Map<String, Object> config);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public OptimizerState newState(int numParams) {
    Checks.argument(numParams >= 0, "numParams must be >= 0, got %s", numParams);
    return new OptimizerState(numSlots(), numParams);
  }

  @Override
  public final void step(float[] params, float[] grad, OptimizerState state) {
    step(params, grad, null, 1, state);
  }

  @Override
  public final void step(float[] params, float[] grad, float[] squaredGrad, float floor,
                         OptimizerState state) {
    checkShapes(params, grad, state);
    long t = state.nextStep();
    double lr = schedule.at(t - 1);
    if (clipnorm != NO_CLIPNORM) {
      double norm = GradientClipping.clipByGlobalNorm(grad, clipnorm);
      if (squaredGrad != null && norm > clipnorm) {
        float scale = (float) (clipnorm / norm);
        for (int i = 0; i < squaredGrad.length; i++) {
          squaredGrad[i] *= scale * scale;
        }
      }
    }
    update(params, grad, squaredGrad, floor, state, t, lr);
    Subnormals.flushSlice(state, t);
  }

  @Override
  public final double learningRate(long step) {
    Checks.argument(step >= 1, "step is 1-based, got %s", step);
    return schedule.at(step - 1);
  }

  /** The schedule behind the learning rate (a {@link ConstantSchedule} for a plain number). */
  public final LearningRateSchedule schedule() {
    return schedule;
  }

  /** The global-norm threshold, or {@code +Infinity} when gradients are not clipped. */
  public final double clipnorm() {
    return clipnorm;
  }

  @Override
  public final Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    if (schedule instanceof ConstantSchedule) {
      c.put("learning_rate", ((ConstantSchedule) schedule).learningRate());
    } else {
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("class_name", schedule.className());
      nested.put("config", schedule.config());
      c.put("learning_rate", nested);
    }
    addConfig(c);
    if (clipnorm != NO_CLIPNORM) {
      c.put("clipnorm", clipnorm);
    }
    return Collections.unmodifiableMap(c);
  }

  @Override
  public String toString() {
    return name + config();
  }

  // Explicit ifs rather than Checks.argument: varargs would allocate on every step.
  private void checkShapes(float[] params, float[] grad, OptimizerState state) {
    if (grad.length != params.length) {
      throw new IllegalArgumentException("gradient has " + grad.length
          + " values, expected one per parameter: " + params.length);
    }
    if (state.numSlots() != numSlots()) {
      throw new IllegalArgumentException(name + " needs a state with " + numSlots()
          + " slots, got " + state.numSlots() + "; create it with newState");
    }
    for (int i = 0; i < numSlots(); i++) {
      if (state.slot(i).length != params.length) {
        throw new IllegalArgumentException("optimizer state slot " + i + " has "
            + state.slot(i).length + " values, expected one per parameter: " + params.length);
      }
    }
  }

  /** A learning rate schedule in a config: its class name and its own config. */
  record Schedule(@JsonProperty(required = true) String className,
                  @JsonProperty(required = true) Map<String, Object> config) {}

  /** value, or fallback when a config left it out. */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }

  /**
   * Settings every optimizer takes; {@code B} is the concrete builder so that calls chain.
   * Values are checked when the optimizer is built.
   */
  public abstract static class Builder<B extends Builder<B>> {
    private double learningRate;
    private LearningRateSchedule schedule;
    private double clipnorm = NO_CLIPNORM;

    Builder(double defaultLearningRate) {
      this.learningRate = defaultLearningRate;
    }

    abstract B self();

    /** A constant learning rate, finite and &gt; 0 (replaces a schedule set before). */
    public final B learningRate(double learningRate) {
      this.learningRate = learningRate;
      this.schedule = null;
      return self();
    }

    /** A learning rate that follows {@code schedule} (replaces a constant set before). */
    public final B learningRate(LearningRateSchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return self();
    }

    /**
     * Clips each mean gradient to this global L2 norm before the update, finite and &gt; 0
     * ({@code +Infinity}, the default, never clips). See {@link GradientClipping}.
     */
    public final B clipnorm(double clipnorm) {
      this.clipnorm = clipnorm;
      return self();
    }

    /**
     * Sets learning_rate (a number, a numeric string, or a schedule's {@code class_name} and
     * {@code config}) and clipnorm as a config gives them; null leaves the default.
     */
    final B common(String owner, Object learningRate, Double clipnorm) {
      if (learningRate instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Schedule s = Configs.bind("learning_rate schedule", (Map<String, ?>) learningRate,
            Schedule.class);
        learningRate(LearningRateSchedule.fromConfig(s.className(), s.config()));
      } else if (learningRate instanceof Number n) {
        learningRate(n.doubleValue());
      } else if (learningRate != null) {
        try {
          learningRate(Double.parseDouble(learningRate.toString().trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(String.format("%s learning_rate must be a number, "
              + "got %s", owner, learningRate instanceof String ? "'" + learningRate
              + "' (a string)" : learningRate), e);
        }
      }
      if (clipnorm != null) {
        clipnorm(clipnorm);
      }
      return self();
    }

    /** The optimizer, checking every setting. */
    public abstract Optimizer build();
  }
}
