package io.sparkmlp.cli;

import io.sparkmlp.io.OutputLock;
import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.npyConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkmlp.cli.CliTestSupport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run never silently replaces another's output, never deletes what sparkmlp did not create,
 * and --resume obeys --overwrite as train does.
 */
class CliOutputGuardsTest {
  @TempDir
  Path dir;

  private static void assertOneLine(Result r, String expected) {
    assertEquals(1, r.errLines().size(), r::toString);
    assertEquals("sparkmlp: " + expected, r.errLines().get(0));
  }

  @Test
  void aSecondRunOnTheSameOutputIsRefusedWhileTheFirstHoldsIt() {
    Path out = dir.resolve("out");
    Path config = npyConfig(dir, out, "");
    try (OutputLock first = OutputLock.acquire(out)) {
      Result r = cliExpect(ExitCode.BAD_INPUT, "train", "--config", config.toString());
      assertOneLine(r, dir.resolve("out.lock") + " is locked: another sparkmlp run is writing "
          + out + "; wait for it to end or choose another output");
      assertFalse(Files.exists(out));
    }
    // Released: the same command now trains, and the lock can be taken again afterwards.
    cliExpect(ExitCode.OK, "train", "--config", config.toString());
    assertTrue(Files.exists(out.resolve("weights.bin")));
    OutputLock.acquire(out).close();
  }

  @Test
  void aFileThatIsNotOurCheckpointIsNeverReplaced() throws IOException {
    Path out = dir.resolve("out");
    Path config = npyConfig(dir, out, "");
    Path stranger = Files.writeString(dir.resolve("out.checkpoint"), "someone's notes");
    Result r = cliExpect(ExitCode.BAD_INPUT, "train", "--config", config.toString());
    assertOneLine(r, stranger + " exists but is not a sparkmlp checkpoint; move it away, it "
        + "would be replaced");
    assertEquals("someone's notes", Files.readString(stranger));
  }

  @Test
  void resumeObeysOverwrite() {
    Path out = dir.resolve("out");
    Path config = npyConfig(dir, out, "");
    cliExpect(ExitCode.OK, "train", "--config", config.toString());
    Result r = cliExpect(ExitCode.BAD_INPUT, "train", "--config", config.toString(),
        "--resume");
    assertOneLine(r, out + " already exists; pass --overwrite to replace it (only once "
        + "training succeeds)");
  }
}
