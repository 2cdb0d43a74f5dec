package io.sparkmlp.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opening and atomically writing the files of this package, with errors that name the file:
 * a missing or unreadable file is the caller's mistake (IllegalArgumentException); other I/O
 * failures stay UncheckedIOExceptions, with the path in the message.
 */
final class DataFiles {
  /**
   * rw-r--r--: what a file written with the usual umask 022 gets. A temporary file is created
   * 0600 (it is meant to be private), so without this every file renamed from one stays 0600.
   */
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");

  private DataFiles() {}

  /** Writes the content of a file through a channel. */
  @FunctionalInterface
  interface ChannelWriter {
    void write(FileChannel out) throws IOException;
  }

  /** Opens path for reading, or says in one line why it cannot be read. */
  static FileChannel openForReading(Path path) {
    if (Files.isDirectory(path)) {
      throw new IllegalArgumentException(path + ": is a directory, expected a file");
    }
    try {
      return FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(path + ": file does not exist"
          + (path.isAbsolute() ? "" : " (relative to " + Path.of("").toAbsolutePath() + ")"), e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(path + ": file cannot be read (permission denied)", e);
    } catch (IOException e) {
      throw failed(path, e);
    }
  }

  /**
   * Writes path atomically: the content goes to a temporary sibling that is renamed over path
   * once complete, so readers see the old file or the new one, never half of one. The file gets
   * mode 0644 where the file system has POSIX permissions.
   */
  static void writeAtomically(Path path, ChannelWriter writer) {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      if (Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(tmp, FILE_MODE);
      }
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        writer.write(out);
        out.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw failed(path, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed; that error is the one worth reporting.
        }
      }
    }
  }

  /** The caller's mistake in the file at name: "name: message". */
  static IllegalArgumentException bad(String name, String message, Object... args) {
    return new IllegalArgumentException(name + ": " + String.format(message, args));
  }

  /** Python's repr of a shape, as NumPy prints it: {@code (1000, 100)}, {@code (5,)}, (). */
  static String shapeText(long[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int k = 0; k < shape.length; k++) {
      b.append(k > 0 ? ", " : "").append(shape[k]);
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }

  /** An I/O failure that is not the caller's mistake, with the path in the message. */
  static UncheckedIOException failed(Path path, IOException e) {
    return new UncheckedIOException(path + ": " + e.getClass().getSimpleName() + ": "
        + e.getMessage(), e);
  }
}
