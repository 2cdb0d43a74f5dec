package io.sparkmlp.bench;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.model.Callback;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.model.TrainingControl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Training seconds and test accuracy after every epoch (an L-BFGS iteration is an epoch), with
 * the evaluation's own time left out: the clock runs from {@link #start} (just before the fit
 * call) and stops while the callback evaluates the model's live weights on the test set,
 * in-process on the driver (one thread), so every trainer is measured the same way whatever
 * its own validation would cost. {@link #curve} holds (training seconds, accuracy) per epoch.
 */
final class AccuracyClock implements Callback {
  private final Sequential model;
  private final Matrix testX;
  private final Matrix testY;
  private final String name;
  private final List<double[]> curve = new ArrayList<>();
  private long startNanos;
  private long pausedNanos;
  private long lastEndNanos;

  AccuracyClock(Sequential model, Matrix testX, Matrix testY, String name) {
    this.model = model;
    this.testX = testX;
    this.testY = testY;
    this.name = name;
  }

  /** Starts the clock: call immediately before the fit call. */
  void start() {
    startNanos = System.nanoTime();
    pausedNanos = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    long end = System.nanoTime();
    double trained = (end - startNanos - pausedNanos) / 1e9;
    double accuracy = model.evaluate(testX, testY, 1024).get("accuracy");
    curve.add(new double[] {trained, accuracy});
    System.out.printf(Locale.ROOT, "%s epoch %d: %.2f s of training, loss %.4f, test accuracy "
        + "%.4f%n", name, epoch + 1, trained, logs.getOrDefault("loss", Double.NaN), accuracy);
    lastEndNanos = System.nanoTime();
    pausedNanos += lastEndNanos - end;
  }

  /** Training seconds from {@link #start} to now, evaluations excluded. */
  double trainedSeconds() {
    return (System.nanoTime() - startNanos - pausedNanos) / 1e9;
  }

  List<double[]> curve() {
    return curve;
  }
}
