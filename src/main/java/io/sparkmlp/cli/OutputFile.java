package io.sparkmlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * The one file a command writes ({@code predict}'s predictions, {@code export}'s archive),
 * through Hadoop's FileSystem so that {@code hdfs://} and {@code s3a://} targets work as local
 * paths do. The content goes to a hidden sibling first and is renamed into place only when
 * complete: a failed run leaves the old file (or nothing), never half a file. An existing
 * target is replaced only when asked, and the file gets mode 0644 where the file system keeps
 * permissions.
 *
 * <p>Local paths go through Hadoop's raw local file system, which writes no {@code .crc} side
 * files next to the target.
 */
final class OutputFile {
  /** rw-r--r--, as a file written with the usual umask 022. */
  static final FsPermission MODE = new FsPermission((short) 0644);

  /** Writes the content of the file. */
  @FunctionalInterface
  interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** Writes a Spark output directory (one part file) at the location given. */
  @FunctionalInterface
  interface SparkWrite {
    void write(String directory);
  }

  private final FileSystem fs;
  private final Path target;
  private final String name;
  private final boolean overwrite;

  private OutputFile(FileSystem fs, Path target, String name, boolean overwrite) {
    this.fs = fs;
    this.target = target;
    this.name = name;
    this.overwrite = overwrite;
  }

  /**
   * The file at location (a local path or a Hadoop URI), refusing at once when it exists and
   * overwrite is off, before any work is done.
   *
   * @param option how messages name the location, e.g. "--output"
   */
  static OutputFile open(String location, Configuration conf, boolean overwrite, String option) {
    Path path = new Path(location);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (fs instanceof LocalFileSystem local) {
        fs = local.getRawFileSystem();
      }
      Path qualified = fs.makeQualified(path);
      OutputFile file = new OutputFile(fs, qualified, location, overwrite);
      if (!overwrite && fs.exists(qualified)) {
        throw new IllegalArgumentException(option + " " + location + " already exists; pass "
            + "--overwrite to replace it");
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(location + ": " + e.getMessage(), e);
    }
  }

  /** The target, fully qualified (file:/..., hdfs://...). */
  URI uri() {
    return target.toUri();
  }

  /** Writes the file from content, atomically. */
  void write(Content content) {
    Path tmp = sibling("tmp");
    try {
      try {
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, false)) {
          content.write(out);
        }
        replaceWith(tmp);
      } finally {
        fs.delete(tmp, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Lets Spark write a directory of one part file (coalesce(1) first) into a hidden sibling,
   * then moves that part file to the target and removes the directory: readers that expect a
   * file (pandas.read_csv, pandas.read_parquet) get one.
   *
   * @param extension the part file's name ends in it: ".csv", ".parquet"
   */
  void writeFromSpark(SparkWrite write, String extension) {
    Path dir = sibling("tmp");
    try {
      try {
        write.write(dir.toString());
        List<Path> parts = new ArrayList<>();
        for (FileStatus s : fs.listStatus(dir)) {
          String n = s.getPath().getName();
          if (s.isFile() && n.startsWith("part-") && n.endsWith(extension)) {
            parts.add(s.getPath());
          }
        }
        if (parts.size() != 1) {
          throw new IllegalStateException("Spark wrote " + parts.size() + " part files to "
              + dir + "; expected exactly one");
        }
        replaceWith(parts.get(0));
      } finally {
        fs.delete(dir, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves a complete file to the target. An existing target (a file, or the directory an older
   * version of predict wrote) is renamed aside first and removed after the swap.
   */
  private void replaceWith(Path complete) throws IOException {
    try {
      fs.setPermission(complete, MODE);
    } catch (UnsupportedOperationException e) {
      // Object stores keep no permissions; the file is written all the same.
    }
    Path old = null;
    if (fs.exists(target)) {
      if (!overwrite) {  // appeared while the job ran
        throw new IllegalArgumentException(name + " already exists; pass --overwrite to "
            + "replace it");
      }
      old = sibling("old");
      rename(target, old);
    }
    rename(complete, target);
    if (old != null) {
      fs.delete(old, true);
    }
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  /** A hidden sibling of the target, unique to this write. */
  private Path sibling(String kind) {
    return new Path(target.getParent(), "." + target.getName() + "." + kind + "-"
        + Long.toHexString(System.nanoTime()));
  }
}
