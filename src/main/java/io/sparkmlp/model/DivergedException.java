package io.sparkmlp.model;

/**
 * Training produced a NaN or infinite loss. Thrown at the step where it happened; the
 * parameters are left as they were before that step's update.
 */
public final class DivergedException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final long step;

  public DivergedException(int epoch, long step, double loss) {
    super(String.format("training diverged: loss is %s at epoch %d step %d; lower the learning "
        + "rate, scale the inputs or clip gradients (clipnorm)", loss, epoch + 1, step + 1));
    this.epoch = epoch;
    this.step = step;
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
