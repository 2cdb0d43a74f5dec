package io.sparkmlp.cli;

import io.sparkmlp.data.Npy;
import io.sparkmlp.io.SavedModel;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.DropoutSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.nn.ParamLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model as a NumPy {@code .npz} archive, what {@code np.savez} writes (a zip of stored,
 * uncompressed .npy files), readable with {@code np.load} and no {@code allow_pickle}:
 *
 * <ul>
 *   <li>per Dense layer, in the order of Keras's {@code model.get_weights()}:
 *       {@code <layer>/kernel}, float32 (n_in, n_out), so that {@code x @ kernel + bias} is the
 *       layer's pre-activation, and {@code <layer>/bias}, float32 (n_out,), left out when the
 *       layer has {@code use_bias: false}. Layers are named as Keras names them:
 *       {@code dense}, {@code dense_1}, ... (Dropout layers, which hold no weights, count as
 *       {@code dropout}, {@code dropout_1}, ...).</li>
 *   <li>{@code model.json}: the model directory's model.json, as is (UTF-8 JSON; np.load gives
 *       its bytes).</li>
 *   <li>{@code preprocessing.json}: the preprocessing the model was trained with
 *       ({@code scale}, {@code mean}, {@code std}, {@code one_hot_classes}); the identity when
 *       the model directory has none.</li>
 * </ul>
 */
final class NpzExport {
  /** The preprocessing of a model trained without any. */
  public static final String IDENTITY_PREPROCESSING =
      "{\"scale\":1.0,\"mean\":null,\"std\":null,\"one_hot_classes\":0}";
  public static final String MODEL_JSON = "model.json";
  public static final String PREPROCESSING_JSON = "preprocessing.json";
  /** The time stamp of every entry: the earliest a zip can hold. */
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private NpzExport() {}

  /** The Keras name of every layer: dense, dense_1, ..., dropout, dropout_1, ... */
  public static List<String> layerNames(List<LayerSpec> layers) {
    Map<String, Integer> seen = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (LayerSpec l : layers) {
      String base = l instanceof DropoutSpec ? "dropout" : "dense";
      int n = seen.merge(base, 1, Integer::sum) - 1;
      names.add(n == 0 ? base : base + "_" + n);
    }
    return names;
  }

  /**
   * The arrays of the archive, in order: name (without .npy) to (shape, values). The kernel is
   * weights.bin's (n_in, n_out) row-major block as it is: no transpose is needed.
   */
  public static Map<String, Array> arrays(List<LayerSpec> layers, float[] params) {
    ParamLayout layout = new ParamLayout(layers);
    List<String> names = layerNames(layers);
    Map<String, Array> out = new LinkedHashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec d) {
        int k = layout.kernelOffset(i);
        out.put(names.get(i) + "/kernel", new Array(new long[] {d.inputDim(), d.units()},
            Arrays.copyOfRange(params, k, k + d.inputDim() * d.units())));
        if (d.useBias()) {
          int b = layout.biasOffset(i);
          out.put(names.get(i) + "/bias", new Array(new long[] {d.units()},
              Arrays.copyOfRange(params, b, b + d.units())));
        }
      }
    }
    return out;
  }

  /**
   * Writes the archive to out, which is left open.
   *
   * @param modelJson the text of the model directory's model.json
   * @param preprocessingJson the text of its preprocessing.json, or null for none
   */
  public static void write(OutputStream out, SavedModel model, String modelJson,
                           String preprocessingJson) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, Array> a : arrays(model.layers(), model.params()).entrySet()) {
      ByteArrayOutputStream npy = new ByteArrayOutputStream();
      Npy.write(npy, a.getValue().values(), a.getValue().shape());
      stored(zip, a.getKey() + ".npy", npy.toByteArray());
    }
    stored(zip, MODEL_JSON, modelJson.getBytes(StandardCharsets.UTF_8));
    stored(zip, PREPROCESSING_JSON, (preprocessingJson != null ? preprocessingJson
        : IDENTITY_PREPROCESSING).getBytes(StandardCharsets.UTF_8));
    zip.finish();
  }

  /** An uncompressed entry, as np.savez writes them. */
  private static void stored(ZipOutputStream zip, String name, byte[] bytes)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(bytes.length);
    e.setCompressedSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    e.setCrc(crc.getValue());
    e.setTimeLocal(FIXED_TIME);  // the same model gives the same bytes
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  /** One array of the archive: its shape and its values in C order. */
  public record Array(long[] shape, float[] values) {}
}
