package io.sparkmlp.cli;

import io.sparkmlp.report.ProgressBar;
import static io.sparkmlp.cli.CliTestSupport.npyConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.io.ModelFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a scheduler meets it: a child JVM started as {@code scripts/run-local.sh} starts
 * one (the JVM options of {@code scripts/jvm-options}, this classpath, {@code Main}), judged by
 * its exit code and its stderr.
 */
class CliSubprocessTest {
  /** The JVM prints this itself when jdk.incubator.vector is added; no option silences it. */
  private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules";

  @TempDir
  Path dir;

  record Child(int code, String out, String err) {
    /** stderr without the JVM's own incubator warning. */
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank() && !l.startsWith(INCUBATOR_WARNING)).toList();
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }

  private Child run(String... args) throws IOException, InterruptedException {
    Process p = CliProcess.start(dir, args);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("sparkmlp " + String.join(" ", args) + " ran over 120 s");
    }
    return new Child(p.exitValue(),
        Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  @Test
  void helpExits0() throws Exception {
    Child c = run("--help");
    assertEquals(0, c.code(), c::toString);
    assertTrue(c.out().contains("train") && c.out().contains("Exit codes"), c::toString);
  }

  @Test
  void trainExits0AndWritesTheModel() throws Exception {
    Path out = dir.resolve("out");
    Path config = npyConfig(dir, out, "");
    Child c = run("train", "--config", config.toString(), "--epochs", "2", "--batch-size",
        "200", "--master", "local[2]");
    assertEquals(0, c.code(), c::toString);
    assertTrue(Files.exists(out.resolve(ModelFiles.WEIGHTS)), c::toString);
    // Off a terminal, progress is logged (conf/log4j2.properties: stderr, timestamped): first
    // the start line, then one line per epoch; standard output has the results only.
    String stamp = "\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d INFO ";
    List<String> lines = c.errLines();
    int start = indexOf(lines, stamp + "TrainCommand: training on local\\[2\\], application "
        + "local-\\d+, Spark UI (http://\\S+|disabled): " + CliTestSupport.ROWS
        + " rows in 2 partitions, batch size 200, 3 steps per epoch, 2 epochs");
    int first = indexOf(lines, stamp + "ProgressBar: Epoch 1/2 - 3 steps - .*loss: .*");
    int second = indexOf(lines, stamp + "ProgressBar: Epoch 2/2 - 3 steps - .*loss: .*");
    assertTrue(start >= 0 && start < first && first < second, c::toString);
    assertFalse(c.out().contains("Epoch"), c::toString);
  }

  private static int indexOf(List<String> lines, String regex) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches(regex)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void badConfigExits2WithOneLineAndATraceOnlyWhenVerbose() throws Exception {
    Path config = npyConfig(dir, dir.resolve("out"), "  epochz: 3");
    Child c = run("train", "--config", config.toString());
    assertEquals(2, c.code(), c::toString);
    List<String> lines = c.errLines();
    assertEquals(1, lines.size(), c::toString);
    assertTrue(lines.get(0).startsWith("sparkmlp: ") && lines.get(0).contains("epochz"),
        c::toString);
    assertFalse(c.err().contains("\tat "), c::toString);

    Child verbose = run("train", "--verbose", "--config", config.toString());
    assertEquals(2, verbose.code(), verbose::toString);
    assertTrue(verbose.errLines().get(0).startsWith("sparkmlp: "), verbose::toString);
    assertTrue(verbose.err().contains("\tat io.sparkmlp.cli."), verbose::toString);
  }
}
