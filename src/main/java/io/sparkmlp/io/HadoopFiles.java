package io.sparkmlp.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The one place sparkmlp's io package talks to Hadoop's FileSystem: remote {@link Location}s
 * ({@code hdfs://}, {@code s3a://}, ...). Loaded only when such a location is used, so local
 * work never needs Hadoop on the class path. Errors name the location.
 */
public final class HadoopFiles {
  /** The prefix of Spark settings that are Hadoop settings. */
  private static final String SPARK_HADOOP = "spark.hadoop.";

  /** Set by the layer that owns the SparkContext; null until then, or outside Spark. */
  private static volatile Configuration configured;

  private HadoopFiles() {}

  /**
   * Hands io the Hadoop configuration to use from now on: the SparkContext's (with
   * {@code spark.hadoop.*} applied), given by the layer that owns the context (cli's session,
   * the Spark trainer, the Spark data loader) as it starts using it. io sits below the Spark
   * layer and imports nothing of Spark (docs/design.md, section 1), so it cannot look the
   * context up itself. Null forgets an earlier one.
   */
  public static void configure(Configuration conf) {
    configured = conf;
  }

  /**
   * The configuration given to {@link #configure}, else Hadoop's default one (core-site.xml and
   * hdfs-site.xml from the class path) with the {@code spark.hadoop.*} system properties that
   * spark-submit sets applied as Spark would, so that the config file, read before Spark starts,
   * sees the same settings.
   */
  public static Configuration configuration() {
    Configuration given = configured;
    if (given != null) {
      return given;
    }
    Configuration conf = new Configuration();
    for (String key : System.getProperties().stringPropertyNames()) {
      if (key.startsWith(SPARK_HADOOP) && key.length() > SPARK_HADOOP.length()) {
        conf.set(key.substring(SPARK_HADOOP.length()), System.getProperty(key));
      }
    }
    return conf;
  }

  static FileSystem fs(Location loc) throws IOException {
    return FileSystem.get(loc.uri(), configuration());
  }

  static Path path(Location loc) {
    return new Path(loc.uri());
  }

  /** The status at loc; null when nothing is there. */
  private static FileStatus status(Location loc) throws IOException {
    try {
      return fs(loc).getFileStatus(path(loc));
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  static boolean exists(Location loc) throws IOException {
    return status(loc) != null;
  }

  static boolean isDirectory(Location loc) throws IOException {
    FileStatus s = status(loc);
    return s != null && s.isDirectory();
  }

  static boolean isFile(Location loc) throws IOException {
    FileStatus s = status(loc);
    return s != null && s.isFile();
  }

  static long size(Location loc) throws IOException {
    FileStatus s = status(loc);
    if (s == null) {
      throw new NoSuchFileException(loc.toString());
    }
    return s.getLen();
  }

  static InputStream open(Location loc) throws IOException {
    FileStatus s = status(loc);
    if (s == null) {
      throw new NoSuchFileException(loc.toString());
    }
    if (s.isDirectory()) {
      throw new IOException(loc + ": is a directory");
    }
    return fs(loc).open(path(loc));
  }

  static void mkdirs(Location loc) throws IOException {
    if (!fs(loc).mkdirs(path(loc))) {
      throw new IOException("cannot create the directory " + loc);
    }
  }

  static void delete(Location loc) throws IOException {
    FileSystem fs = fs(loc);
    if (fs.exists(path(loc)) && !fs.delete(path(loc), true)) {
      throw new IOException("cannot delete " + loc);
    }
  }

  static void deleteFile(Location loc) throws IOException {
    FileSystem fs = fs(loc);
    if (fs.exists(path(loc)) && !fs.delete(path(loc), false)) {
      throw new IOException("cannot delete " + loc);
    }
  }

  /** Writes bytes to a hidden temporary sibling, then puts it in place of loc. */
  static void replace(Location loc, byte[] bytes) throws IOException {
    FileSystem fs = fs(loc);
    Location tmp = loc.sibling("." + loc.name() + ".tmp-" + Long.toHexString(System.nanoTime()));
    try {
      try (OutputStream out = fs.create(path(tmp), false)) {
        out.write(bytes);
      }
      // HDFS's rename does not replace a file: remove the old one first.
      fs.delete(path(loc), false);
      rename(fs, tmp, loc);
    } finally {
      fs.delete(path(tmp), false);
    }
  }

  /**
   * Creates the file at loc holding content, only if nothing is there: atomic on HDFS (the
   * NameNode refuses a second create of one path), best effort on object stores. False when
   * something is there already.
   */
  static boolean createExclusive(Location loc, String content) throws IOException {
    FileSystem fs = fs(loc);
    Location parent = loc.parent();
    if (parent != null) {
      fs.mkdirs(path(parent));
    }
    try (FSDataOutputStream out = fs.create(path(loc), false)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // Some file systems report an existing file with a plain IOException.
      if (fs.exists(path(loc))) {
        return false;
      }
      throw e;
    }
  }

  /** Asks the file system to remove loc when the JVM ends (also on SIGTERM), or not. */
  static void deleteOnExit(Location loc, boolean on) throws IOException {
    if (on) {
      fs(loc).deleteOnExit(path(loc));
    } else {
      fs(loc).cancelDeleteOnExit(path(loc));
    }
  }

  /**
   * Puts the local directory {@code filled} in place of {@code target}, atomically as far as
   * the file system allows: uploaded to a hidden temporary sibling, an existing target renamed
   * aside, the upload renamed into place, the old one removed last. On HDFS every rename is
   * atomic, so target holds the old content or the new one at every moment; on object stores
   * (s3a) a rename is a copy, and only the upload-then-rename order is kept.
   */
  static void publish(java.nio.file.Path filled, Location target) throws IOException {
    FileSystem fs = fs(target);
    Location parent = target.parent();
    if (parent == null) {
      throw new IOException(target + ": cannot write a directory over the root");
    }
    mkdirs(parent);
    String stamp = Long.toHexString(System.nanoTime());
    Location tmp = parent.resolve("." + target.name() + ".tmp-" + stamp);
    try {
      fs.copyFromLocalFile(false, true, new Path(filled.toUri()), path(tmp));
      if (fs.exists(path(target))) {
        Location old = parent.resolve("." + target.name() + ".old-" + stamp);
        rename(fs, target, old);
        rename(fs, tmp, target);
        fs.delete(path(old), true);
      } else {
        rename(fs, tmp, target);
      }
    } catch (IOException | RuntimeException e) {
      fs.delete(path(tmp), true);
      throw e;
    }
  }

  private static void rename(FileSystem fs, Location from, Location to) throws IOException {
    if (!fs.rename(path(from), path(to))) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }
}
