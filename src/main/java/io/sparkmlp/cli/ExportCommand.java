package io.sparkmlp.cli;

import io.sparkmlp.io.HadoopFiles;
import io.sparkmlp.io.Location;
import io.sparkmlp.io.ModelFiles;
import io.sparkmlp.io.SavedModel;
import io.sparkmlp.io.Storage;
import io.sparkmlp.spark.source.Preprocessor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sparkmlp export --model DIR --format npz --output model.npz}: the model as a NumPy
 * archive for Python ({@link NpzExport}: kernels and biases named as Keras names them, in
 * {@code get_weights()} order, with model.json and preprocessing.json inside), which
 * {@code python/sparkmlp_numpy.py} loads. Needs no Spark. The file is written atomically with
 * mode 0644, and an existing one is replaced only with {@code --overwrite}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a model in another format: npz (NumPy; see python/sparkmlp_numpy.py).")
final class ExportCommand implements Callable<Integer> {
  @Mixin
  ModelOption model;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "npz: one float32 kernel (n_in, n_out) and bias (n_out,) per Dense layer, "
          + "plus model.json and preprocessing.json")
  String format;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE",
      description = "the file to write: a path or Hadoop URI, e.g. model.npz")
  String output;

  @Option(names = "--overwrite", description = "replace an existing output file")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("npz")) {
      throw new IllegalArgumentException("--format '" + format + "' is not supported; "
          + "expected npz");
    }
    OutputFile file = OutputFile.open(output, HadoopFiles.configuration(), overwrite, "--output");
    SavedModel saved = ModelFiles.load(model.model);
    String modelJson = Storage.readString(model.model.resolve(ModelFiles.MODEL_JSON));
    Location pre = model.model.resolve(Preprocessor.FILE);
    // Read as the model is loaded, so a damaged file fails here and not in Python.
    Preprocessor.load(model.model);
    String preprocessingJson = Storage.exists(pre) ? Storage.readString(pre) : null;
    file.write(out -> NpzExport.write(out, saved, modelJson, preprocessingJson));
    System.out.println("wrote " + NpzExport.arrays(saved.layers(), saved.params()).size()
        + " arrays and the model's JSON to " + file.uri());
    return ExitCode.OK;
  }
}
