package io.sparkmlp.optim;

import io.sparkmlp.util.Checks;

/**
 * The mutable part of an optimizer: the step count and its per-parameter slots (moments,
 * velocities, accumulators), each laid out like the flat parameter array.
 *
 * <p>Kept apart from the optimizer's immutable hyperparameters so it can be saved with a
 * checkpoint and restored for resuming.
 */
public final class OptimizerState {
  private long step;
  private final float[][] slots;

  /** A fresh state: step 0 and {@code numSlots} zero arrays of {@code numParams} floats. */
  public OptimizerState(int numSlots, int numParams) {
    this(0, new float[numSlots][numParams]);
  }

  /** A restored state (from a checkpoint). */
  public OptimizerState(long step, float[][] slots) {
    Checks.argument(step >= 0, "optimizer step must be >= 0, got %s", step);
    this.step = step;
    this.slots = slots;
  }

  /** Number of optimizer steps taken so far. */
  public long step() {
    return step;
  }

  /** Increments the step count and returns the new value (1 on the first step). */
  public long nextStep() {
    return ++step;
  }

  /** Slot i (for example Adam's first moment m at 0, second moment v at 1). */
  public float[] slot(int i) {
    return slots[i];
  }

  public int numSlots() {
    return slots.length;
  }
}
