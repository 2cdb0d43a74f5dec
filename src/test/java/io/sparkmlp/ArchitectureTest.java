package io.sparkmlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of DESIGN.md section 1, checked on the sources: what each package may
 * import from sparkmlp, and that nothing below the spark layer imports Spark.
 */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/io/sparkmlp");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(org\\.apache\\.spark|io\\.sparkmlp\\.(\\w+))",
          Pattern.MULTILINE);

  /** Package → the sparkmlp packages it may use (besides itself). */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "util", Set.of(),
      "kernel", Set.of("util"),
      "nn", Set.of("kernel", "util"),
      "optim", Set.of("kernel", "util"),
      "data", Set.of("util"),
      "io", Set.of("nn", "optim", "util"),
      "model", Set.of("nn", "optim", "data", "io", "util"),
      "report", Set.of("model", "io", "util"));

  @Test
  void packagesImportOnlyWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      Path dir = SRC.resolve(e.getKey());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = IMPORT.matcher(Files.readString(f));
          while (m.find()) {
            String target = m.group(2);
            if (target == null) {
              violations.add(f + " imports Spark");
            } else if (!target.equals(e.getKey()) && !e.getValue().contains(target)) {
              violations.add(f + " imports io.sparkmlp." + target);
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    try (Stream<Path> dirs = Files.list(SRC)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        assertTrue(Files.exists(d.resolve("package-info.java")), d + " lacks package-info.java");
      }
    }
  }

  @Test
  void launcherScriptsUseTheSameJvmOptionsAsTheTests() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("<jvm.module.options>(.*?)</jvm.module.options>").matcher(pom);
    assertTrue(m.find(), "pom.xml defines jvm.module.options");
    List<String> fromPom = List.of(m.group(1).trim().split("\\s+"));
    List<String> fromScript = Files.readAllLines(Path.of("scripts/jvm-options")).stream()
        .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    assertEquals(fromPom, fromScript, "pom.xml and scripts/jvm-options must list the same flags");
  }
}
