package io.sparkmlp.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Writes a directory all at once: the content goes to a hidden temporary sibling, which is
 * renamed into place only when complete. An existing directory is first renamed aside and
 * removed after the swap, so at every moment the path holds the old content or the new.
 * A remote directory ({@code hdfs://}, {@code s3a://}) is filled in a local scratch directory
 * first and then uploaded and renamed the same way ({@link HadoopFiles#publish}).
 */
public final class AtomicDirectory {
  private AtomicDirectory() {}

  /** Fills a directory. */
  @FunctionalInterface
  public interface Writer {
    void write(Path tmp) throws IOException;
  }

  /** Fills dir through writer, locally or, for a Hadoop URI, through a local scratch copy. */
  public static void write(Location dir, Writer writer) throws IOException {
    if (dir.isLocal()) {
      write(dir.local(), writer);
      return;
    }
    Path scratch = Files.createTempDirectory("sparkmlp-upload");
    try {
      Path filled = scratch.resolve(dir.name());
      Files.createDirectory(filled);
      writer.write(filled);
      HadoopFiles.publish(filled, dir);
    } finally {
      deleteRecursively(scratch);
    }
  }

  public static void write(Path dir, Writer writer) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    Path parent = target.getParent();
    Files.createDirectories(parent);
    String stamp = Long.toHexString(System.nanoTime());
    Path tmp = parent.resolve("." + target.getFileName() + ".tmp-" + stamp);
    Files.createDirectory(tmp);
    try {
      writer.write(tmp);
      if (Files.exists(target)) {
        Path old = parent.resolve("." + target.getFileName() + ".old-" + stamp);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
      } else {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | RuntimeException e) {
      deleteRecursively(tmp);
      throw e;
    }
  }

  /** Removes a file or directory tree if it exists. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(path, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
