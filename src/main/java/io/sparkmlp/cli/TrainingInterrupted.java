package io.sparkmlp.cli;

/**
 * Training stopped by SIGTERM or SIGINT ({@link Interruption}). Its message is the one line
 * {@link Main} prints, completed by {@link #withCheckpoint} once the command knows what the
 * checkpoint holds; its exit code is 143 for SIGTERM, 130 for SIGINT.
 */
final class TrainingInterrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String signal;
  private final int epoch;
  private final int step;

  /**
   * @param epoch 1-based epoch in progress, 0 when training had not started
   * @param step 1-based step of that epoch last finished
   */
  TrainingInterrupted(String signal, int epoch, int step) {
    this(signal, epoch, step, where(epoch, step) + "; rerun the same command with --resume");
  }

  private TrainingInterrupted(String signal, int epoch, int step, String message) {
    super(message);
    this.signal = signal;
    this.epoch = epoch;
    this.step = step;
  }

  private static String where(int epoch, int step) {
    return epoch == 0 ? "interrupted before the first step"
        : "interrupted at epoch " + epoch + " step " + step;
  }

  /**
   * The same interruption, its message naming the checkpoint kept: its epochs completed, or -1
   * when there is none.
   */
  TrainingInterrupted withCheckpoint(int epochsCompleted) {
    String kept = epochsCompleted < 0 ? "no checkpoint was written yet"
        : "the checkpoint of epoch " + epochsCompleted + " is kept";
    return new TrainingInterrupted(signal, epoch, step, where(epoch, step) + " (SIG" + signal
        + "); " + kept + "; rerun the same command with --resume");
  }

  int exitCode() {
    return Interruption.exitCode(signal);
  }
}
