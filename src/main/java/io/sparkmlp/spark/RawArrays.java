package io.sparkmlp.spark;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes float and double arrays as raw little-endian bytes in bulk, for the arrays that
 * travel in every step. Java serialization writes a float[] one element at a time
 * ({@code Bits.putFloat}): a JFR profile of a 64-partition step spent half the executors'
 * samples there. A null array is written as length -1.
 */
final class RawArrays {
  /** Bytes converted per chunk: the temporary buffer stays small. */
  private static final int CHUNK = 1 << 16;

  private RawArrays() {}

  static void writeFloats(DataOutput out, float[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a == null) {
      return;
    }
    byte[] buf = new byte[Math.min(CHUNK, a.length * Float.BYTES)];
    ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off < a.length; ) {
      int n = Math.min(buf.length / Float.BYTES, a.length - off);
      bytes.clear();
      bytes.asFloatBuffer().put(a, off, n);
      out.write(buf, 0, n * Float.BYTES);
      off += n;
    }
  }

  static float[] readFloats(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    float[] a = new float[length];
    byte[] buf = new byte[Math.min(CHUNK, length * Float.BYTES)];
    ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off < length; ) {
      int n = Math.min(buf.length / Float.BYTES, length - off);
      in.readFully(buf, 0, n * Float.BYTES);
      bytes.clear();
      bytes.asFloatBuffer().get(a, off, n);
      off += n;
    }
    return a;
  }

  static void writeDoubles(DataOutput out, double[] a) throws IOException {
    out.writeInt(a == null ? -1 : a.length);
    if (a == null) {
      return;
    }
    byte[] buf = new byte[Math.min(CHUNK, a.length * Double.BYTES)];
    ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off < a.length; ) {
      int n = Math.min(buf.length / Double.BYTES, a.length - off);
      bytes.clear();
      bytes.asDoubleBuffer().put(a, off, n);
      out.write(buf, 0, n * Double.BYTES);
      off += n;
    }
  }

  static double[] readDoubles(DataInput in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    double[] a = new double[length];
    byte[] buf = new byte[Math.min(CHUNK, length * Double.BYTES)];
    ByteBuffer bytes = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off < length; ) {
      int n = Math.min(buf.length / Double.BYTES, length - off);
      in.readFully(buf, 0, n * Double.BYTES);
      bytes.clear();
      bytes.asDoubleBuffer().get(a, off, n);
      off += n;
    }
    return a;
  }
}
