package io.sparkmlp.model;

import io.sparkmlp.train.Logs;

/**
 * What a callback may see and do during training: read or replace the live parameters (for
 * restoring the best weights), and ask training to stop after the current epoch.
 */
public final class TrainingControl {
  private final float[] params;
  private final int epochs;
  private final int validationFreq;
  private String stopReason;

  public TrainingControl(float[] params, int epochs) {
    this(params, epochs, FitOptions.DEFAULT_VALIDATION_FREQ);
  }

  /** A control for a fit that validates every validationFreq epochs. */
  public TrainingControl(float[] params, int epochs, int validationFreq) {
    this.params = params;
    this.epochs = epochs;
    this.validationFreq = validationFreq;
  }

  /**
   * Whether epoch (0-based) is one that validation_freq skips and the key is a validation
   * entry: callbacks that monitor it wait for the next validated epoch.
   */
  public boolean skipsValidation(int epoch, String key) {
    return key.startsWith(Logs.VAL_PREFIX) && (epoch + 1) % validationFreq != 0;
  }

  /** The live flat parameter array; callbacks copy it to keep it, or copy into it to restore. */
  public float[] params() {
    return params;
  }

  /** The number of epochs requested. */
  public int epochs() {
    return epochs;
  }

  /** Stops training after the current epoch, recording why. */
  public void stop(String reason) {
    if (stopReason == null) {
      stopReason = reason;
    }
  }

  public boolean stopRequested() {
    return stopReason != null;
  }

  /** The first reason given to {@link #stop}, or null. */
  public String stopReason() {
    return stopReason;
  }
}
