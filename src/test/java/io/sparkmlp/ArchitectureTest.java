package io.sparkmlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of docs/design.md section 1, checked on the sources of every package
 * under {@code src/main/java/io/sparkmlp} (subpackages such as {@code spark.source} count as
 * packages of their own): which sparkmlp packages each may use, and that only the Spark layer
 * uses Spark, Scala or breeze. Imports, static imports and fully qualified names in code are
 * all checked; comments and string literals are not code.
 */
class ArchitectureTest {
  private static final Path SRC = Path.of("src/main/java/io/sparkmlp");

  /** The roots of the names checked: sparkmlp's own, and those only the Spark layer uses. */
  private static final String ROOTS = "(?:io\\.sparkmlp|org\\.apache\\.spark|scala|breeze)";
  /** An import or static import of a name under one of the roots. */
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?(" + ROOTS + "\\.[\\w.$]+)");
  /**
   * A fully qualified type in code: a root, lower-case package names, then a type
   * ({@code scala.collection.Seq}, {@code breeze.linalg.DenseVector}), not a variable that
   * happens to be called {@code scala} or {@code breeze}.
   */
  private static final Pattern QUALIFIED =
      Pattern.compile("(?<![\\w.$])(" + ROOTS + "(?:\\.[a-z_]\\w*)*\\.[A-Z][\\w$]*)");

  private static final Set<String> BELOW_MODEL =
      Set.of("util", "kernel", "nn", "optim", "data", "io", "train");
  private static final Set<String> CORE = union(BELOW_MODEL, Set.of("model", "report"));
  private static final Set<String> SPARK = union(CORE, Set.of("spark", "spark.source"));

  /** Package → the sparkmlp packages it may use besides itself: docs/design.md's table. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      Map.entry("util", Set.of()),
      Map.entry("kernel", Set.of("util")),
      Map.entry("nn", Set.of("kernel", "util")),
      Map.entry("optim", Set.of("kernel", "util")),
      Map.entry("data", Set.of("util")),
      Map.entry("io", Set.of("util", "nn", "optim", "data")),
      Map.entry("train", Set.of("util", "kernel", "nn", "optim", "data", "io")),
      Map.entry("model", BELOW_MODEL),
      Map.entry("report", union(BELOW_MODEL, Set.of("model"))),
      // The Spark layer: the engine's transport and the readers use each other and everything
      // below, never ml or cli.
      Map.entry("spark", SPARK),
      Map.entry("spark.source", SPARK),
      Map.entry("ml", SPARK),
      // The CLI reports through report and trains through spark; it does not use the ML stages.
      Map.entry("cli", SPARK),
      Map.entry("examples", union(SPARK, Set.of("ml", "cli"))));

  /** The packages that may use Spark, Scala and breeze. */
  private static final Set<String> SPARK_LAYER =
      Set.of("spark", "spark.source", "ml", "cli", "examples");

  @Test
  void packagesUseOnlyWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : sources().entrySet()) {
      String pkg = e.getKey();
      Set<String> allowed = ALLOWED.getOrDefault(pkg, Set.of());  // see everyPackageIsInTheTable
      for (Path f : e.getValue()) {
        String[] lines = code(Files.readString(f)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].stripLeading().startsWith("package ")) {
            continue;
          }
          Matcher m = IMPORT.matcher(lines[i]);
          if (!m.find()) {
            m = QUALIFIED.matcher(lines[i]);
          } else {
            m.reset();
          }
          while (m.find()) {
            String name = m.group(1);
            String why;
            if (name.startsWith("io.sparkmlp.")) {
              String target = packageOf(name);
              why = target == null || target.equals(pkg) || allowed.contains(target) ? null
                  : pkg + " may not use io.sparkmlp." + target;
            } else {
              why = SPARK_LAYER.contains(pkg) ? null
                  : pkg + " may not use Spark, Scala or breeze: only the Spark layer may";
            }
            if (why != null) {
              violations.add(String.format("%s:%d: %s (%s)", f, i + 1, lines[i].strip(), why));
            }
          }
        }
      }
    }
    assertTrue(violations.isEmpty(), violations.size() + " uses break the layering:\n"
        + String.join("\n", violations));
  }

  @Test
  void everyPackageIsInTheTable() throws IOException {
    Set<String> packages = sources().keySet();
    assertEquals(ALLOWED.keySet(), packages, "ArchitectureTest.ALLOWED must name every package "
        + "under " + SRC + ", and only those");
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

  /** The Java sources of every package under SRC, by package name relative to io.sparkmlp. */
  private static Map<String, List<Path>> sources() throws IOException {
    Map<String, List<Path>> byPackage = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SRC)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = SRC.relativize(f.getParent()).toString().replace(File.separatorChar, '.');
        byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(f);
      }
    }
    return byPackage;
  }

  /**
   * The package of a sparkmlp name, relative to io.sparkmlp: the longest package of the table
   * that it starts with (io.sparkmlp.spark.source.DataLoader is in spark.source); null for
   * io.sparkmlp itself.
   */
  private static String packageOf(String name) {
    String rest = name.substring("io.sparkmlp.".length());
    String best = null;
    for (String pkg : ALLOWED.keySet()) {
      if ((rest.equals(pkg) || rest.startsWith(pkg + "."))
          && (best == null || pkg.length() > best.length())) {
        best = pkg;
      }
    }
    return best != null ? best : rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
  }

  /**
   * The source with its comments and the contents of its string, text block and character
   * literals blanked out (line breaks kept, so line numbers stay).
   */
  static String code(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (src.startsWith("//", i)) {
        while (i < n && src.charAt(i) != '\n') {
          out.append(' ');
          i++;
        }
      } else if (src.startsWith("/*", i)) {
        int end = src.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        blank(src, i, end, out);
        i = end;
      } else if (src.startsWith("\"\"\"", i)) {
        int end = src.indexOf("\"\"\"", i + 3);
        while (end > 0 && escaped(src, end)) {
          end = src.indexOf("\"\"\"", end + 1);
        }
        end = end < 0 ? n : end + 3;
        blank(src, i, end, out);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && src.charAt(end) != c && src.charAt(end) != '\n') {
          end += src.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(n, end + 1);
        blank(src, i, end, out);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean escaped(String src, int at) {
    int backslashes = 0;
    for (int j = at - 1; j >= 0 && src.charAt(j) == '\\'; j--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static void blank(String src, int from, int to, StringBuilder out) {
    for (int j = from; j < to; j++) {
      out.append(src.charAt(j) == '\n' ? '\n' : ' ');
    }
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }
}
