package io.sparkmlp.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * Decodes a stream of fixed-size elements into float32 through one reused buffer, so a file of
 * any size is read without holding its bytes in memory. Elements never straddle two reads: the
 * bytes of a partial element are carried over to the next chunk.
 */
final class ElementReader {
  /** Bytes per read; large enough that per-call overhead vanishes, small enough for L2. */
  static final int CHUNK_BYTES = 1 << 20;

  private final ReadableByteChannel in;
  private final ElementType type;
  private final ByteBuffer buf;
  private long bytesRead;

  /** A reader of elements of the given type and byte order from in, from its current position. */
  ElementReader(ReadableByteChannel in, ElementType type, ByteOrder order) {
    this(in, type, order, CHUNK_BYTES);
  }

  /**
   * As {@link #ElementReader(ReadableByteChannel, ElementType, ByteOrder)} with a buffer of at
   * most {@code bufferBytes} (at least one element): a reader of short runs reads ahead no
   * further than one run.
   */
  ElementReader(ReadableByteChannel in, ElementType type, ByteOrder order, int bufferBytes) {
    this.in = in;
    this.type = type;
    int bytes = Math.max(type.size, Math.min(bufferBytes, CHUNK_BYTES));
    this.buf = ByteBuffer.allocateDirect(bytes - bytes % type.size).order(order);
    this.buf.limit(0);
  }

  /** Forgets the bytes read ahead, for a caller that has just moved the channel's position. */
  void discardBuffered() {
    buf.limit(0);
  }

  /** Bytes this reader has taken from the channel so far. */
  long bytesRead() {
    return bytesRead;
  }

  /**
   * Reads up to n elements into dst[off, off+n) in stream order; returns how many were read,
   * fewer than n only when the stream ended.
   */
  int read(float[] dst, int off, int n) throws IOException {
    int done = 0;
    while (done < n) {
      if (buf.remaining() < type.size && !fill()) {
        break;
      }
      int k = Math.min(n - done, buf.remaining() / type.size);
      type.decode(buf, dst, off + done, k);
      done += k;
    }
    return done;
  }

  /**
   * Counts the bytes left in the stream (those buffered included), consuming them; 0 means the
   * stream ended exactly where the elements read so far ended.
   */
  long drainRemaining() throws IOException {
    long extra = buf.remaining();
    buf.clear();
    int r;
    while ((r = in.read(buf)) >= 0) {
      extra += r;
      bytesRead += r;
      buf.clear();
    }
    buf.limit(0);
    return extra;
  }

  /** Refills the buffer, keeping a partial element; false when no further bytes came. */
  private boolean fill() throws IOException {
    buf.compact();
    int before = buf.position();
    while (buf.hasRemaining()) {
      int r = in.read(buf);
      if (r < 0) {
        break;
      }
      bytesRead += r;
    }
    buf.flip();
    return buf.limit() > before && buf.remaining() >= type.size;
  }
}
