package io.sparkmlp.io;

import static io.sparkmlp.testing.Expect.assertFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.Initializer;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.optim.OptimizerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model directory format: round trip, the golden files, and every way a load can fail. */
class ModelFilesTest {
  @TempDir
  Path tmp;

  /** The model the golden files in src/test/resources/golden-model hold: 3-2(tanh)-drop-2(softmax). */
  static SavedModel goldenModel() {
    List<LayerSpec> layers = List.of(
        new DenseSpec(3, 2, Activation.TANH, Initializer.HE_NORMAL, true, 0.01f),
        new DropoutSpec(2, 0.25f),
        new DenseSpec(2, 2, Activation.SOFTMAX, Initializer.GLOROT_UNIFORM, false, 0f));
    float[] params = new float[3 * 2 + 2 + 2 * 2];
    for (int i = 0; i < params.length; i++) {
      params[i] = (i - 5) * 0.125f;
    }
    float[][] slots = {params.clone(), new float[params.length]};
    return new SavedModel(layers, "categorical_crossentropy", "adam",
        Map.of("learning_rate", 0.001), List.of("accuracy"), 7L, params,
        new OptimizerState(3, slots));
  }

  @Test
  void roundTripKeepsEverything() {
    SavedModel m = goldenModel();
    Path dir = tmp.resolve("m");
    ModelFiles.save(dir, m);
    SavedModel back = ModelFiles.load(dir);
    assertEquals(m.layers(), back.layers());
    assertEquals(m.loss(), back.loss());
    assertEquals(m.optimizerName(), back.optimizerName());
    assertEquals(0.001, ((Number) back.optimizerConfig().get("learning_rate")).doubleValue());
    assertEquals(m.metrics(), back.metrics());
    assertEquals(7L, back.seed());
    assertArrayEquals(m.params(), back.params());
    assertEquals(3, back.optimizerState().step());
    assertArrayEquals(m.optimizerState().slot(0), back.optimizerState().slot(0));
  }

  @Test
  void goldenFilesStillLoadAndSaveByteForByte() throws IOException {
    Path golden = Path.of(System.getProperty("sparkmlp.fixtures", "src/test/resources"),
        "golden-model");
    SavedModel loaded = ModelFiles.load(golden);
    SavedModel expected = goldenModel();
    assertEquals(expected.layers(), loaded.layers());
    assertArrayEquals(expected.params(), loaded.params());
    assertEquals(expected.optimizerState().step(), loaded.optimizerState().step());
    Path again = tmp.resolve("again");
    ModelFiles.save(again, loaded);
    for (String f : List.of(ModelFiles.WEIGHTS, ModelFiles.OPTIMIZER, ModelFiles.MODEL_JSON)) {
      assertArrayEquals(Files.readAllBytes(golden.resolve(f)), Files.readAllBytes(again.resolve(f)),
          f + " changed: the on-disk format moved; bump FORMAT_VERSION and keep a reader");
    }
  }

  @Test
  void weightsFileLayoutIsDocumented() throws IOException {
    Path dir = tmp.resolve("layout");
    ModelFiles.save(dir, goldenModel());
    byte[] b = Files.readAllBytes(dir.resolve(ModelFiles.WEIGHTS));
    assertEquals("SMLPWGT\n", new String(b, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    assertEquals(1, bb.getInt(8));            // format version
    assertEquals(1, bb.getInt(20));           // one array
    assertEquals(12, bb.getInt(24));          // of 12 floats
    assertEquals(-5 * 0.125f, bb.getFloat(28));
    assertEquals(28 + 12 * 4 + 8, b.length);  // values, then the CRC32
  }

  @Test
  void truncatedWeightsAreReported() throws IOException {
    Path dir = tmp.resolve("t");
    ModelFiles.save(dir, goldenModel());
    Path w = dir.resolve(ModelFiles.WEIGHTS);
    byte[] b = Files.readAllBytes(w);
    Files.write(w, java.util.Arrays.copyOf(b, b.length - 13));
    assertFails(() -> ModelFiles.load(dir), "weights.bin", "truncated");
  }

  @Test
  void flippedByteFailsTheChecksum() throws IOException {
    Path dir = tmp.resolve("c");
    ModelFiles.save(dir, goldenModel());
    Path w = dir.resolve(ModelFiles.WEIGHTS);
    byte[] b = Files.readAllBytes(w);
    b[40] ^= 1;
    Files.write(w, b);
    assertFails(() -> ModelFiles.load(dir), "checksum");
  }

  @Test
  void weightCountMustMatchTheLayers() throws IOException {
    Path dir = tmp.resolve("n");
    ModelFiles.save(dir, goldenModel());
    Path json = dir.resolve(ModelFiles.MODEL_JSON);
    String text = Files.readString(json);
    // Three inputs instead of two for the last layer, and the Dropout before it: 2 more weights.
    Files.writeString(json, text.replace("\"input_dim\" : 2", "\"input_dim\" : 3")
        .replaceFirst("\"units\" : 2", "\"units\" : 3"));
    assertFails(() -> ModelFiles.load(dir), "weights.bin", "holds 12");
    // Layers that do not chain are reported against model.json.
    Files.writeString(json, text.replaceFirst("\"units\" : 2", "\"units\" : 4"));
    assertFails(() -> ModelFiles.load(dir), "model.json", "layer 1");
  }

  @Test
  void badJsonFieldsAreNamed() throws IOException {
    Path dir = tmp.resolve("j");
    ModelFiles.save(dir, goldenModel());
    Path json = dir.resolve(ModelFiles.MODEL_JSON);
    Files.writeString(json, Files.readString(json).replace("\"tanh\"", "\"tanhh\""));
    assertFails(() -> ModelFiles.load(dir), "config.layers[0]", "tanhh");
  }

  @Test
  void missingDirectoryOrFileIsNamed() throws IOException {
    assertFails(() -> ModelFiles.load(tmp.resolve("nope")), "nope");
    Path dir = tmp.resolve("w");
    ModelFiles.save(dir, goldenModel());
    Files.delete(dir.resolve(ModelFiles.WEIGHTS));
    assertFails(() -> ModelFiles.load(dir), "weights.bin");
  }

  @Test
  void failedSaveLeavesTheOldModelWhole() throws IOException {
    Path dir = tmp.resolve("atomic");
    ModelFiles.save(dir, goldenModel());
    byte[] before = Files.readAllBytes(dir.resolve(ModelFiles.WEIGHTS));
    assertThrows(IOException.class, () -> AtomicDirectory.write(dir, t -> {
      Files.writeString(t.resolve(ModelFiles.MODEL_JSON), "{half");
      throw new IOException("disk full");
    }));
    assertArrayEquals(before, Files.readAllBytes(dir.resolve(ModelFiles.WEIGHTS)));
    try (var listing = Files.list(tmp)) {
      assertFalse(listing.anyMatch(p -> p.getFileName().toString().contains(".tmp-")),
          "temporary directory removed");
    }
  }
}
