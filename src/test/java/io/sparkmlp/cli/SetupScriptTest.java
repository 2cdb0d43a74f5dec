package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/setup.sh where an install cannot run: a user who is not root, without sudo, missing
 * Maven. It must end with one line naming the package and what to do, and exit 5 (not apt's
 * 100); an unknown need exits 2.
 */
class SetupScriptTest {
  @TempDir
  Path bin;

  @Test
  void anInstallThatCannotRunEndsWithOneLineAndExit5() throws Exception {
    // A PATH with java and the shell's tools but no mvn and no sudo; id says "not root".
    Files.writeString(bin.resolve("id"), "#!/bin/sh\necho 1000\n");
    bin.resolve("id").toFile().setExecutable(true);
    Files.createSymbolicLink(bin.resolve("java"),
        Path.of(System.getProperty("java.home"), "bin", "java"));
    for (String tool : List.of("sed", "head", "mktemp", "cat")) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        if (Files.isExecutable(Path.of(dir, tool)) && !Files.exists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), Path.of(dir, tool));
        }
      }
    }
    Result r = run("build");
    assertEquals(5, r.code(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).matches("scripts/setup.sh: cannot install maven: not root and no "
        + "password-less sudo; .*apt-get install maven.*"), r.err());

    Result unknown = run("gpu");
    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("unknown need 'gpu'"), unknown.err());
  }

  private record Result(int code, String err) {}

  private Result run(String need) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "scripts/setup.sh", need);
    pb.environment().put("PATH", bin.toString());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process q = pb.start();
    String err = new String(q.getErrorStream().readAllBytes());
    assertTrue(q.waitFor(30, TimeUnit.SECONDS));
    return new Result(q.exitValue(), err);
  }
}
