package io.sparkmlp.io;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The binary files of a model directory: an 8-byte magic, a little-endian int32 format
 * version, an int64 step (optimizer state; 0 for weights), int32 array count, then per array an
 * int32 length and that many little-endian float32 values, then a CRC32 of everything before
 * it as int64. Arrays are written in 64 KiB chunks; nothing goes through Java serialization.
 */
final class BinaryArrays {
  static final int VERSION = 1;
  private static final int CHUNK = 1 << 14;

  private BinaryArrays() {}

  static void write(Path file, byte[] magic, long step, float[]... arrays) throws IOException {
    CRC32 crc = new CRC32();
    try (OutputStream os = Files.newOutputStream(file);
         WritableByteChannel ch = Channels.newChannel(os)) {
      ByteBuffer head = ByteBuffer.allocate(8 + 4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
      head.put(magic).putInt(VERSION).putLong(step).putInt(arrays.length).flip();
      writeAll(ch, head, crc);
      ByteBuffer buf = ByteBuffer.allocate(4 * CHUNK).order(ByteOrder.LITTLE_ENDIAN);
      for (float[] a : arrays) {
        buf.clear();
        buf.putInt(a.length).flip();
        writeAll(ch, buf, crc);
        for (int i = 0; i < a.length; i += CHUNK) {
          int n = Math.min(CHUNK, a.length - i);
          buf.clear();
          buf.asFloatBuffer().put(a, i, n);
          buf.limit(4 * n);
          writeAll(ch, buf, crc);
        }
      }
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      tail.putLong(crc.getValue()).flip();
      while (tail.hasRemaining()) {
        ch.write(tail);
      }
    }
  }

  /**
   * The arrays of a file, checked: magic, version, counts, lengths and CRC. Every length is
   * checked against the bytes the file still holds before anything is allocated, so a damaged
   * header ends in an error naming the file, never in an OutOfMemoryError.
   */
  static Contents read(Location file, byte[] magic) throws IOException {
    String name = file.toString();
    long remaining = RegularFiles.size(file) - 24;
    CRC32 crc = new CRC32();
    try (InputStream raw = Storage.open(file);
         DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      byte[] head = readBytes(in, 24, name, crc);
      ByteBuffer hb = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
      byte[] got = new byte[8];
      hb.get(got);
      if (!java.util.Arrays.equals(got, magic)) {
        throw new IllegalArgumentException(name + ": not a sparkmlp " + new String(magic,
            java.nio.charset.StandardCharsets.US_ASCII).trim() + " file (wrong magic bytes)");
      }
      int version = hb.getInt();
      if (version != VERSION) {
        throw new IllegalArgumentException(name + ": format version " + version
            + " is not supported; this sparkmlp reads version " + VERSION);
      }
      long step = hb.getLong();
      int count = hb.getInt();
      if (count < 0 || count > 64) {
        throw new IllegalArgumentException(name + ": corrupt header (array count " + count + ")");
      }
      float[][] arrays = new float[count][];
      for (int a = 0; a < count; a++) {
        int len = ByteBuffer.wrap(readBytes(in, 4, name, crc)).order(ByteOrder.LITTLE_ENDIAN)
            .getInt();
        remaining -= 4;
        // What is left must hold this array and the 8-byte checksum.
        if (len < 0 || 4L * len > remaining - 8) {
          throw new IllegalArgumentException(name + ": truncated or corrupt: array length "
              + len + ", but the file holds " + Math.max(0, remaining - 8)
              + " more bytes of values");
        }
        remaining -= 4L * len;
        arrays[a] = new float[len];
        for (int i = 0; i < len; i += CHUNK) {
          int n = Math.min(CHUNK, len - i);
          ByteBuffer.wrap(readBytes(in, 4 * n, name, crc)).order(ByteOrder.LITTLE_ENDIAN)
              .asFloatBuffer().get(arrays[a], i, n);
        }
      }
      long expected = ByteBuffer.wrap(readBytes(in, 8, name, null))
          .order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (expected != crc.getValue()) {
        throw new IllegalArgumentException(name + ": checksum mismatch; the file is corrupt");
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException(name + ": unexpected bytes after the checksum");
      }
      return new Contents(step, arrays);
    }
  }

  record Contents(long step, float[][] arrays) {}

  private static void writeAll(WritableByteChannel ch, ByteBuffer b, CRC32 crc)
      throws IOException {
    crc.update(b.duplicate());
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static byte[] readBytes(DataInputStream in, int n, String name, CRC32 crc)
      throws IOException {
    byte[] b = new byte[n];
    try {
      in.readFully(b);
    } catch (EOFException e) {
      throw new IllegalArgumentException(name + ": file is truncated");
    }
    if (crc != null) {
      crc.update(b);
    }
    return b;
  }
}
