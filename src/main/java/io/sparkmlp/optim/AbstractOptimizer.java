package io.sparkmlp.optim;

import io.sparkmlp.util.Checks;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every optimizer here shares: its settings record {@code S} (whose compact constructor
 * defaults and checks every hyperparameter), the learning rate (a constant or a
 * {@link LearningRateSchedule}), optional clipping by global norm, the order of work in one
 * step, the checks on its arguments and the config written from the record. Subclasses write
 * only the per-parameter update.
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
 * <p>{@link #config()} writes the record's components under their config keys:
 * {@code learning_rate} first (a number, or for a schedule {@code {"class_name": ...,
 * "config": {...}}} as Keras nests it), then the optimizer's own keys in the record's order,
 * then {@code clipnorm}, present only when set.
 *
 * @param <S> the optimizer's settings record
 */
abstract class AbstractOptimizer<S extends Record & AbstractOptimizer.Common>
    implements Optimizer {
  private static final long serialVersionUID = 1L;

  /** The clipnorm meaning "do not clip": no finite norm exceeds it. */
  static final double NO_CLIPNORM = Double.POSITIVE_INFINITY;

  private final String name;
  private final S settings;
  private final Record written;

  /** An optimizer whose config is its settings record. */
  AbstractOptimizer(String name, S settings) {
    this(name, settings, settings);
  }

  /**
   * @param written the record {@link #config()} writes: settings, or a record that holds them
   *     and more ({@link AdamW.Settings}), with the same learning rate and clipnorm
   */
  AbstractOptimizer(String name, S settings, Record written) {
    this.name = name;
    this.settings = settings;
    this.written = written;
  }

  /**
   * The components every settings record starts with, {@code learningRate} and
   * {@code clipnorm}, in that order (the order of the keys an error lists).
   */
  interface Common extends Serializable {
    /** The learning rate: a {@link ConstantSchedule} for a plain number. */
    LearningRateSchedule learningRate();

    /** The global-norm threshold, or {@code +Infinity} when gradients are not clipped. */
    Double clipnorm();
  }

  /**
   * A settings record's learning rate: {@code fallback} when null; a constant one must be
   * finite and &gt; 0 (the error names the key; {@link Configs#bind} adds the optimizer).
   */
  static LearningRateSchedule learningRateOr(LearningRateSchedule learningRate,
      double fallback) {
    if (learningRate == null) {
      return new ConstantSchedule(fallback);
    }
    if (learningRate instanceof ConstantSchedule c) {
      Checks.positive(c.learningRate(), "learning_rate");
    }
    return learningRate;
  }

  /**
   * A settings record's clipnorm: {@code +Infinity} (never clips) when null, else finite and
   * &gt; 0. See {@link GradientClipping}.
   */
  static double clipnormOrNone(Double clipnorm) {
    double c = clipnorm == null ? NO_CLIPNORM : clipnorm;
    Checks.argument(c == NO_CLIPNORM || (Double.isFinite(c) && c > 0),
        "clipnorm must be a finite number > 0, got %s", c);
    return c;
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

  @Override
  public final String name() {
    return name;
  }

  /** The hyperparameters, defaults filled in. */
  public final S settings() {
    return settings;
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
    double lr = settings.learningRate().at(t - 1);
    double clipnorm = settings.clipnorm();
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
    return settings.learningRate().at(step - 1);
  }

  @Override
  public final Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    LearningRateSchedule schedule = settings.learningRate();
    if (schedule instanceof ConstantSchedule constant) {
      c.put("learning_rate", constant.learningRate());
    } else {
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("class_name", schedule.className());
      nested.put("config", schedule.config());
      c.put("learning_rate", nested);
    }
    RecordComponent[] components = written.getClass().getRecordComponents();
    List<String> keys = Configs.keys(written.getClass());
    for (int i = 0; i < components.length; i++) {
      if (!keys.get(i).equals("learning_rate") && !keys.get(i).equals("clipnorm")) {
        c.put(keys.get(i), value(components[i]));
      }
    }
    if (settings.clipnorm() != NO_CLIPNORM) {
      c.put("clipnorm", settings.clipnorm());
    }
    return Collections.unmodifiableMap(c);
  }

  private Object value(RecordComponent component) {
    try {
      return component.getAccessor().invoke(written);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
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
}
