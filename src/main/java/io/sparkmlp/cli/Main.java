package io.sparkmlp.cli;

import io.sparkmlp.spark.TaskErrors;
import io.sparkmlp.train.DivergedException;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The sparkmlp command line, for local runs ({@code scripts/sparkmlp}) and spark-submit alike:
 * {@code train}, {@code evaluate}, {@code predict}, {@code summary}, {@code export}. Errors
 * end as one line on stderr and an {@link ExitCode}; {@code --verbose} adds the stack trace.
 */
@Command(name = "sparkmlp", mixinStandardHelpOptions = true, version = "sparkmlp 0.1.0",
    description = "Train multi-layer perceptrons on Spark, Keras-style.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
        SummaryCommand.class, ExportCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:anything else (a bug, the cluster, the disk)",
        "2:bad config or input", "3:training diverged (NaN/Inf loss); last good checkpoint kept",
        "4:fit.target_loss.required and the target was not reached",
        "130:train interrupted by SIGINT; last checkpoint kept, rerun with --resume",
        "143:train interrupted by SIGTERM; last checkpoint kept, rerun with --resume"})
public final class Main {
  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "print stack traces with errors")
  boolean verbose;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this in-process). */
  public static int run(String... args) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, main.verbose,
        cmd.getErr()));
    cli.setParameterExceptionHandler((e, args1) -> {
      e.getCommandLine().getErr().println("sparkmlp: " + e.getMessage());
      e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec()
          .qualifiedName() + " --help'.");
      return ExitCode.BAD_INPUT;
    });
    return cli.execute(args);
  }

  /** One line for the error, the exit code for its class. */
  static int report(Exception e, boolean verbose, PrintWriter err) {
    int code;
    String message;
    IllegalArgumentException bad = TaskErrors.badInput(e);
    if (e instanceof TrainingInterrupted t) {
      code = t.exitCode();
      message = t.getMessage();
    } else if (e instanceof DivergedException) {
      code = ExitCode.DIVERGED;
      message = e.getMessage();
    } else if (e instanceof ConfigException || bad != null) {
      code = ExitCode.BAD_INPUT;
      message = e instanceof ConfigException ? e.getMessage() : bad.getMessage();
    } else {
      code = ExitCode.FAILURE;
      message = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    err.println("sparkmlp: " + oneLine(message));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  private static String oneLine(String message) {
    return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ");
  }
}
