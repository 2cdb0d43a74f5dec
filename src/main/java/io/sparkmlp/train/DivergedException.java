package io.sparkmlp.train;

/**
 * Training produced a NaN or infinite loss, or an update that overflowed the weights. Thrown at
 * the step where it happened, before any checkpoint of that epoch: a NaN/Inf loss leaves the
 * parameters as they were before the step; an overflowing update leaves them non-finite, and
 * the last checkpoint holds the last good ones.
 */
public final class DivergedException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final long step;

  public DivergedException(int epoch, long step, double loss) {
    this(epoch, step, "loss is " + loss);
  }

  private DivergedException(int epoch, long step, String what) {
    super(String.format("training diverged: %s at epoch %d step %d; lower the learning "
        + "rate, scale the inputs or clip gradients (clipnorm)", what, epoch + 1, step + 1));
    this.epoch = epoch;
    this.step = step;
  }

  /**
   * Throws when a step's summed loss is NaN or infinite, before the step is applied; the
   * message gives the loss divided by the step's weight. The one check of every step, exact or
   * local, in-process or on Spark.
   */
  public static void checkLoss(StepSums step, int epoch, long firstStep) {
    if (!Double.isFinite(step.sums()[0])) {
      throw new DivergedException(epoch, firstStep, step.meanLoss());
    }
  }

  /**
   * Throws when a weight is NaN or infinite after the given epoch/step. Trainers call it once
   * per epoch, before callbacks and checkpoints: within an epoch the next step's loss catches
   * an overflowing update, and a scan of every weight at every step would cost the hot path.
   */
  public static void checkWeights(float[] params, int epoch, long step) {
    for (int i = 0; i < params.length; i++) {
      if (!Float.isFinite(params[i])) {
        throw new DivergedException(epoch, step, "the update made weight " + i + " "
            + params[i]);
      }
    }
  }

  /** 0-based epoch of the failing step. */
  public int epoch() {
    return epoch;
  }

  /** 0-based step within the epoch. */
  public long step() {
    return step;
  }
}
