package io.sparkmlp.data;

import io.sparkmlp.util.Checks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} files as float32 {@link Matrix} objects.
 *
 * <p>Reading accepts format versions 1.0, 2.0 and 3.0, the element types f4, f8, i1-i8, u1-u8
 * and b1 in either byte order, and C or Fortran order. An array of shape (n,) becomes an (n, 1)
 * matrix; (n, d1, d2, ...) becomes (n, d1*d2*...) with the trailing dimensions flattened in C
 * order, whatever the file's memory order; a 0-d array becomes (1, 1). Values are converted to
 * float32 as NumPy's {@code astype('f4')} does; NaN and infinity pass through (see
 * {@link DataChecks#requireFinite}). The data is streamed through a small buffer.
 *
 * <p>Every malformed file gives one IllegalArgumentException naming the file and what was
 * expected; a file that does not exist too.
 */
public final class Npy {
  /** The dtype that {@link #write} stores: little-endian float32. */
  public static final String WRITE_DESCR = "<f4";
  /** Elements per step when reordering a Fortran-order file. */
  private static final int FORTRAN_CHUNK = 1 << 16;

  private Npy() {}

  /** Reads the array in the .npy file at path; see the class comment for shapes and types. */
  public static Matrix read(String path) {
    return read(Path.of(path));
  }

  /** Reads the array in the .npy file at path; see the class comment for shapes and types. */
  public static Matrix read(Path path) {
    String name = path.toString();
    try (FileChannel ch = DataFiles.openForReading(path)) {
      NpyHeader h = NpyHeader.read(ch, name);
      long dataBytes = dataBytes(h, name);
      checkSize(h, name, dataBytes, ch.size() - h.dataOffset());
      long[] shape = h.shape();
      int rows = shape.length == 0 ? 1 : (int) shape[0];
      int cols = (int) trailingProduct(shape);
      float[] values = new float[rows * cols];
      ElementReader in = new ElementReader(ch, h.type(), h.order());
      int got = h.fortranOrder() && shape.length > 1
          ? readFortran(in, shape, cols, values)
          : in.read(values, 0, values.length);
      if (got < values.length) {
        throw truncated(h, name, dataBytes, in.bytesRead());
      }
      return new Matrix(values, rows, cols);
    } catch (IOException e) {
      throw DataFiles.failed(path, e);
    }
  }

  /**
   * The row layout of the .npy file behind ch, from its header, so that rows can be read by
   * range ({@link RowLayout#readRows}) without reading the whole file. Checks the header and
   * that the file's size matches it. C and Fortran order both read by range: a Fortran-order
   * array stores each column contiguously, so a range of rows is one contiguous run per column.
   *
   * @param name how errors name the file
   */
  public static RowLayout layout(SeekableByteChannel ch, String name) throws IOException {
    NpyHeader h = NpyHeader.read(ch, name);
    long[] shape = h.shape();
    long cols;
    long dataBytes;
    try {
      cols = trailingProduct(shape);
      dataBytes = Math.multiplyExact(h.elementCount(), h.type().size);
    } catch (ArithmeticException e) {
      throw DataFiles.bad(name, "shape %s is too large", h.shapeText());
    }
    if (shape.length > 1 && cols == 0) {
      throw DataFiles.bad(name, "shape %s has no columns (the dimensions after the first "
          + "multiply to 0); a Matrix needs at least one", h.shapeText());
    }
    if (cols > Matrix.MAX_VALUES) {
      throw DataFiles.bad(name, "shape %s has rows of %s values, more than the %s one Matrix "
          + "can hold", h.shapeText(), cols, Matrix.MAX_VALUES);
    }
    // With one column or one row, Fortran order lays the values out as C order does.
    boolean fortran = h.fortranOrder() && cols > 1 && shape[0] > 1;
    checkSize(h, name, dataBytes, ch.size() - h.dataOffset());
    return new RowLayout(name, h.type(), h.order(), false, fortran, h.dataOffset(), shape,
        h.descr());
  }

  /** Writes m as a version 1.0, {@code <f4}, C-order array of shape (rows, cols), atomically. */
  public static void write(String path, Matrix m) {
    write(Path.of(path), m);
  }

  /** Writes m as a version 1.0, {@code <f4}, C-order array of shape (rows, cols), atomically. */
  public static void write(Path path, Matrix m) {
    write(path, m, false);
  }

  /**
   * Writes m as {@code <f8} (each float widened exactly), as NumPy's default float64 arrays
   * are stored; the founding example's x_train.npy and y_train.npy have this dtype.
   */
  public static void writeFloat64(Path path, Matrix m) {
    write(path, m, true);
  }

  /**
   * Writes m as a version 1.0, {@code <f4}, C-order .npy to out (a zip entry, a Hadoop
   * stream), which stays open: the bytes {@link #write(Path, Matrix)} puts in a file.
   */
  public static void write(OutputStream out, Matrix m) throws IOException {
    write(out, m.values(), m.rows(), m.cols());
  }

  /**
   * Writes values as a version 1.0, {@code <f4}, C-order .npy array of the given shape to out,
   * which stays open: {@code (n,)} for a vector, {@code (rows, cols)} for a matrix.
   */
  public static void write(OutputStream out, float[] values, long... shape) throws IOException {
    long count = 1;
    for (long d : shape) {
      Checks.argument(d >= 0, "shape %s has a negative dimension", DataFiles.shapeText(shape));
      count *= d;
    }
    Checks.argument(count == values.length, "shape %s holds %s values, got %s",
        DataFiles.shapeText(shape), count, values.length);
    writeTo(Channels.newChannel(out), values, shape, false);
  }

  private static void write(Path path, Matrix m, boolean float64) {
    DataFiles.writeAtomically(path, out -> writeTo(out, m.values(),
        new long[] {m.rows(), m.cols()}, float64));
  }

  private static void writeTo(WritableByteChannel out, float[] values, long[] shape,
                              boolean float64) throws IOException {
    byte[] header = NpyHeader.encodeV1(float64 ? "<f8" : WRITE_DESCR, shape);
    int width = float64 ? Double.BYTES : Float.BYTES;
    writeFully(out, ByteBuffer.wrap(header));
    ByteBuffer buf = ByteBuffer.allocate(ElementReader.CHUNK_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int off = 0; off < values.length; ) {
      int k = Math.min(values.length - off, buf.capacity() / width);
      buf.clear();
      for (int i = 0; i < k; i++) {
        if (float64) {
          buf.putDouble(values[off + i]);
        } else {
          buf.putFloat(values[off + i]);
        }
      }
      buf.flip();
      writeFully(out, buf);
      off += k;
    }
  }

  /** Bytes of data the header promises, after checking the shape fits one Matrix. */
  private static long dataBytes(NpyHeader h, String name) {
    long[] shape = h.shape();
    long count;
    try {
      count = h.elementCount();
    } catch (ArithmeticException e) {
      throw DataFiles.bad(name, "shape %s is too large", h.shapeText());
    }
    if (shape.length > 1 && trailingProduct(shape) == 0) {
      throw DataFiles.bad(name, "shape %s has no columns (the dimensions after the first "
          + "multiply to 0); a Matrix needs at least one", h.shapeText());
    }
    if (count > Matrix.MAX_VALUES || (shape.length > 0 && shape[0] > Matrix.MAX_VALUES)) {
      throw DataFiles.bad(name, "shape %s has %s elements, more than the %s one Matrix can hold",
          h.shapeText(), count, Matrix.MAX_VALUES);
    }
    return count * h.type().size;
  }

  /** Fails unless the file holds exactly the dataBytes the header promises after it. */
  private static void checkSize(NpyHeader h, String name, long dataBytes, long after) {
    if (after < dataBytes) {
      throw truncated(h, name, dataBytes, after);
    }
    if (after > dataBytes) {
      throw DataFiles.bad(name, "file has %s extra bytes after the data the header describes "
          + "(shape %s of %s = %s data bytes)", after - dataBytes, h.shapeText(), h.descr(),
          dataBytes);
    }
  }

  /** The product of every dimension after the first: 1 for 0-d and 1-D shapes. */
  private static long trailingProduct(long[] shape) {
    long p = 1;
    for (int k = 1; k < shape.length; k++) {
      p = Math.multiplyExact(p, shape[k]);
    }
    return p;
  }

  /**
   * Reads Fortran-order data (first index fastest) into C order. Element p of the file has
   * row p % d0 and, for the trailing dimensions, Fortran-linear index p / d0, which a table
   * maps to the C-linear column.
   */
  private static int readFortran(ElementReader in, long[] shape, int cols, float[] values)
      throws IOException {
    int rows = (int) shape[0];
    int[] column = fortranToC(shape, cols);
    float[] chunk = new float[FORTRAN_CHUNK];
    int row = 0;
    int q = 0;
    int done = 0;
    while (done < values.length) {
      int got = in.read(chunk, 0, Math.min(chunk.length, values.length - done));
      for (int i = 0; i < got; i++) {
        values[row * cols + column[q]] = chunk[i];
        if (++row == rows) {
          row = 0;
          q++;
        }
      }
      done += got;
      if (got == 0) {
        break;
      }
    }
    return done;
  }

  /** For the dimensions after the first: Fortran-linear index to C-linear index. */
  static int[] fortranToC(long[] shape, int cols) {
    int dims = shape.length - 1;
    int[] cStride = new int[dims];
    int stride = 1;
    for (int k = dims - 1; k >= 0; k--) {
      cStride[k] = stride;
      stride *= (int) shape[k + 1];
    }
    int[] index = new int[dims];
    int[] map = new int[cols];
    for (int q = 0; q < cols; q++) {
      int c = 0;
      for (int k = 0; k < dims; k++) {
        c += index[k] * cStride[k];
      }
      map[q] = c;
      for (int k = 0; k < dims && ++index[k] == shape[k + 1]; k++) {
        index[k] = 0;
      }
    }
    return map;
  }

  private static IllegalArgumentException truncated(NpyHeader h, String name, long dataBytes,
                                                    long after) {
    return DataFiles.bad(name, "file is truncated: header says shape %s of %s = %s data bytes, "
        + "file has %s after the header", h.shapeText(), h.descr(), dataBytes, after);
  }

  private static void writeFully(WritableByteChannel out, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      out.write(buf);
    }
  }
}
