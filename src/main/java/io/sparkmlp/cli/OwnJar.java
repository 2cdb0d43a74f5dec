package io.sparkmlp.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The jar this CLI runs from, for {@code spark.jars}: executors load only the classes shipped to
 * them, so a driver started with {@code java -cp} (scripts/sparkmlp) must name its own jar or
 * every task on a cluster fails with ClassNotFoundException. spark-submit already ships it as
 * the application jar; adding it again changes nothing. In local mode the executors share the
 * driver's class path and the extra entry is harmless.
 */
final class OwnJar {
  private OwnJar() {}

  /**
   * {@code sparkJars} (Spark's comma-separated list, null when unset) with this CLI's jar
   * added; null when there is nothing to change: the classes do not come from a jar (a build
   * directory, as in the tests) or the list already holds it.
   */
  static String withSparkJars(String sparkJars) {
    return withSparkJars(sparkJars, location());
  }

  /** As {@link #withSparkJars(String)} for the given jar (null: not run from a jar). */
  static String withSparkJars(String sparkJars, Path jar) {
    if (jar == null) {
      return null;
    }
    String current = sparkJars == null ? "" : sparkJars.trim();
    for (String entry : current.split(",")) {
      String e = entry.trim();
      if (!e.isEmpty() && (e.equals(jar.toString()) || e.endsWith("/" + jar.getFileName()))) {
        return null;
      }
    }
    return current.isEmpty() ? jar.toString() : current + "," + jar;
  }

  /** The jar holding this class, or null when it was loaded from a directory. */
  private static Path location() {
    CodeSource source = OwnJar.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      Path p = Path.of(source.getLocation().toURI());
      return p.getFileName() != null && p.getFileName().toString().endsWith(".jar") ? p : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
