package io.sparkmlp.data;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (recognised
 * by the gzip magic bytes 1f 8b, not by the file name).
 *
 * <p>An IDX file is 4 magic bytes {@code 00 00 type ndims}, ndims big-endian int32 sizes, then
 * the big-endian data in C order. Shape (n,) becomes an (n, 1) matrix; (n, d1, d2, ...) becomes
 * (n, d1*d2*...): MNIST images (n, 28, 28) of u8 become (n, 784) float32 holding the raw 0..255
 * pixel values, labels (n,) become (n, 1). Types: 0x08 u8, 0x09 i8, 0x0B i16, 0x0C i32,
 * 0x0D f32, 0x0E f64.
 *
 * <p>Every malformed file gives one IllegalArgumentException naming the file and what was
 * expected; a file that does not exist too.
 */
public final class Idx {
  /** The IDX type codes this reader supports, for error messages. */
  static final String SUPPORTED = "0x08 u8, 0x09 i8, 0x0B i16, 0x0C i32, 0x0D f32, 0x0E f64";

  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

  private Idx() {}

  /** Reads the IDX file at path; see the class comment for shapes and types. */
  public static Matrix read(String path) {
    return read(Path.of(path));
  }

  /** Reads the IDX file at path; see the class comment for shapes and types. */
  public static Matrix read(Path path) {
    String name = path.toString();
    try (FileChannel file = DataFiles.openForReading(path)) {
      boolean gzip = isGzip(file);
      return read(plain(file, gzip), name, gzip ? -1 : file.size());
    } catch (EOFException e) {
      throw DataFiles.bad(name, "file is truncated: the gzip stream ends early");
    } catch (ZipException e) {
      throw DataFiles.bad(name, "the gzip data is corrupt (%s)", e.getMessage());
    } catch (IOException e) {
      throw DataFiles.failed(path, e);
    }
  }

  /**
   * The row layout of the IDX file behind ch (plain or gzip), from its header, so that rows can
   * be read by range ({@link RowLayout#readRows}) without reading the whole file. A plain
   * file's size is checked against the header; a gzip file's cannot be without decompressing
   * it all, so a short gzip file fails only when its last rows are read.
   *
   * @param name how errors name the file
   */
  public static RowLayout layout(SeekableByteChannel ch, String name) throws IOException {
    try {
      boolean gzip = isGzip(ch);
      return header(plain(ch, gzip), name, gzip ? -1 : ch.size(), gzip, false);
    } catch (EOFException e) {
      throw DataFiles.bad(name, "file is truncated: the gzip stream ends early");
    } catch (ZipException e) {
      throw DataFiles.bad(name, "the gzip data is corrupt (%s)", e.getMessage());
    }
  }

  /** True when ch starts with the gzip magic bytes; leaves ch at position 0. */
  private static boolean isGzip(SeekableByteChannel ch) throws IOException {
    ByteBuffer first = ByteBuffer.allocate(2);
    ch.position(0);
    while (first.hasRemaining() && ch.read(first) >= 0) {
      // a channel may return fewer bytes than asked for
    }
    ch.position(0);
    return first.position() == 2 && first.get(0) == GZIP_MAGIC[0]
        && first.get(1) == GZIP_MAGIC[1];
  }

  /** The plain bytes of the file behind ch, decompressed when it is gzip. */
  private static ReadableByteChannel plain(SeekableByteChannel ch, boolean gzip)
      throws IOException {
    return gzip
        ? Channels.newChannel(new GZIPInputStream(Channels.newInputStream(ch), 1 << 16))
        : ch;
  }

  /** Reads from in, the plain bytes of the file; fileSize is -1 when they are decompressed. */
  private static Matrix read(ReadableByteChannel in, String name, long fileSize)
      throws IOException {
    RowLayout layout = header(in, name, fileSize, fileSize < 0, true);
    String where = fileSize < 0 ? " (after gzip decompression)" : "";
    int rows = (int) layout.rows();
    int cols = layout.cols();
    long dataBytes = rows * layout.rowBytes();
    String what = String.format("shape %s of %s = %s data bytes", layout.shapeText(),
        layout.typeName(), dataBytes);
    float[] values = new float[rows * cols];
    ElementReader reader = new ElementReader(in, layout.elementType(), ByteOrder.BIG_ENDIAN);
    if (reader.read(values, 0, values.length) < values.length) {
      throw sizeMismatch(name, what, dataBytes, reader.bytesRead(), where);
    }
    long extra = reader.drainRemaining();
    if (extra > 0) {
      throw sizeMismatch(name, what, dataBytes, dataBytes + extra, where);
    }
    return new Matrix(values, rows, cols);
  }

