package io.sparkmlp.io;

import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.nn.Loss;
import io.sparkmlp.nn.Network;
import io.sparkmlp.nn.ParamLayout;
import io.sparkmlp.optim.OptimizerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model directory: {@code model.json} (architecture and compile settings with Keras's
 * names), {@code weights.bin} (flat float32 parameters) and, when saved for resuming,
 * {@code optimizer.bin} (step count and slots). Saving writes a temporary sibling and renames
 * it into place, so a crash leaves the old model or the new one, never half of one.
 */
public final class ModelFiles {
  public static final String MODEL_JSON = "model.json";
  public static final String WEIGHTS = "weights.bin";
  public static final String OPTIMIZER = "optimizer.bin";
  public static final String FORMAT = "sparkmlp-model";
  public static final int FORMAT_VERSION = 1;
  static final byte[] WEIGHTS_MAGIC = "SMLPWGT\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] OPTIMIZER_MAGIC = "SMLPOPT\n".getBytes(StandardCharsets.US_ASCII);

  private ModelFiles() {}

  /** Writes the model directory atomically, replacing an existing one at {@code dir}. */
  public static void save(Path dir, SavedModel model) {
    save(dir, model, Map.of());
  }

  /** As {@link #save(Location, SavedModel, Map)} for a local directory. */
  public static void save(Path dir, SavedModel model, Map<String, byte[]> extraFiles) {
    save(Location.of(dir), model, extraFiles);
  }

  /**
   * Writes the model directory atomically together with extra files (a checkpoint's training
   * state, a run's history and plot), so they are always from the same moment as the weights.
   * dir may be a local path or a Hadoop URI ({@code hdfs://nn:8020/models/fm}).
   */
  public static void save(Location dir, SavedModel model, Map<String, byte[]> extraFiles) {
    try {
      AtomicDirectory.write(dir, tmp -> {
        for (Map.Entry<String, byte[]> f : extraFiles.entrySet()) {
          Files.write(tmp.resolve(f.getKey()), f.getValue());
        }
        Files.writeString(tmp.resolve(MODEL_JSON), ModelJson.write(model));
        BinaryArrays.write(tmp.resolve(WEIGHTS), WEIGHTS_MAGIC, 0, model.params());
        OptimizerState s = model.optimizerState();
        if (s != null) {
          float[][] slots = new float[s.numSlots()][];
          for (int i = 0; i < slots.length; i++) {
            slots[i] = s.slot(i);
          }
          BinaryArrays.write(tmp.resolve(OPTIMIZER), OPTIMIZER_MAGIC, s.step(), slots);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Reads a model directory; every inconsistency is an error naming the file. */
  public static SavedModel load(Path dir) {
    return load(Location.of(dir));
  }

  /**
   * Reads a model directory, a local path or a Hadoop URI; every inconsistency is an error
   * naming the file.
   */
  public static SavedModel load(Location dir) {
    Location json = dir.resolve(MODEL_JSON);
    if (!isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such model directory");
    }
    try {
      ModelJson parsed;
      try {
        parsed = ModelJson.read(RegularFiles.readText(json, RegularFiles.MAX_TEXT_BYTES),
            json.toString());
      } catch (NoSuchFileException e) {
        throw new IllegalArgumentException(json + ": missing; not a sparkmlp model directory");
      }
      List<LayerSpec> layers = parsed.layerSpecs(json.toString());
      try {
        new Network(layers, Loss.byName(parsed.compileConfig().loss()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(json + ": " + e.getMessage(), e);
      }
      int expected = new ParamLayout(layers).size();
      BinaryArrays.Contents w = BinaryArrays.read(dir.resolve(WEIGHTS), WEIGHTS_MAGIC);
      if (w.arrays().length != 1 || w.arrays()[0].length != expected) {
        throw new IllegalArgumentException(dir.resolve(WEIGHTS) + ": holds "
            + (w.arrays().length == 1 ? w.arrays()[0].length : w.arrays().length + " arrays")
            + " floats but the layers in model.json need " + expected);
      }
      OptimizerState state = null;
      Location opt = dir.resolve(OPTIMIZER);
      if (Storage.exists(opt)) {
        BinaryArrays.Contents o = BinaryArrays.read(opt, OPTIMIZER_MAGIC);
        for (float[] slot : o.arrays()) {
          if (slot.length != expected) {
            throw new IllegalArgumentException(opt + ": a slot holds " + slot.length
                + " floats but the model has " + expected + " parameters");
          }
        }
        state = new OptimizerState(o.step(), o.arrays());
      }
      ModelJson.Compile c = parsed.compileConfig();
      return new SavedModel(layers, c.loss(), c.optimizer().className(),
          c.optimizer().config(), c.metrics(), parsed.seed(), w.arrays()[0], state);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(e.getFile() + ": missing from the model directory");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static boolean isDirectory(Location dir) {
    try {
      return Storage.isDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
    }
  }
}
