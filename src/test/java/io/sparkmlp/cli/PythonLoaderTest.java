package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.model.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * python/sparkmlp_numpy.py predicts what {@code sparkmlp predict} predicts (max abs difference
 * ≤ 1e-5), from the {@code export --format npz} archive and from the model directory, for a
 * model with every activation, a Dropout layer, a bias-less layer and scale + standardize
 * preprocessing, and for a one-output sigmoid model. Runs /usr/bin/python3 with NumPy;
 * without them the test is skipped, except where CI or SPARKMLP_REQUIRE_NUMPY is set (the test
 * command sets it), where it fails.
 */
class PythonLoaderTest {
  static final String PYTHON = "/usr/bin/python3";
  static final Path LOADER = Path.of("python", "sparkmlp_numpy.py").toAbsolutePath();
  private static final double TOLERANCE = 1e-5;
  private static final int ROWS = 300;

  @TempDir
  Path dir;

  @BeforeAll
  static void requireNumpy() throws Exception {
    Run r = python(List.of("-c", "import numpy"));
    if (r.code != 0) {
      String why = PYTHON + " with NumPy is needed (apt-get install python3-numpy; "
          + "scripts/setup.sh installs it): " + r.output.strip();
      if (System.getenv("CI") != null || System.getenv("SPARKMLP_REQUIRE_NUMPY") != null) {
        fail(why);
      }
      Assumptions.abort(why);
    }
  }

  @Test
  void loaderPredictsWhatPredictPredicts() throws Exception {
    float[] mean = {0.5f, 0.45f, 0.55f, 0.5f, 0.4f, 0.6f};
    float[] std = {0.29f, 0.3f, 0.27f, 0.31f, 0.25f, 1f};
    compare("classifier", TestModels.classifier(3), mean, std);
    compare("binary", TestModels.binary(4), mean, std);
  }

  private void compare(String name, Sequential model, float[] mean, float[] std)
      throws Exception {
    Path modelDir = TestModels.save(model, dir.resolve(name), mean, std);
    Path x = dir.resolve(name + "-x.npy");
    Npy.writeFloat64(x, TestModels.pixels(ROWS, 5));
    Path preds = dir.resolve(name + "-preds.npy");
    cliExpect(0, "predict", "--model", modelDir.toString(), "--format", "npy",
        "--data", x.toString(), "--output", preds.toString(), "--partitions", "3");
    Path npz = dir.resolve(name + ".npz");
    cliExpect(0, "export", "--model", modelDir.toString(), "--format", "npz",
        "--output", npz.toString());
    Matrix expected = Npy.read(preds);
    for (Path source : List.of(npz, modelDir)) {
      Path got = dir.resolve(name + "-python-" + source.getFileName() + ".npy");
      Run r = python(List.of(LOADER.toString(), source.toString(), x.toString(),
          "--output", got.toString()));
      assertEquals(0, r.code, () -> "python loader on " + source + ":\n" + r.output);
      Matrix actual = Npy.read(got);
      assertEquals(expected.rows(), actual.rows());
      assertEquals(expected.cols(), actual.cols());
      double worst = 0;
      for (int i = 0; i < expected.values().length; i++) {
        worst = Math.max(worst, Math.abs(expected.values()[i] - actual.values()[i]));
      }
      double w = worst;
      System.out.printf("python loader, %s from %s: max abs difference %.3g%n", name,
          source.getFileName(), w);
      assertTrue(w <= TOLERANCE, () -> name + " from " + source + ": max abs difference " + w);
    }
    // The printed classes are predict's classes.
    Run printed = python(List.of(LOADER.toString(), npz.toString(), x.toString()));
    assertEquals(0, printed.code, printed.output);
    List<String> lines = printed.output.lines().toList();
    assertEquals(ROWS + 1, lines.size(), printed.output);
    int[] classes = model.predictClasses(preprocessed(x, mean, std));
    int disagree = 0;
    for (int r = 0; r < ROWS; r++) {
      disagree += Integer.parseInt(lines.get(r + 1).split(",")[0]) == classes[r] ? 0 : 1;
    }
    assertEquals(0, disagree, name + ": classes differ from Sequential.predictClasses");
  }

  /** x / 255, then z-scored: what the saved preprocessing does, computed here independently. */
  private static Matrix preprocessed(Path x, float[] mean, float[] std) {
    Matrix m = Npy.read(x);
    float[] v = m.values().clone();
    for (int i = 0; i < v.length; i++) {
      int c = i % m.cols();
      v[i] = (v[i] / 255f - mean[c]) / std[c];
    }
    return new Matrix(v, m.rows(), m.cols());
  }

  record Run(int code, String output) {}

  static Run python(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(PYTHON));
    cmd.addAll(args);
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Run(127, e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Run(124, out + "\n(timed out)");
    }
    return new Run(p.exitValue(), out);
  }
}
