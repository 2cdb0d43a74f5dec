package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.npyConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.train.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as a scheduler's timeout sends it, to a real {@code train} process (a child JVM
 * started as {@code scripts/run-local.sh} starts one) once the first epoch's checkpoint is
 * written: exit 143, one line on stderr naming the epoch, step and checkpoint, no stack trace,
 * no output directory; then the same command with {@code --resume} finishes the run.
 */
class CliSignalTest {
  private static final String LOG_LINE = "\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d [A-Z]+ .*";

  @TempDir
  Path dir;

  /** Started children, killed after the test whatever happened. */
  private final List<Process> children = new ArrayList<>();

  @AfterEach
  void killChildren() {
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void sigtermStopsBetweenStepsAndResumeFinishes() throws Exception {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("out.checkpoint");
    Path config = npyConfig(dir, out, "");
    // 60 steps per epoch (a Spark job each): the run is still in epoch 2 or 3 when the first
    // checkpoint appears. The deadlines are for a loaded machine (an epoch took 30 s at load 17).
    String[] train = {"train", "--config", config.toString(), "--epochs", "3",
        "--batch-size", "10", "--master", "local[2]", "--resume"};
    Process p = start(train);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
    while (!Checkpoint.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    boolean running = p.isAlive() && Checkpoint.exists(checkpoint);
    assertTrue(running, "no checkpoint while running:\n" + read("stderr.txt"));
    p.destroy();  // SIGTERM on Unix
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process outlived SIGTERM by 60 s");
    String err = read("stderr.txt");
    assertEquals(ExitCode.INTERRUPTED_SIGTERM, p.exitValue(), err);
    List<String> notLogged = err.lines().filter(l -> !l.isBlank() && !l.matches(LOG_LINE)
        && !l.startsWith("WARNING: Using incubator modules")).toList();
    assertEquals(1, notLogged.size(), err);
    int kept = Checkpoint.readState(checkpoint).epochsCompleted();
    assertTrue(notLogged.get(0).matches("sparkmlp: interrupted at epoch \\d+ step \\d+ "
        + "\\(SIGTERM\\); the checkpoint of epoch " + kept + " is kept; rerun the same command "
        + "with --resume"), err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), err);
    assertFalse(Files.exists(out), "an interrupted run wrote its output");

    Process again = start(train);
    assertTrue(again.waitFor(600, TimeUnit.SECONDS), "the resumed run took over 600 s");
    String err2 = read("stderr.txt");
    assertEquals(0, again.exitValue(), err2);
    assertTrue(err2.contains("--resume: continuing from " + checkpoint + " (" + kept
        + " epochs done)"), err2);
    assertTrue(Files.exists(out.resolve(ModelFiles.WEIGHTS)), err2);
    assertFalse(Files.exists(checkpoint), "the checkpoint outlived the finished run");
  }

  private Process start(String... args) throws IOException {
    Process p = CliProcess.start(dir, args);
    children.add(p);
    return p;
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }
}
