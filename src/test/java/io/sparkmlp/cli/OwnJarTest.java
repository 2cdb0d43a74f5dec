package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CLI's own jar joins spark.jars once, so executors on a cluster can load its classes. */
class OwnJarTest {
  private static final Path JAR = Path.of("/opt/sparkmlp/sparkmlp-0.1.0-SNAPSHOT.jar");

  @Test
  void addsTheJarToAnEmptyOrOtherList() {
    assertEquals(JAR.toString(), OwnJar.withSparkJars(null, JAR));
    assertEquals(JAR.toString(), OwnJar.withSparkJars(" ", JAR));
    assertEquals("/x/deps.jar," + JAR, OwnJar.withSparkJars("/x/deps.jar", JAR));
  }

  @Test
  void leavesAListThatHoldsItAlone() {
    assertNull(OwnJar.withSparkJars(JAR.toString(), JAR));
    // spark-submit names the application jar by its URI.
    assertNull(OwnJar.withSparkJars("/x/deps.jar,file:" + JAR, JAR));
  }

  @Test
  void classesFromADirectoryNeedNothing() {
    assertNull(OwnJar.withSparkJars(null, null));
    assertNull(OwnJar.withSparkJars(null), "the tests run from target/classes, not a jar");
  }
}
