package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.sparkmlp.cli.CliTestSupport.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad row in a CSV or LIBSVM input ends the run before training with exit 2 and one line
 * that names the file, the line and the problem: bad input, not a retry.
 */
class CliBadRowsTest {
  @TempDir
  Path dir;

  private Result train(String format, String text) {
    Path data = write(dir.resolve("train." + format), text);
    Path config = write(dir.resolve("run.yaml"), CliTestSupport.classifierYaml(String.join(
        "\n", "  format: " + format, "  train: {path: '" + data + "'}"), "", "",
        dir.resolve("out")));
    Result r = cliExpect(ExitCode.BAD_INPUT, "train", "--config", config.toString());
    assertFalse(Files.exists(dir.resolve("out")));
    assertEquals(1, r.errLines().size(), r::toString);
    return r;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "a,b,label\\n1,2,0\\n3,4,1,9\\n| line 3: has 4 columns, expected 3",
      "a,b,label\\n1,2,0\\n3,x,1\\n| line 3: column 'b' holds 'x', expected a number",
      "a,b,label\\n1,\"2\\n5\",0\\n| line 2: a quoted field continues past the end of the line "
          + "(line breaks inside quotes are not supported)"})
  void csv(String text, String expected) {
    Path file = dir.resolve("train.csv");
    Result r = train("csv", text.replace("\\n", "\n"));
    assertEquals("sparkmlp: " + file + " " + expected, r.errLines().get(0));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0 1:1 2:1\\n1 0:1\\n| line 2: index 0 is below 1 (LIBSVM indices start at 1)",
      "0 1:1\\n1 3:1 2:1\\n| line 2: index 2 follows 3 (indices must increase)",
      "0 1:1\\n\\n1 1:z\\n| line 3: value 'z' of index 1 is not a number"})
  void libsvm(String text, String expected) {
    Path file = dir.resolve("train.libsvm");
    Result r = train("libsvm", text.replace("\\n", "\n"));
    assertEquals("sparkmlp: " + file + " " + expected, r.errLines().get(0));
  }
}
