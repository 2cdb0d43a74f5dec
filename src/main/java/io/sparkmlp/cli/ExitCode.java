package io.sparkmlp.cli;

/** Exit codes a scheduler can act on. */
public final class ExitCode {
  private ExitCode() {}

  /** The run did what it was asked. */
  public static final int OK = 0;
  /** Anything unexpected (a bug, the cluster, the disk); rerunning may help. */
  public static final int FAILURE = 1;
  /** Bad config or input: fix the file or the data, rerunning as is will fail again. */
  public static final int BAD_INPUT = 2;
  /** Training diverged (NaN/Inf loss); the last good checkpoint is kept. */
  public static final int DIVERGED = 3;
  /** fit.target_loss.required and the target was not reached; the model is written. */
  public static final int TARGET_NOT_REACHED = 4;
  /**
   * train stopped by SIGINT (Ctrl-C) between steps: no output, the last checkpoint kept; rerun
   * with --resume. 128 + 2, as a shell reports a process that SIGINT ended.
   */
  public static final int INTERRUPTED_SIGINT = 130;
  /**
   * train stopped by SIGTERM (a scheduler's timeout or kill) between steps: no output, the last
   * checkpoint kept; rerun with --resume. 128 + 15, as a shell reports a process SIGTERM ended.
   */
  public static final int INTERRUPTED_SIGTERM = 143;
}
