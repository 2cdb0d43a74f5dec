package io.sparkmlp.cli;

import io.sparkmlp.model.StepListener;
import io.sparkmlp.model.TrainingControl;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ends training at a step boundary once {@link Interruption} has noted a signal: before the
 * first step when the signal came while the data was read, else after the step in progress.
 * It throws, so that nothing after the loop (test evaluation, the output directory) runs; the
 * checkpoints already written stay.
 */
final class StopOnSignal implements StepListener {
  @Override
  public void onTrainBegin(TrainingControl control) {
    stopIfSignalled(0, 0);
  }

  @Override
  public void onStep(int epoch, int step, int steps, long rows, double seconds,
                     Supplier<Map<String, Double>> logs) {
    stopIfSignalled(epoch + 1, step + 1);
  }

  private static void stopIfSignalled(int epoch, int step) {
    String signal = Interruption.received();
    if (signal != null) {
      throw new TrainingInterrupted(signal, epoch, step);
    }
  }
}
