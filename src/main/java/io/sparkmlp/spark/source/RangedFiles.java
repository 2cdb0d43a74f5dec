package io.sparkmlp.spark.source;

import io.sparkmlp.data.Idx;
import io.sparkmlp.data.Matrix;
import io.sparkmlp.data.Npy;
import io.sparkmlp.data.RowLayout;
import io.sparkmlp.spark.Block;
import io.sparkmlp.spark.Shipped;
import io.sparkmlp.spark.TrainingBlocks;
import io.sparkmlp.util.Checks;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Blocks read by the executors from a pair of array files (features, targets) with row-range
 * layouts: the driver reads only the two headers and plans partition p's contiguous rows
 * [p·N/P, (p+1)·N/P); each task opens both files through Hadoop's FileSystem API and reads its
 * own rows. The tasks carry a range, the two file descriptors and a broadcast handle for the
 * Hadoop configuration, never rows. Shared by {@link NpySource} and {@link IdxSource}.
 */
final class RangedFiles {
  /** How a file's header is read. */
  enum Format {
    NPY, IDX;

    RowLayout layout(SeekableByteChannel ch, String name) throws IOException {
      return this == NPY ? Npy.layout(ch, name) : Idx.layout(ch, name);
    }
  }

  /** A file as the executors find it: its qualified path, length and row layout. */
  record File(String uri, long length, RowLayout layout) implements Serializable {}

  /** Partition p's rows [first, first + count): the only per-task data. */
  record Range(int partition, long first, int count) implements Serializable {}

  private RangedFiles() {}

  /**
   * Plans the ranges on the driver (reading the headers only) and returns the lazy blocks;
   * features are divided by xDivisor (1 leaves them as stored) as {@code Scaling.divide} does.
   */
  static JavaRDD<Block> blocks(JavaSparkContext jsc, Format format, String xPath, String yPath,
                               int numPartitions, float xDivisor) {
    Checks.argument(numPartitions >= 0, "numPartitions must be >= 0 (0: the default "
        + "parallelism), got %s", numPartitions);
    Checks.argument(Float.isFinite(xDivisor) && xDivisor != 0,
        "divisor must be finite and nonzero, got %s", xDivisor);
    Configuration conf = jsc.hadoopConfiguration();
    File x = open(conf, format, xPath);
    File y = open(conf, format, yPath);
    long n = x.layout().rows();
    Checks.argument(n == y.layout().rows(), "%s has %s rows but %s has %s; features and "
        + "targets need one row each", xPath, n, yPath, y.layout().rows());
    int p = numPartitions > 0 ? numPartitions : jsc.defaultParallelism();
    List<Range> ranges = plan(n, p);
    int most = ranges.stream().mapToInt(Range::count).max().orElse(0);
    int widest = Math.max(x.layout().cols(), y.layout().cols());
    Checks.argument((long) most * widest <= Matrix.MAX_VALUES, "%s: %s rows per partition of "
        + "%s values do not fit one block (at most %s values); use more than %s partitions",
        xPath, most, widest, Matrix.MAX_VALUES, p);
    // As Spark's own HadoopRDD does: one broadcast, so tasks carry a handle, not the config.
    // Nothing destroys it: Spark's ContextCleaner frees it once the blocks' lineage is gone
    // (TrainingBlocks.prepare cuts it), and a recomputed block needs it until then.
    Broadcast<SerializableConfiguration> hadoop = jsc.broadcast(
        new SerializableConfiguration(conf));
    // The ranges are records: shipped so that Kryo, when configured, can carry them.
    JavaRDD<Shipped<Range>> planned = jsc.parallelize(ranges.stream().map(Shipped::of)
        .toList(), p);
    return planned.mapPartitionsWithIndex((index, it) -> {
      Range r = it.next().get();
      Checks.state(r.partition() == index && !it.hasNext(), "partition %s did not get exactly "
          + "its own range", index);
      if (r.count() == 0) {  // more partitions than rows: skip opening (and decompressing)
        return Collections.singletonList(Block.empty(index, x.layout().cols(),
            y.layout().cols())).iterator();
      }
      Configuration c = hadoop.value().value();
      Matrix xs = read(c, x, r);
      Matrix ys = read(c, y, r);
      float[] v = xs.values();
      if (xDivisor != 1f) {
        for (int i = 0; i < v.length; i++) {
          v[i] /= xDivisor;  // divide, not multiply by 1/d: rounds as Scaling.divide does
        }
      }
      return Collections.singletonList(new Block(index, v, ys.values(), r.count(), xs.cols(),
          ys.cols())).iterator();
    }, true);
  }

  /** Contiguous ranges [p·n/P, (p+1)·n/P), as {@link MatrixSource} splits driver matrices. */
  static List<Range> plan(long n, int partitions) {
    Checks.positive(partitions, "partitions");
    List<Range> ranges = new ArrayList<>(partitions);
    for (int i = 0; i < partitions; i++) {
      long from = i * n / partitions;
      long to = (i + 1) * n / partitions;
      Checks.argument(to - from <= Integer.MAX_VALUE, "%s rows in %s partitions is more than "
          + "%s rows per partition", n, partitions, Integer.MAX_VALUE);
      ranges.add(new Range(i, from, (int) (to - from)));
    }
    return ranges;
  }

  /** Checks the file on the driver and reads its header. */
  private static File open(Configuration conf, Format format, String path) {
    Checks.argument(path != null && !path.isEmpty(), "file path is empty");
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(conf);
      Path q = fs.makeQualified(p);
      FileStatus status;
      try {
        status = fs.getFileStatus(q);
      } catch (FileNotFoundException e) {
        throw new IllegalArgumentException(path + ": " + missing(q) + ": " + display(q));
      }
      Checks.argument(!status.isDirectory(), "%s: is a directory, expected a file: %s", path,
          display(q));
      try (SeekableByteChannel ch = new HadoopChannel(fs.open(q), status.getLen())) {
        return new File(q.toString(), status.getLen(), format.layout(ch, path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getClass().getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** Reads a range of one file on an executor. */
  private static Matrix read(Configuration conf, File f, Range r) {
    Path p = new Path(f.uri());
    try {
      FileSystem fs = p.getFileSystem(conf);
      try (SeekableByteChannel ch = new HadoopChannel(fs.open(p), f.length())) {
        return f.layout().readRows(ch, r.first(), r.count());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(f.layout().name() + ": reading rows [" + r.first() + ", "
          + (r.first() + r.count()) + ") of " + f.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Why a path that Hadoop cannot find is missing: a local symbolic link whose target is
   * missing or that loops is named as such, not as "no such file".
   */
  private static String missing(Path qualified) {
    if ("file".equals(qualified.toUri().getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(qualified.toUri());
      if (java.nio.file.Files.isSymbolicLink(local)) {
        return "a symbolic link that leads nowhere (its target is missing, or links loop)";
      }
    }
    return "no such file";
  }

  /** A local file as a plain absolute path, anything else as its URI. */
  private static String display(Path qualified) {
    return "file".equals(qualified.toUri().getScheme()) ? qualified.toUri().getPath()
        : qualified.toString();
  }
}
