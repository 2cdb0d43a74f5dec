package io.sparkmlp.ml;

import io.sparkmlp.io.AtomicDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;
import scala.Option;

/**
 * Saves a model as Spark ML does (metadata/ with the class, uid and params, read back by
 * PipelineModel.load) plus the network as a plain sparkmlp model directory under
 * {@link MLPModel#NETWORK_DIR}: one format, which {@code Sequential.load} opens as well. The
 * directory is written locally, then copied through Hadoop's FileSystem, so the path may be
 * on any file system Spark can write (HDFS, S3, a local disk).
 */
final class MLPModelWriter extends MLWriter {
  private final MLPModel instance;

  MLPModelWriter(MLPModel instance) {
    this.instance = instance;
  }

  @Override
  public void saveImpl(String path) {
    // Spark ML's stage metadata (the metadata/ file that Pipeline and PipelineModel
    // persistence read to find a stage's class and params) is written and read only by
    // DefaultParamsWriter and DefaultParamsReader, private to Spark ML (private[ml], public in
    // the bytecode). The public DefaultParamsWritable/Readable cover stages without data and
    // without renamed params only; writing the format ourselves would copy an internal format
    // that Spark may change. So Spark's own is called, through
    // the SparkContext overload: the one Spark 3.5 and 4.x both have.
    DefaultParamsWriter.saveMetadata(instance, path, sc(), Option.empty(), Option.empty());
    java.nio.file.Path local = null;
    try {
      local = Files.createTempDirectory("sparkmlp-model");
      java.nio.file.Path dir = local.resolve(MLPModel.NETWORK_DIR);
      instance.network().save(dir);
      Path target = new Path(path, MLPModel.NETWORK_DIR);
      // A FileSystem of our own: turning checksums off on Hadoop's cached, shared instance
      // would turn them off for every later write in this JVM.
      try (FileSystem fs = FileSystem.newInstance(target.toUri(), sc().hadoopConfiguration())) {
        // A local target would otherwise get a .crc file beside each of the model's files.
        fs.setWriteChecksum(false);
        fs.copyFromLocalFile(false, true, new Path(dir.toUri()), target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the model to " + path + ": " + e.getMessage(),
          e);
    } finally {
      deleteQuietly(local);
    }
  }

  static void deleteQuietly(java.nio.file.Path dir) {
    if (dir != null) {
      try {
        AtomicDirectory.deleteRecursively(dir);
      } catch (IOException ignored) {
        // A leftover temporary directory is not worth failing the save or load for.
      }
    }
  }
}
