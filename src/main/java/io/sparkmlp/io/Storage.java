package io.sparkmlp.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file operations sparkmlp needs, on a {@link Location}: java.nio for a local path (as
 * sparkmlp has always done, so local files keep their modes and messages), Hadoop's FileSystem
 * ({@link HadoopFiles}) for {@code hdfs://}, {@code s3a://} and any other Hadoop scheme. The
 * Hadoop configuration is the SparkContext's once the Spark layer has handed it over
 * ({@link HadoopFiles#configure}; so {@code spark.hadoop.*} settings apply), else Hadoop's
 * default one.
 */
public final class Storage {
  private Storage() {}

  /** True when something is at loc (a local link is followed). */
  public static boolean exists(Location loc) throws IOException {
    return loc.isLocal() ? Files.exists(loc.local()) : HadoopFiles.exists(loc);
  }

  /** True when anything is at loc, a dangling local link included. */
  public static boolean occupied(Location loc) throws IOException {
    return loc.isLocal() ? Files.exists(loc.local(), LinkOption.NOFOLLOW_LINKS)
        : HadoopFiles.exists(loc);
  }

  /** True when loc is a directory (a local link is followed). */
  public static boolean isDirectory(Location loc) throws IOException {
    return loc.isLocal() ? Files.isDirectory(loc.local()) : HadoopFiles.isDirectory(loc);
  }

  /** True when loc is a regular file (a local link is followed). */
  public static boolean isRegularFile(Location loc) throws IOException {
    return loc.isLocal() ? Files.isRegularFile(loc.local()) : HadoopFiles.isFile(loc);
  }

  /** The size of the file at loc in bytes. */
  public static long size(Location loc) throws IOException {
    return loc.isLocal() ? Files.size(loc.local()) : HadoopFiles.size(loc);
  }

  /**
   * Opens a file for reading.
   *
   * @throws java.nio.file.NoSuchFileException when there is nothing at loc
   */
  public static InputStream open(Location loc) throws IOException {
    return loc.isLocal() ? Files.newInputStream(loc.local()) : HadoopFiles.open(loc);
  }

  /**
   * The text of a file, strictly UTF-8.
   *
   * @throws java.nio.file.NoSuchFileException when there is nothing at loc
   * @throws CharacterCodingException when the file is not UTF-8
   */
  public static String readString(Location loc) throws IOException {
    if (loc.isLocal()) {
      return Files.readString(loc.local());
    }
    byte[] bytes;
    try (InputStream in = HadoopFiles.open(loc)) {
      bytes = in.readAllBytes();
    }
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes)).toString();
  }

  /**
   * Replaces the file at loc with text, creating its parent directories: written to a hidden
   * temporary sibling and renamed over it, so a reader sees the old text or the new one (on
   * HDFS, where a rename does not replace, the old file is removed just before the rename).
   */
  public static void replace(Location loc, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!loc.isLocal()) {
      HadoopFiles.replace(loc, bytes);
      return;
    }
    java.nio.file.Path target = loc.local().toAbsolutePath();
    Files.createDirectories(target.getParent());
    java.nio.file.Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-"
        + Long.toHexString(System.nanoTime()));
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Appends text to the file at loc, creating it. Locally one write with O_APPEND, so the
   * text lands whole; on Hadoop file systems, where appends are often unsupported, the file
   * is rewritten whole through {@link #replace}.
   */
  public static void append(Location loc, String text) throws IOException {
    if (loc.isLocal()) {
      Files.writeString(loc.local(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } else {
      String before = HadoopFiles.exists(loc) ? readString(loc) : "";
      HadoopFiles.replace(loc, (before + text).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Creates a directory and its parents. */
  public static void createDirectories(Location loc) throws IOException {
    if (loc.isLocal()) {
      Files.createDirectories(loc.local());
    } else {
      HadoopFiles.mkdirs(loc);
    }
  }

  /** Removes the file (or empty directory) at loc if there is one. */
  public static void deleteIfExists(Location loc) throws IOException {
    if (loc.isLocal()) {
      Files.deleteIfExists(loc.local());
    } else {
      HadoopFiles.deleteFile(loc);
    }
  }

  /** Removes the file or directory tree at loc if there is one. */
  public static void deleteRecursively(Location loc) throws IOException {
    if (loc.isLocal()) {
      AtomicDirectory.deleteRecursively(loc.local());
    } else {
      HadoopFiles.delete(loc);
    }
  }
}
