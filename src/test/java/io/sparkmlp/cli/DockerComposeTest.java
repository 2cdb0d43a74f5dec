package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot be run here (no Docker engine, no image pulls), so it is checked:
 * by `docker compose config` where a compose client exists, and against the project itself.
 */
class DockerComposeTest {
  private static final Path FILE = Path.of("docker-compose.yml");

  @Test
  void composeClientAcceptsTheFile() throws Exception {
    List<String> cmd = null;
    for (List<String> candidate : List.of(List.of("docker", "compose"),
        List.of("docker-compose"))) {
      if (runs(candidate, "version")) {
        cmd = candidate;
        break;
      }
    }
    Assumptions.assumeTrue(cmd != null, "no docker compose client on this machine");
    List<String> config = new java.util.ArrayList<>(cmd);
    config.addAll(List.of("-f", FILE.toString(), "config", "-q"));
    Process p = new ProcessBuilder(config).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void fileMatchesTheProject() throws Exception {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(FILE));
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher spark = Pattern.compile("<spark.version>(.*?)</spark.version>").matcher(pom);
    Matcher version = Pattern.compile("<artifactId>sparkmlp</artifactId>\\s*<version>(.*?)"
        + "</version>").matcher(pom);
    assertTrue(spark.find() && version.find());
    JsonNode services = root.get("services");
    for (String s : List.of("spark-master", "spark-worker-1", "spark-worker-2", "train")) {
      assertTrue(services.has(s), "service " + s);
    }
    assertEquals("apache/spark:" + spark.group(1), services.get("train").get("image").asText());
    String mounts = services.get("train").get("volumes").toString();
    assertTrue(mounts.contains("target/sparkmlp-" + version.group(1) + ".jar"), mounts);
    String command = services.get("train").get("command").asText();
    assertTrue(command.contains("io.sparkmlp.cli.Main") && command.contains(
        "conf/fashion-mnist.yaml"), command);
    // The driver runs the CLI: it needs our JVM options (the training plot needs no display).
    assertTrue(command.contains("--driver-java-options \"-Djava.awt.headless=true "
        + "-Djdk.console=java.base\""), command);
    assertTrue(Files.exists(Path.of("conf/fashion-mnist.yaml")));
  }

  /** Nothing is published beyond the host's loopback unless the operator asks for it. */
  @Test
  void publishedPortsBindToLoopbackByDefault() throws Exception {
    JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(FILE))
        .get("services");
    int published = 0;
    for (JsonNode service : services) {
      for (JsonNode port : service.path("ports")) {
        assertTrue(port.asText().startsWith("${SPARK_BIND:-127.0.0.1}:"), port.asText());
        published++;
      }
    }
    assertEquals(2, published, "the master's RPC and web UI ports");
  }

  /**
   * No obsolete version key; the workers wait for a healthy master and train for healthy workers
   * and for ./out being made writable for the image's uid 185.
   */
  @Test
  void startsInOrderWithHealthchecksAndAWritableOutput() throws Exception {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(FILE));
    assertFalse(root.has("version"), "the version key is obsolete");
    JsonNode services = root.get("services");
    assertTrue(services.get("spark-master").path("healthcheck").path("test").toString()
        .contains("localhost:8080"));
    for (String worker : List.of("spark-worker-1", "spark-worker-2")) {
      assertTrue(services.get(worker).path("healthcheck").path("test").toString()
          .contains("localhost:8081"), worker);
      assertEquals("service_healthy", services.get(worker).path("depends_on")
          .path("spark-master").path("condition").asText(), worker);
      assertEquals("service_healthy", services.get("train").path("depends_on").path(worker)
          .path("condition").asText());
    }
    assertEquals("service_completed_successfully", services.get("train").path("depends_on")
        .path("out-permissions").path("condition").asText());
    JsonNode init = services.get("out-permissions");
    assertEquals("root", init.path("user").asText());
    assertTrue(init.path("volumes").toString().contains("./out:/opt/sparkmlp/out"));
    assertTrue(init.path("entrypoint").toString().contains("0777"));
  }

  private static boolean runs(List<String> cmd, String arg) {
    try {
      List<String> full = new java.util.ArrayList<>(cmd);
      full.add(arg);
      Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException | InterruptedException e) {
      return false;
    }
  }
}