  /**
   * Reads and checks the header from in, the plain bytes of the file, leaving in at the data;
   * checks the data's size against fileSize unless it is -1. wholeMatrix: the whole array must
   * fit one Matrix (a range reader needs only a row to).
   */
  private static RowLayout header(ReadableByteChannel in, String name, long fileSize,
                                  boolean gzip, boolean wholeMatrix) throws IOException {
    String where = fileSize < 0 ? " (after gzip decompression)" : "";
    ByteBuffer magic = ByteBuffer.allocate(4);
    int n = readFully(in, magic);
    if (n == 0) {
      throw DataFiles.bad(name, "not an IDX file (the file is empty%s)", where);
    }
    if (n < 4 || magic.get(0) != 0 || magic.get(1) != 0) {
      throw DataFiles.bad(name, "not an IDX file (it starts with the bytes %s%s, expected "
          + "00 00 <type> <number of dimensions>)", hex(magic), where);
    }
    int typeCode = magic.get(2) & 0xFF;
    ElementType type = elementType(typeCode);
    if (type == null) {
      throw DataFiles.bad(name, "unsupported IDX element type 0x%02X (supported: %s)", typeCode,
          SUPPORTED);
    }
    int dims = magic.get(3) & 0xFF;
    if (dims == 0) {
      throw DataFiles.bad(name, "the IDX header has 0 dimensions, expected at least 1");
    }
    ByteBuffer sizes = ByteBuffer.allocate(4 * dims).order(ByteOrder.BIG_ENDIAN);
    int got = readFully(in, sizes);
    if (got < sizes.capacity()) {
      throw DataFiles.bad(name, "file is truncated: it ends inside the header, which should hold "
          + "%s dimension sizes%s", dims, where);
    }
    long[] shape = new long[dims];
    for (int k = 0; k < dims; k++) {
      shape[k] = sizes.getInt(4 * k) & 0xFFFFFFFFL;
    }
    long cols = 1;  // stops growing once too large, so it never overflows
    for (int k = 1; k < dims; k++) {
      cols *= shape[k];
      if (cols > Matrix.MAX_VALUES) {
        break;
      }
    }
    String shapeText = DataFiles.shapeText(shape);
    if (cols == 0 || cols > Matrix.MAX_VALUES
        || (wholeMatrix && shape[0] * cols > Matrix.MAX_VALUES)) {
      throw DataFiles.bad(name, "shape %s cannot be a Matrix (it needs at least one column and "
          + "at most %s elements)", shapeText, Matrix.MAX_VALUES);
    }
    long dataBytes = shape[0] * cols * type.size;
    String what = String.format("shape %s of %s = %s data bytes", shapeText, typeName(typeCode),
        dataBytes);
    long headerBytes = 4 + 4L * dims;
    // A plain file's size is known: check it before allocating what a broken header asks for.
    if (fileSize >= 0 && fileSize - headerBytes != dataBytes) {
      throw sizeMismatch(name, what, dataBytes, fileSize - headerBytes, where);
    }
    return new RowLayout(name, type, ByteOrder.BIG_ENDIAN, gzip, false, headerBytes, shape,
        typeName(typeCode));
  }

  private static IllegalArgumentException sizeMismatch(String name, String what, long dataBytes,
                                                       long actual, String where) {
    if (actual < dataBytes) {
      return DataFiles.bad(name, "file is truncated: header says %s, file has %s after the "
          + "header%s", what, actual, where);
    }
    return DataFiles.bad(name, "file has %s extra bytes after the data the header describes "
        + "(%s)%s", actual - dataBytes, what, where);
  }

  private static ElementType elementType(int code) {
    return switch (code) {
      case 0x08 -> ElementType.U1;
      case 0x09 -> ElementType.I1;
      case 0x0B -> ElementType.I2;
      case 0x0C -> ElementType.I4;
      case 0x0D -> ElementType.F4;
      case 0x0E -> ElementType.F8;
      default -> null;
    };
  }

  private static String typeName(int code) {
    return switch (code) {
      case 0x08 -> "u8";
      case 0x09 -> "i8";
      case 0x0B -> "i16";
      case 0x0C -> "i32";
      case 0x0D -> "f32";
      default -> "f64";
    };
  }

  /** Reads until dst is full or the stream ends; returns the bytes read. */
  private static int readFully(ReadableByteChannel in, ByteBuffer dst) throws IOException {
    while (dst.hasRemaining()) {
      if (in.read(dst) < 0) {
        break;
      }
    }
    return dst.position();
  }

  private static String hex(ByteBuffer b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < b.position(); i++) {
      s.append(i > 0 ? " " : "").append(String.format("%02x", b.get(i) & 0xFF));
    }
    return s.toString();
  }
}
