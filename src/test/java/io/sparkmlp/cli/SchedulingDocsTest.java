package io.sparkmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scheduling examples in docs/: the Airflow DAG is valid Python (Python's own parser) and
 * maps exactly the exit codes {@link ExitCode} defines (plus setup.sh's 5); the cron line
 * trains with --resume and stops retrying on the same codes.
 */
class SchedulingDocsTest {
  private static final Path DAG = Path.of("docs", "airflow", "sparkmlp_dag.py");

  @Test
  void dagParsesWithPythonsParser() throws Exception {
    Process p = new ProcessBuilder("python3", "-c",
        "import ast,sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])", DAG.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void dagMapsEveryExitCode() throws Exception {
    String dag = Files.readString(DAG);
    Set<Integer> noRetry = codes(dag, "NO_RETRY");
    Set<Integer> retry = codes(dag, "RETRY");
    assertEquals(Set.of(ExitCode.BAD_INPUT, ExitCode.DIVERGED, ExitCode.TARGET_NOT_REACHED, 5),
        noRetry);
    assertEquals(Set.of(ExitCode.FAILURE, ExitCode.INTERRUPTED_SIGINT,
        ExitCode.INTERRUPTED_SIGTERM), retry);
    assertTrue(dag.contains("\"--resume\""), "the DAG must train with --resume");
    assertTrue(dag.contains("AirflowFailException"));
  }

  @Test
  void cronLineResumesAndStopsOnTheSameCodes() throws Exception {
    String doc = Files.readString(Path.of("docs", "scheduling.md"));
    String cron = doc.lines().filter(l -> l.matches("\\d+ \\d+ \\* \\* \\* .*")).findFirst()
        .orElseThrow(() -> new AssertionError("no crontab line in docs/scheduling.md"));
    assertTrue(cron.contains("train") && cron.contains("--resume"), cron);
    assertTrue(cron.contains("case $code in 0|2|3|4|5) break;;"), cron);
  }

  /** The integer keys of the dict assigned to name in the DAG file. */
  private static Set<Integer> codes(String dag, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " = \\{(.*?)}", Pattern.DOTALL).matcher(dag);
    assertTrue(m.find(), name);
    Set<Integer> codes = new TreeSet<>();
    Matcher key = Pattern.compile("(\\d+):").matcher(m.group(1));
    while (key.find()) {
      codes.add(Integer.parseInt(key.group(1)));
    }
    return codes;
  }
}
