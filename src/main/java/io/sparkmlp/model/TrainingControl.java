package io.sparkmlp.model;

/**
 * What a callback may see and do during training: read or replace the live parameters (for
 * restoring the best weights), and ask training to stop after the current epoch.
 */
public final class TrainingControl {
  private final float[] params;
  private final int epochs;
  private String stopReason;

  public TrainingControl(float[] params, int epochs) {
    this.params = params;
    this.epochs = epochs;
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
