package io.sparkmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the command line in a JVM of its own, as scripts/run-local.sh would (its JVM options,
 * log4j2 configuration and this test JVM's class path), with stdout and stderr going to
 * stdout.txt and stderr.txt in a directory: for tests of exit codes and signals, which an
 * in-process call cannot see.
 */
final class CliProcess {
  private CliProcess() {}

  static Process start(Path dir, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    for (String line : Files.readAllLines(Path.of("scripts", "jvm-options"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        cmd.add(line.trim());
      }
    }
    cmd.add("-Dlog4j2.configurationFile=" + Path.of("conf", "log4j2.properties").toAbsolutePath());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.sparkmlp.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectOutput(dir.resolve("stdout.txt").toFile())
        .redirectError(dir.resolve("stderr.txt").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }
}
