package io.sparkmlp.cli;

import static io.sparkmlp.cli.CliTestSupport.cliExpect;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.sparkmlp.cli.CliTestSupport.Result;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.model.Dense;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.spark.source.Preprocessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sparkmlp export --format npz}: Keras's names and get_weights() order, kernels that
 * {@code x @ kernel + bias} uses as they are, the JSON files inside, and the guards every
 * written file has (no silent replacement, mode 0644, nothing left behind).
 */
class ExportCommandTest {
  @TempDir
  Path dir;

  @Test
  void archiveHoldsKerasNamedWeightsInGetWeightsOrderAndTheJson() throws IOException {
    Path model = TestModels.save(TestModels.classifier(3), dir.resolve("m"),
        new float[] {1, 2, 3, 4, 5, 6}, new float[] {1, 1, 2, 2, 3, 3});
    Path npz = dir.resolve("model.npz");
    cliExpect(0, "export", "--model", model.toString(), "--format", "npz",
        "--output", npz.toString());
    Map<String, byte[]> entries = entries(npz);
    List<String> expected = new ArrayList<>();
    for (String layer : List.of("dense", "dense_1", "dense_2", "dense_3", "dense_4", "dense_5",
        "dense_6", "dense_7", "dense_8")) {
      expected.add(layer + "/kernel.npy");
      if (!layer.equals("dense_2")) {  // the gelu layer has use_bias: false
        expected.add(layer + "/bias.npy");
      }
    }
    expected.addAll(List.of("model.json", "preprocessing.json"));
    assertEquals(expected, new ArrayList<>(entries.keySet()));
    assertArrayEquals(Files.readAllBytes(model.resolve(ModelFiles.MODEL_JSON)),
        entries.get("model.json"));
    assertArrayEquals(Files.readAllBytes(model.resolve(Preprocessor.FILE)),
        entries.get("preprocessing.json"));
    // Shapes as Keras gives them: kernel (n_in, n_out), bias (n_out,).
    assertEquals("(6, 7)", shape(entries.get("dense/kernel.npy")));
    assertEquals("(7,)", shape(entries.get("dense/bias.npy")));
    assertEquals("(5, 4)", shape(entries.get("dense_8/kernel.npy")));
    // The archive is the same bytes every time: stored entries, fixed time stamps.
    Path again = dir.resolve("again.npz");
    cliExpect(0, "export", "--model", model.toString(), "--format", "npz",
        "--output", again.toString());
    assertArrayEquals(Files.readAllBytes(npz), Files.readAllBytes(again));
  }

  @Test
  void kernelIsUsedAsItIs() throws IOException {
    // One linear layer: the outputs must be x @ kernel + bias, computed here in double.
    Sequential m = new Sequential().seed(9).add(new Dense(3).inputDim(4))
        .compile("mse", "sgd");
    float[] p = m.params();
    for (int i = 0; i < p.length; i++) {
      p[i] = (float) Math.sin(1.7 * i + 0.3);
    }
    Path model = dir.resolve("linear");
    m.save(model);
    Path npz = dir.resolve("linear.npz");
    cliExpect(0, "export", "--model", model.toString(), "--format", "npz",
        "--output", npz.toString());
    Map<String, byte[]> entries = entries(npz);
    assertEquals(List.of("dense/kernel.npy", "dense/bias.npy", "model.json",
        "preprocessing.json"), new ArrayList<>(entries.keySet()));
    assertEquals("{\"scale\":1.0,\"mean\":null,\"std\":null,\"one_hot_classes\":0}",
        new String(entries.get("preprocessing.json")));
    Matrix kernel = npy(entries.get("dense/kernel.npy"));
    Matrix bias = npy(entries.get("dense/bias.npy"));
    Matrix x = new Matrix(new float[] {1, -2, 0.5f, 3, 0, 1, -1, 2}, 2, 4);
    Matrix y = m.predict(x);
    for (int r = 0; r < 2; r++) {
      for (int j = 0; j < 3; j++) {
        double z = bias.values()[j];
        for (int i = 0; i < 4; i++) {
          z += (double) x.get(r, i) * kernel.get(i, j);
        }
        assertEquals(z, y.get(r, j), 1e-5, "row " + r + " output " + j);
      }
    }
  }

  @Test
  void refusesToReplaceWithoutOverwriteAndWritesMode0644() throws IOException {
    Path model = dir.resolve("m");
    TestModels.binary(1).save(model);
    Path npz = dir.resolve("out.npz");
    Files.writeString(npz, "precious");
    Result r = cliExpect(2, "export", "--model", model.toString(), "--format", "npz",
        "--output", npz.toString());
    assertEquals(List.of("sparkmlp: --output " + npz + " already exists; pass --overwrite to "
        + "replace it"), r.errLines());
    assertEquals("precious", Files.readString(npz));
    cliExpect(0, "export", "--model", model.toString(), "--format", "npz",
        "--output", npz.toString(), "--overwrite");
    assertTrue(entries(npz).containsKey("dense/kernel.npy"));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(npz)));
    try (Stream<Path> left = Files.list(dir)) {
      List<String> hidden = left.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".")).toList();
      assertEquals(List.of(), hidden, "temporary files left behind");
    }
    Result bad = cliExpect(2, "export", "--model", model.toString(), "--format", "h5",
        "--output", dir.resolve("x.h5").toString());
    assertEquals(1, bad.errLines().size(), bad::toString);
  }

  /** The archive's entries in order, name to bytes; every one stored, as np.savez writes. */
  private static Map<String, byte[]> entries(Path npz) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(npz.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
        out.put(e.getName(), zip.getInputStream(e).readAllBytes());
      }
    }
    return out;
  }

  private Matrix npy(byte[] bytes) throws IOException {
    Path f = Files.write(Files.createTempFile(dir, "entry", ".npy"), bytes);
    return Npy.read(f);
  }

  /** The shape in a .npy header, as NumPy prints it. */
  private static String shape(byte[] npy) {
    String header = new String(npy, 10, npy.length - 10, StandardCharsets.ISO_8859_1);
    int at = header.indexOf("'shape': ") + 9;
    return header.substring(at, header.indexOf(')', at) + 1);
  }
}
