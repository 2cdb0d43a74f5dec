package io.sparkmlp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile model directories: every byte of every file flipped in turn and every
 * truncation must load as the same model or fail with an IllegalArgumentException naming the
 * file (for model.json, a file of the directory: a changed layer width is reported against
 * weights.bin, whose size no longer fits); never another exception, an OutOfMemoryError or a
 * hang.
 */
class DamagedModelFilesTest {
  private static final String[] FILES = {ModelFiles.MODEL_JSON, ModelFiles.WEIGHTS,
      ModelFiles.OPTIMIZER};

  @TempDir
  Path tmp;
  private Path dir;
  private SavedModel saved;

  @BeforeEach
  void save() {
    dir = tmp.resolve("m");
    saved = ModelFilesTest.goldenModel();
    ModelFiles.save(dir, saved);
  }

  @Test
  void everyFlippedBitLoadsTheSameModelOrFailsNamingTheFile() throws IOException {
    List<String> failures = new ArrayList<>();
    for (String name : FILES) {
      Path file = dir.resolve(name);
      byte[] good = Files.readAllBytes(file);
      for (int i = 0; i < good.length; i++) {
        for (int bit : new int[] {0x01, 0x80}) {
          byte[] bad = good.clone();
          bad[i] ^= (byte) bit;
          Files.write(file, bad);
          check(name, file, "byte " + i + " ^ " + bit, failures);
        }
      }
      Files.write(file, good);
    }
    assertTrue(failures.isEmpty(), failures.size() + " bad outcomes, first: " + failures);
  }

  @Test
  void everyTruncationFailsNamingTheFile() throws IOException {
    for (String name : FILES) {
      Path file = dir.resolve(name);
      byte[] good = Files.readAllBytes(file);
      for (int len = 0; len < good.length; len++) {
        Files.write(file, Arrays.copyOf(good, len));
        int at = len;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ModelFiles.load(dir), name + " cut to " + at + " bytes");
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
      }
      Files.write(file, good);
    }
  }

  @Test
  void hugeArrayLengthIsCheckedBeforeAllocating() throws IOException {
    Path file = dir.resolve(ModelFiles.WEIGHTS);
    byte[] b = Files.readAllBytes(file);
    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24, Integer.MAX_VALUE);
    Files.write(file, b);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFiles.load(dir));
    assertEquals(file + ": truncated or corrupt: array length 2147483647, but the file holds 48 "
        + "more bytes of values", e.getMessage());
  }

  @Test
  void linkToAnEndlessDeviceIsRefused() throws IOException {
    Path json = dir.resolve(ModelFiles.MODEL_JSON);
    Files.delete(json);
    Files.createSymbolicLink(json, Path.of("/dev/zero"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFiles.load(dir));
    assertEquals(json + ": not a regular file", e.getMessage());
  }

  @Test
  void fifoIsRefusedWithoutBlocking() throws Exception {
    Path weights = dir.resolve(ModelFiles.WEIGHTS);
    Files.delete(weights);
    Process p = new ProcessBuilder("mkfifo", weights.toString()).start();
    Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFiles.load(dir));
    assertEquals(weights + ": not a regular file", e.getMessage());
  }

  @Test
  void javaSerializedBytesAreNotAModel() throws IOException {
    Path json = dir.resolve(ModelFiles.MODEL_JSON);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new float[] {1f, 2f});
    }
    Files.write(json, bytes.toByteArray());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFiles.load(dir));
    assertEquals(json + ": not UTF-8 text", e.getMessage());
  }

  @Test
  void oversizedJsonIsRefused() throws IOException {
    Path json = dir.resolve(ModelFiles.MODEL_JSON);
    byte[] big = new byte[RegularFiles.MAX_TEXT_BYTES + 1];
    Arrays.fill(big, (byte) ' ');
    Files.write(json, big);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelFiles.load(dir));
    assertEquals(json + ": larger than " + RegularFiles.MAX_TEXT_BYTES + " bytes; not a "
        + "sparkmlp file", e.getMessage());
  }

  /**
   * One damaged load: the binary files carry a checksum, so they load identically or not at
   * all; model.json has none, so a flip may give another valid model (a different seed), but
   * any failure must still be an IllegalArgumentException that names the file.
   */
  private void check(String name, Path file, String what, List<String> failures) {
    String named = name.equals(ModelFiles.MODEL_JSON) ? dir.toString() : file.toString();
    SavedModel back;
    try {
      back = ModelFiles.load(dir);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().contains(named)) {
        failures.add(name + " " + what + ": message does not name " + named + ": "
            + e.getMessage());
      }
      return;
    } catch (RuntimeException | Error e) {
      failures.add(name + " " + what + ": " + e);
      return;
    }
    if (!name.equals(ModelFiles.MODEL_JSON)) {
      if (!Arrays.equals(saved.params(), back.params())
          || back.optimizerState().step() != saved.optimizerState().step()) {
        failures.add(name + " " + what + ": loaded a different model");
      }
    }
  }

  @Test
  void undamagedFilesLoadTheSavedModel() {
    SavedModel back = ModelFiles.load(dir);
    assertArrayEquals(saved.params(), back.params());
    if (back.optimizerState() == null) {
      fail("optimizer state was saved");
    }
  }
}
