package io.sparkmlp.spark.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A read-only {@link SeekableByteChannel} over a Hadoop input stream, so that the file readers
 * of the data package (which know nothing of Hadoop) can read any file system Hadoop can: local
 * files, HDFS, object stores. Closing the channel closes the stream.
 */
final class HadoopChannel implements SeekableByteChannel {
  /** Copy buffer for direct ByteBuffers, which Hadoop streams cannot all fill themselves. */
  private static final int COPY_BYTES = 1 << 16;

  private final FSDataInputStream in;
  private final long size;
  private byte[] copy;
  private boolean open = true;

  /** @param size the file's length, from its FileStatus */
  HadoopChannel(FSDataInputStream in, long size) {
    this.in = in;
    this.size = size;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (!dst.hasRemaining()) {
      return 0;
    }
    if (in.getPos() >= size) {
      return -1;
    }
    if (dst.hasArray()) {
      int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
      if (n > 0) {
        dst.position(dst.position() + n);
      }
      return n;
    }
    if (copy == null) {
      copy = new byte[COPY_BYTES];
    }
    int n = in.read(copy, 0, Math.min(copy.length, dst.remaining()));
    if (n > 0) {
      dst.put(copy, 0, n);
    }
    return n;
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return in.getPos();
  }

  /** Hadoop refuses to seek past the end; reads from there return -1, as for a file. */
  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    in.seek(Math.min(newPosition, size));
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    if (open) {
      open = false;
      in.close();
    }
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
