package io.sparkmlp.data;

import java.nio.ByteBuffer;

/**
 * The element types that the file readers ({@link Npy}, {@link Idx}) understand, each with its
 * size in bytes and a bulk decoder to float32. The byte order is the buffer's.
 */
enum ElementType {
  F4("f4", 4),
  F8("f8", 8),
  I1("i1", 1),
  I2("i2", 2),
  I4("i4", 4),
  I8("i8", 8),
  U1("u1", 1),
  U2("u2", 2),
  U4("u4", 4),
  U8("u8", 8),
  B1("b1", 1);

  /** The list that error messages offer when a file has some other type. */
  static final String SUPPORTED = "f4, f8, i1-i8, u1-u8, b1";

  /** NumPy's kind letter and size, e.g. {@code f8}. */
  final String code;
  final int size;

  ElementType(String code, int size) {
    this.code = code;
    this.size = size;
  }

  /** The type with NumPy code {@code kind + size} (e.g. "u2"), or null when none matches. */
  static ElementType ofCode(String code) {
    for (ElementType t : values()) {
      if (t.code.equals(code)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Decodes n elements starting at the buffer's position (in the buffer's byte order) into
   * dst[off, off+n) and advances the position by n * size.
   */
  void decode(ByteBuffer in, float[] dst, int off, int n) {
    int p = in.position();
    switch (this) {
      case F4 -> in.asFloatBuffer().get(dst, off, n);  // bulk copy, swaps bytes when needed
      case F8 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = (float) in.getDouble(p + 8 * i);
        }
      }
      case I1 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.get(p + i);
        }
      }
      case I2 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.getShort(p + 2 * i);
        }
      }
      case I4 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.getInt(p + 4 * i);
        }
      }
      case I8 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.getLong(p + 8 * i);
        }
      }
      case U1 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.get(p + i) & 0xFF;
        }
      }
      case U2 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.getShort(p + 2 * i) & 0xFFFF;
        }
      }
      case U4 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.getInt(p + 4 * i) & 0xFFFFFFFFL;
        }
      }
      case U8 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = unsignedToFloat(in.getLong(p + 8 * i));
        }
      }
      case B1 -> {
        for (int i = 0; i < n; i++) {
          dst[off + i] = in.get(p + i) != 0 ? 1f : 0f;
        }
      }
      default -> throw new AssertionError(this);
    }
    in.position(p + n * size);
  }

  /**
   * The float nearest to the unsigned 64-bit value v. Halving keeps the lowest bit as a sticky
   * bit, so rounding happens once, as in C's (float) of an unsigned long long.
   */
  static float unsignedToFloat(long v) {
    if (v >= 0) {
      return v;
    }
    return ((v >>> 1) | (v & 1)) * 2f;
  }
}
