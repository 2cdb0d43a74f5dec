package io.sparkmlp.ml;

import io.sparkmlp.model.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BiFunction;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;

/**
 * Reads what {@link MLPModelWriter} wrote: the metadata (which must name the expected class),
 * the network directory copied to a local temporary directory and opened with
 * {@link Sequential#load}, then the params set on the new model. A directory without Spark
 * ML's metadata but with model.json is a {@code sparkmlp train} output: {@link CliModelDir}.
 */
final class MLPModelReader<M extends MLPModel> extends MLReader<M> {
  private final Class<M> type;
  private final BiFunction<String, Sequential, M> factory;

  MLPModelReader(Class<M> type, BiFunction<String, Sequential, M> factory) {
    this.type = type;
    this.factory = factory;
  }

  @Override
  public M load(String path) {
    if (CliModelDir.isOne(path, sc().hadoopConfiguration())) {
      return CliModelDir.open(path, sc().hadoopConfiguration(), type, factory);
    }
    // Spark ML's stage metadata (the metadata/ file that Pipeline and PipelineModel
    // persistence read to find a stage's class and params) is written and read only by
    // DefaultParamsWriter and DefaultParamsReader, private to Spark ML (private[ml], public in
    // the bytecode). The public DefaultParamsWritable/Readable cover stages without data and
    // without renamed params only; writing the format ourselves would copy an internal format
    // that Spark may change. So Spark's own is called, through
    // the SparkContext overload: the one Spark 3.5 and 4.x both have.
    DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sc(),
        type.getName());
    java.nio.file.Path local = null;
    Sequential network;
    try {
      local = Files.createTempDirectory("sparkmlp-model");
      java.nio.file.Path dir = local.resolve(MLPModel.NETWORK_DIR);
      Path source = new Path(path, MLPModel.NETWORK_DIR);
      FileSystem fs = source.getFileSystem(sc().hadoopConfiguration());
      if (!fs.exists(source)) {
        throw new IllegalArgumentException(String.format("%s holds no %s directory: it was not "
            + "written by %s.write()", path, MLPModel.NETWORK_DIR, type.getSimpleName()));
      }
      fs.copyToLocalFile(false, source, new Path(dir.toUri()), true);
      network = Sequential.load(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model at " + path + ": " + e.getMessage(),
          e);
    } finally {
      MLPModelWriter.deleteQuietly(local);
    }
    M model = factory.apply(metadata.uid(), network);
    RenamedParams.getAndSetParams(metadata, model);
    return model;
  }
}
