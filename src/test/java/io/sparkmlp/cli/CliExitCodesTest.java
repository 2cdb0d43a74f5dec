package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.ROWS;
import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static io.sparkmlp.cli.CliTestSupport.lines;
import static io.sparkmlp.cli.CliTestSupport.npyConfig;
import static io.sparkmlp.cli.CliTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.cli.CliTestSupport.Data;
import io.sparkmlp.cli.CliTestSupport.Result;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.report.RunReport;
import io.sparkmlp.testing.Expect;
import io.sparkmlp.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each failure class ends with its exit code and, for the user's mistakes, one line on stderr
 * that says what to fix: 2 bad config or input, 3 diverged, 4 target not reached.
 */
class CliExitCodesTest {
  @TempDir
  Path dir;

  /** Exactly one stderr line, starting with "sparkmlp:" and holding every fragment. */
  private static String oneLine(Result r, String... fragments) {
    List<String> lines = r.errLines();
    assertEquals(1, lines.size(), () -> "expected one stderr line: " + r);
    String line = lines.get(0);
    assertTrue(line.startsWith("sparkmlp: "), line);
    Expect.assertMentions(line, fragments);
    assertFalse(line.contains("\tat ") || line.contains("Exception"), line);
    return line;
  }

  @Test
  void unknownConfigKeyNamesFileLineAndKey() {
    Path config = npyConfig(dir, dir.resolve("out"), "  epochz: 3");
    int line = lines(config).indexOf("  epochz: 3") + 1;
    Result r = cliExpect(2, "train", "--config", config.toString());
    oneLine(r, config.toString(), "line " + line, "epochz");
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void wrongTypeAndBadOverrideAreBadConfig() {
    Path config = npyConfig(dir, dir.resolve("out"), "");
    oneLine(cliExpect(2, "train", "--config", config.toString(), "--set", "fit.epochs=many"),
        "fit.epochs");
    oneLine(cliExpect(2, "train", "--config", dir.resolve("nope.yaml").toString()),
        "nope.yaml");
  }

  @Test
  void missingNpyDataFileIsNamed() {
    Path config = npyConfig(dir, dir.resolve("out"), "");
    Path missing = dir.resolve("missing.npy");
    Result r = cliExpect(2, "train", "--config", config.toString(),
        "--set", "data.train.x=" + missing);
    oneLine(r, missing.toString());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "libsvm", "parquet"})
  void missingDataPathIsNamed(String format) {
    Path missing = dir.resolve("missing." + format);
    Path config = write(dir.resolve("run.yaml"), CliTestSupport.classifierYaml(String.join(
        "\n", "  format: " + format, "  train: {path: '" + missing + "'}"), "", "",
        dir.resolve("out")));
    oneLine(cliExpect(2, "train", "--config", config.toString()), missing.toString());
    Path model = savedModel();
    oneLine(cliExpect(2, "evaluate", "--model", model.toString(),
        "--format", format, "--data", missing.toString()), missing.toString());
  }

  @Test
  void existingOutputNeedsOverwrite() throws IOException {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Path marker = Files.writeString(out.resolve("keep.txt"), "earlier results");
    Path config = npyConfig(dir, out, "");
    oneLine(cliExpect(2, "train", "--config", config.toString()), out.toString(),
        "--overwrite");
    assertTrue(Files.exists(marker), "a refused run touched the output");

    cliExpect(0, "train", "--config", config.toString(), "--epochs", "1", "--overwrite");
    assertFalse(Files.exists(marker), "--overwrite kept the old content");
    assertTrue(Files.exists(out.resolve(ModelFiles.WEIGHTS)));
  }

  @Test
  void badFormatAndOutputNamesAreBadInput() {
    Path model = savedModel();
    Path x = dir.resolve("x.npy");
    oneLine(cliExpect(2, "evaluate", "--model", model.toString(), "--format", "xls",
        "--data", x.toString(), "--labels", dir.resolve("y.npy").toString()), "--format", "xls");
    oneLine(cliExpect(2, "predict", "--model", model.toString(), "--format", "xls",
        "--data", x.toString(), "--output", dir.resolve("p.npy").toString()), "xls");
    oneLine(cliExpect(2, "predict", "--model", model.toString(), "--format", "npy",
        "--data", x.toString(), "--output", dir.resolve("p.txt").toString()), "p.txt");
    oneLine(cliExpect(2, "evaluate", "--model", model.toString(), "--format", "npy",
        "--data", x.toString()), "--labels");
    oneLine(cliExpect(2, "summary", "--model", dir.resolve("no-model").toString()),
        "no-model");
  }

