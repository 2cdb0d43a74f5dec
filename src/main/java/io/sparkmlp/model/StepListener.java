package io.sparkmlp.model;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A callback that also hears about every step: trainers call it after each optimizer step
 * (or group of local steps), from the driver thread. Progress bars use it.
 */
public interface StepListener extends Callback {
  /**
   * @param epoch 0-based, as in {@link Callback#onEpochEnd}
   * @param step 0-based index of the step just finished
   * @param steps steps in this epoch
   * @param rows training rows processed in this epoch so far
   * @param seconds time since the epoch began
   * @param logs the running training logs (loss and metrics over the rows so far), computed
   *     only if asked for; valid only during the call
   */
  void onStep(int epoch, int step, int steps, long rows, double seconds,
              Supplier<Map<String, Double>> logs);
}
