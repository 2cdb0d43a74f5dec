package io.sparkmlp.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.model.Sequential;
import io.sparkmlp.nn.Activation;
import io.sparkmlp.nn.DenseSpec;
import io.sparkmlp.nn.LayerSpec;
import io.sparkmlp.nn.Network;
import io.sparkmlp.spark.source.Preprocessor;
import io.sparkmlp.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.Identifiable;

/**
 * A model directory written by {@code sparkmlp train} (model.json, weights.bin and
 * preprocessing.json, no Spark ML {@code metadata/}), opened as a Spark ML model. The CLI
 * scales and standardises features before the network sees them, x' = (x / (1/scale) - mean) /
 * std; that affine map is folded into the first Dense layer (kernel rows divided by
 * (1/scale)·std, the bias less Σ mean/std · kernel row), so the model reads the raw features
 * as {@code sparkmlp predict} does and saves as a plain network. The folded weights are
 * computed in double and rounded once to float: predictions agree with the CLI's to float
 * rounding, not bit for bit.
 */
final class CliModelDir {
  private CliModelDir() {}

  /** True when path holds model.json and no Spark ML metadata directory. */
  static boolean isOne(String path, Configuration conf) {
    try {
      Path dir = new Path(path);
      FileSystem fs = dir.getFileSystem(conf);
      return !fs.exists(new Path(dir, "metadata"))
          && fs.exists(new Path(dir, ModelFiles.MODEL_JSON));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The model of the directory, as type: a classifier's network must end in a softmax, a
   * regressor's must not. Its layers (and hidden activation, when all hidden layers share one)
   * are set as params; the other training params keep their defaults.
   */
  static <M extends MLPModel> M open(String path, Configuration conf, Class<M> type,
                                     BiFunction<String, Sequential, M> factory) {
    java.nio.file.Path local = null;
    Sequential network;
    try {
      local = Files.createTempDirectory("sparkmlp-cli-model");
      Path source = new Path(path);
      source.getFileSystem(conf).copyToLocalFile(false, source, new Path(local.toUri()), true);
      java.nio.file.Path dir = local.resolve(source.getName());
      if (!Files.isDirectory(dir)) {
        dir = local;
      }
      network = Sequential.load(dir);
      foldPreprocessing(network, dir.resolve(Preprocessor.FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model directory " + path + ": "
          + e.getMessage(), e);
    } finally {
      MLPModelWriter.deleteQuietly(local);
    }
    boolean classifier = type == MLPClassificationModel.class;
    boolean softmax = network.network().outputActivation() == Activation.SOFTMAX;
    if (classifier != softmax) {
      throw new IllegalArgumentException(String.format("%s: the network of %s ends in %s; "
          + "open it as %s", type.getSimpleName(), path,
          network.network().outputActivation().kerasName(), softmax
              ? MLPClassificationModel.class.getSimpleName()
              : MLPRegressionModel.class.getSimpleName()));
    }
    M model = factory.apply(Identifiable.randomUID(classifier ? "mlpc" : "mlpr"), network);
    setArchitecture(model, network.network());
    return model;
  }

  /** Folds preprocessing.json (when present) into the first Dense layer's weights. */
  static void foldPreprocessing(Sequential network, java.nio.file.Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    JsonNode pre = Json.json().readTree(Files.readString(file));
    double scale = pre.path("scale").asDouble(1.0);
    int d = network.network().inputDim();
    double[] mean = new double[d];
    double[] std = new double[d];
    java.util.Arrays.fill(std, 1.0);
    if (pre.path("mean").isArray()) {
      for (int c = 0; c < d; c++) {
        mean[c] = pre.path("mean").get(c).floatValue();
        std[c] = pre.path("std").get(c).floatValue();
      }
    }
    // The CLI divides by the float 1/scale (so 1/255 rounds as NumPy's x / 255 does).
    double divisor = scale == 1.0 ? 1.0 : (float) (1.0 / scale);
    Network net = network.network();
    int first = firstDense(net);
    DenseSpec dense = (DenseSpec) net.layers().get(first);
    int units = dense.units();
    int w = net.layout().kernelOffset(first);
    int b = net.layout().biasOffset(first);
    float[] p = network.params();
    double[] shift = new double[units];
    for (int c = 0; c < d; c++) {
      for (int j = 0; j < units; j++) {
        double k = p[w + c * units + j];
        shift[j] += mean[c] / std[c] * k;
        p[w + c * units + j] = (float) (k / (divisor * std[c]));
      }
    }
    if (b >= 0) {
      for (int j = 0; j < units; j++) {
        p[b + j] = (float) (p[b + j] - shift[j]);
      }
    } else if (java.util.Arrays.stream(shift).anyMatch(s -> s != 0)) {
      throw new IllegalArgumentException("the first Dense layer has no bias, so the "
          + "standardisation of " + file + " cannot be folded into it");
    }
  }

  private static int firstDense(Network net) {
    List<LayerSpec> layers = net.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i) instanceof DenseSpec) {
        return i;
      }
    }
    throw new IllegalArgumentException("the network has no Dense layer");
  }

  private static void setArchitecture(MLPModel model, Network net) {
    List<Integer> widths = new ArrayList<>(List.of(net.inputDim()));
    List<Activation> hidden = new ArrayList<>();
    List<DenseSpec> dense = net.layers().stream().filter(DenseSpec.class::isInstance)
        .map(DenseSpec.class::cast).toList();
    for (int i = 0; i < dense.size(); i++) {
      widths.add(dense.get(i).units());
      if (i < dense.size() - 1) {
        hidden.add(dense.get(i).activation());
      }
    }
    model.set(model.layers(), widths.stream().mapToInt(Integer::intValue).toArray());
    if (!hidden.isEmpty() && hidden.stream().distinct().count() == 1
        && MLPParamSet.ACTIVATIONS.contains(hidden.get(0).kerasName())) {
      model.set(model.activation(), hidden.get(0).kerasName());
    }
    if (model instanceof RegressorParams r) {
      String out = dense.get(dense.size() - 1).activation().kerasName();
      if (RegressorParams.OUTPUT_ACTIVATIONS.contains(out)) {
        r.set(r.outputActivation(), out);
      }
      String loss = net.loss().kerasName();
      if (RegressorParams.LOSSES.contains(loss)) {
        r.set(r.loss(), loss);
      }
    }
  }
}
