package io.sparkmlp.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a run's output directory (and so on its checkpoint and epoch log, which
 * are named after it), held for the run's whole life: a second run on the same output fails at
 * once instead of replacing the first's model or sharing its checkpoint. The lock is an OS file
 * lock on the sibling {@code <output>.lock}, released by the OS if the process dies, so a crash
 * never leaves a stale lock. The empty file stays: deleting it would let two later runs lock
 * two different files of the same name.
 */
public final class OutputLock implements AutoCloseable {
  public static final String SUFFIX = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code out} for this process.
   *
   * @throws IllegalArgumentException when another run holds it (a usage error: exit 2)
   */
  public static OutputLock acquire(Path out) {
    Path file = out.resolveSibling(out.getFileName() + SUFFIX);
    FileChannel ch = null;
    try {
      Files.createDirectories(file.getParent());
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;  // this JVM holds it already: another run in the same process
      }
      if (lock == null) {
        ch.close();
        throw new IllegalArgumentException(file + " is locked: another sparkmlp run is "
            + "writing " + out + "; wait for it to end or choose another output");
      }
      return new OutputLock(ch, lock);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException e) {
        // Nothing left to release.
      }
    }
  }
}
