package io.sparkmlp.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An exclusive lock on a run's output directory (and so on its checkpoint and epoch log, which
 * are named after it), held for the run's whole life: a second run on the same output fails at
 * once instead of replacing the first's model or sharing its checkpoint. The lock is an OS file
 * lock on the sibling {@code <output>.lock}, released by the OS if the process dies, so a crash
 * never leaves a stale lock. The empty file stays: deleting it would let two later runs lock
 * two different files of the same name.
 *
 * <p>On a Hadoop file system ({@code hdfs://}, where creating a file that exists fails
 * atomically at the NameNode) the lock is the existence of {@code <output>.lock}, created
 * with overwrite off and holding the owner (host, process, time). It is removed when the run
 * ends, also when the JVM ends on a signal; only a run killed outright (SIGKILL, a lost
 * machine) leaves it behind, and the error then says how to remove it.
 */
public final class OutputLock implements AutoCloseable {
  public static final String SUFFIX = ".lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final Location remoteFile;

  private OutputLock(FileChannel channel, FileLock lock, Location remoteFile) {
    this.channel = channel;
    this.lock = lock;
    this.remoteFile = remoteFile;
  }

  /**
   * Locks {@code out}, a local path or a Hadoop URI, for this process.
   *
   * @throws IllegalArgumentException when another run holds it (a usage error: exit 2)
   */
  public static OutputLock acquire(Location out) {
    if (out.isLocal()) {
      return acquire(out.local());
    }
    Location file = out.sibling(out.name() + SUFFIX);
    try {
      String owner = ManagementFactory.getRuntimeMXBean().getName() + " since " + Instant.now();
      if (!HadoopFiles.createExclusive(file, owner + "\n")) {
        String holder;
        try {
          holder = Storage.readString(file).trim();
        } catch (IOException e) {
          holder = "unknown";
        }
        throw new IllegalArgumentException(file + " is locked (by " + holder + "): another "
            + "sparkmlp run is writing " + out + "; wait for it to end or choose another output; "
            + "if that run was killed, remove the lock: hdfs dfs -rm " + file);
      }
      HadoopFiles.deleteOnExit(file, true);
      return new OutputLock(null, null, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
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
      return new OutputLock(ch, lock, null);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (remoteFile != null) {
      try {
        HadoopFiles.deleteOnExit(remoteFile, false);
        HadoopFiles.delete(remoteFile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the lock " + remoteFile + ": "
            + e.getMessage(), e);
      }
      return;
    }
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
