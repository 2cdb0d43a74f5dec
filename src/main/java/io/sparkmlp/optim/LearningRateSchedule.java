package io.sparkmlp.optim;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learning rate that changes with the number of updates already made, as Keras's
 * {@code keras.optimizers.schedules.LearningRateSchedule}.
 *
 * <p><b>Indexing is 0-based, as in Keras:</b> {@code at(i)} is the learning rate of the update
 * that follows {@code i} completed updates. Keras evaluates {@code schedule(optimizer.iterations)}
 * before it increments {@code iterations}, so the first update uses {@code at(0)}, which for
 * every decay here is the initial learning rate. {@link Optimizer#learningRate(long)} takes the
 * 1-based step instead and returns {@code at(step - 1)}.
 *
 * <p>Implementations are immutable. {@link #config()} with {@link #className()} is enough for
 * {@link #fromConfig} to rebuild an equal schedule. In an optimizer's settings record, the
 * {@code learning_rate} key binds to a schedule: a plain number is a {@link ConstantSchedule}.
 */
@JsonDeserialize(using = Configs.LearningRateReader.class)
public interface LearningRateSchedule extends Serializable {

  /** The class names {@link #fromConfig} understands. */
  List<String> CLASS_NAMES = List.of(
      ConstantSchedule.CLASS_NAME, StepDecay.CLASS_NAME, ExponentialDecay.CLASS_NAME,
      CosineDecay.CLASS_NAME);

  /** The learning rate after {@code iteration} (&gt;= 0) completed updates. */
  double at(long iteration);

  /** The class name written next to {@link #config()} ("ExponentialDecay", ...). */
  String className();

  /** The settings with Keras's names (initial_learning_rate, decay_steps, ...). */
  Map<String, Object> config();

  /**
   * Rebuilds the schedule that {@code className} and {@code config} describe. The class name is
   * matched ignoring case; unknown names and keys are errors that list the allowed ones.
   */
  static LearningRateSchedule fromConfig(String className, Map<String, ?> config) {
    String key = className == null ? "" : className.toLowerCase(Locale.ROOT);
    for (String known : CLASS_NAMES) {
      if (known.toLowerCase(Locale.ROOT).equals(key)) {
        return switch (known) {
          case ConstantSchedule.CLASS_NAME -> ConstantSchedule.read(config);
          case StepDecay.CLASS_NAME -> StepDecay.read(config);
          case ExponentialDecay.CLASS_NAME -> ExponentialDecay.read(config);
          default -> CosineDecay.read(config);
        };
      }
    }
    throw new IllegalArgumentException(String.format(
        "unknown learning rate schedule '%s'; expected one of: %s",
        className, String.join(", ", CLASS_NAMES)));
  }
}