  /** A linear regression with huge targets and a huge step: the loss overflows. */
  private Path divergingConfig(Path out, double learningRate, int batchSize, int epochs) {
    Data d = Data.make(ROWS, 11);
    Matrix x = d.features();
    float[] y = new float[ROWS];
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < x.cols(); c++) {
        y[r] += 1000 * x.get(r, c);
      }
    }
    Npy.write(dir.resolve("x.npy"), x);
    Npy.write(dir.resolve("t.npy"), new Matrix(y, ROWS, 1));
    return write(dir.resolve("diverge.yaml"), String.join("\n",
        "distributed: {partitions: 2}",
        "data:",
        "  format: npy",
        "  train: {x: '" + dir.resolve("x.npy") + "', y: '" + dir.resolve("t.npy") + "'}",
        "model:",
        "  seed: 7",
        "  layers: [{type: dense, units: 1}]",
        "compile:",
        "  loss: mse",
        "  optimizer: {name: sgd, learning_rate: " + learningRate + "}",
        "fit: {batch_size: " + batchSize + ", epochs: " + epochs + ", shuffle: false}",
        "output: {dir: '" + out + "'}",
        ""));
  }

  @Test
  void divergenceKeepsTheLastGoodCheckpoint() {
    Path out = dir.resolve("out");
    Path checkpoint = dir.resolve("out.checkpoint");
    // Full-batch gradient descent with a step far too large: the error grows every epoch and
    // the loss overflows after some good epochs.
    Result r = cliExpect(3, "train", "--config", divergingConfig(out, 30, ROWS, 40).toString());
    String line = oneLine(r, "diverged");
    Matcher m = Pattern.compile("at epoch (\\d+)").matcher(line);
    assertTrue(m.find(), line);
    int divergedAt = Integer.parseInt(m.group(1));  // 1-based
    assertTrue(divergedAt >= 2 && divergedAt < 40, line);

    assertFalse(Files.exists(out), "a diverged run wrote its output");
    assertNoTemporarySiblings();
    assertTrue(Checkpoint.exists(checkpoint), "no checkpoint kept");
    Checkpoint.State state = Checkpoint.readState(checkpoint);
    assertEquals(divergedAt - 1, state.epochsCompleted(), line);
    assertEquals(divergedAt - 1, lines(dir.resolve("out.checkpoint.jsonl")).size());
    for (float p : Sequential.load(checkpoint).params()) {
      assertTrue(Float.isFinite(p), "the checkpoint holds non-finite weights");
    }
  }

  @Test
  void divergenceInTheFirstEpochLeavesNothing() {
    Path out = dir.resolve("out");
    Result r = cliExpect(3, "train", "--config", divergingConfig(out, 1e6, 32, 3).toString());
    oneLine(r, "diverged", "at epoch 1 ");
    assertFalse(Files.exists(out));
    assertFalse(Files.exists(dir.resolve("out.checkpoint")));
    assertFalse(Files.exists(dir.resolve("out.checkpoint.jsonl")));
    assertNoTemporarySiblings();
  }

  @Test
  void requiredTargetNotReachedExits4WithTheModelWritten() {
    Path out = dir.resolve("out");
    Path config = npyConfig(dir, out, "callbacks:\n  target_loss: {value: 1e-9, required: true}");
    Result r = cliExpect(4, "train", "--config", config.toString(), "--epochs", "1");
    oneLine(r, "target", "not reached");
    assertTrue(Files.exists(out.resolve(ModelFiles.WEIGHTS)));
    assertTrue(Files.exists(out.resolve(RunReport.METRICS_JSONL)));
    assertFalse(Files.exists(dir.resolve("out.checkpoint")));
  }

  @Test
  void usageErrorsExit2() {
    Path config = npyConfig(dir, dir.resolve("out"), "");
    Result unknown = cliExpect(2, "train", "--config", config.toString(), "--bogus");
    assertTrue(unknown.err().contains("--bogus"), unknown::toString);
    assertTrue(unknown.errLines().get(0).startsWith("sparkmlp: "), unknown::toString);
    cliExpect(2, "train");
    cliExpect(2, "train", "--config", config.toString(), "--epochs", "three");
    cliExpect(2, "frobnicate");
    cliExpect(2, "evaluate", "--model", dir.toString());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void noCommandSaysWhereHelpIs() {
    Result r = cliExpect(2);
    assertTrue(r.err().contains("sparkmlp --help"), r::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "train", "evaluate", "predict", "summary"})
  void helpOnEveryCommand(String command) {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
    Result r = cliExpect(0, args);
    List<String> expected = switch (command) {
      case "" -> List.of("train", "evaluate", "predict", "summary", "--verbose", "Exit codes");
      case "train" -> List.of("--config", "--output", "--overwrite", "--resume", "--master",
          "--epochs", "--batch-size", "--set");
      case "evaluate" -> List.of("--model", "--format", "--data", "--labels", "--features-col",
          "--label-col", "--no-header", "--json");
      case "predict" -> List.of("--model", "--format", "--data", "--labels", "--output");
      default -> List.of("--model");
    };
    for (String e : expected) {
      assertTrue(r.out().contains(e), () -> e + " missing in " + r);
    }
    assertTrue(r.err().isBlank(), r::toString);
  }

  @Test
  void versionAndHelpSubcommand() {
    assertTrue(cliExpect(0, "--version").out().contains("sparkmlp"));
    assertTrue(cliExpect(0, "help", "train").out().contains("--config"));
  }

  private Path savedModel() {
    Path config = npyConfig(dir, dir.resolve("out"), "");
    Path model = dir.resolve("model");
    ConfigLoader.load(config).buildModel(CliTestSupport.FEATURES).save(model);
    return model;
  }

  private void assertNoTemporarySiblings() {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> hidden = s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
      assertTrue(hidden.isEmpty(), () -> "half-written directories left: " + hidden);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
