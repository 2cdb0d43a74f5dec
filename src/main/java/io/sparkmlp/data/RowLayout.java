package io.sparkmlp.data;

import io.sparkmlp.util.Checks;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Where the rows of an array file lie and how to decode them, so that readers on different
 * machines can each read their own row range: a file of shape (rows, d1, d2, ...) holds rows of
 * {@code cols = d1*d2*...} elements, row r starting {@code dataOffset + r * rowBytes} bytes into
 * the file's (decompressed) bytes. Made by {@link Npy#layout} and {@link Idx#layout} from the
 * header only; small and serializable, so a driver can plan ranges and ship them to executors.
 *
 * <p>Plain files are read by seeking straight to the first row. A Fortran-order array (first
 * index fastest) stores each column contiguously, so a range of rows is one run per column:
 * the reader seeks to each run, reading ahead no further than the run. A gzip file cannot
 * seek: its reader decompresses from the start and discards the bytes before the range, so
 * reading the last of P ranges decompresses the whole file, and all P ranges together about
 * (P+1)/2 times it.
 */
public final class RowLayout implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Buffer of the gzip decompressor; larger buffers do not decompress faster. */
  private static final int GZIP_BUFFER = 1 << 16;

  private final String name;
  private final ElementType type;
  private final boolean bigEndian;
  private final boolean gzip;
  private final boolean fortran;
  private final long dataOffset;
  private final long[] shape;
  private final String typeName;

  RowLayout(String name, ElementType type, ByteOrder order, boolean gzip, boolean fortran,
            long dataOffset, long[] shape, String typeName) {
    Checks.argument(!(gzip && fortran), "%s: a gzip file cannot be read in Fortran order",
        name);
    this.name = name;
    this.type = type;
    this.bigEndian = order == ByteOrder.BIG_ENDIAN;
    this.gzip = gzip;
    this.fortran = fortran;
    this.dataOffset = dataOffset;
    this.shape = shape.clone();
    this.typeName = typeName;
  }

  /** The file's name as errors give it. */
  public String name() {
    return name;
  }

  /** Rows in the file: the first dimension (1 for a 0-d array). */
  public long rows() {
    return shape.length == 0 ? 1 : shape[0];
  }

  /** Values per row: the product of the dimensions after the first. */
  public int cols() {
    long c = 1;
    for (int k = 1; k < shape.length; k++) {
      c *= shape[k];
    }
    return (int) c;
  }

  /** Bytes one row takes in the file (decompressed). */
  public long rowBytes() {
    return (long) cols() * type.size;
  }

  /** Bytes before the first row, in the decompressed bytes when the file is gzip. */
  public long dataOffset() {
    return dataOffset;
  }

  /** True when the file is gzip-compressed, so a range read decompresses from the start. */
  public boolean gzip() {
    return gzip;
  }

  /** The shape as Python prints it, e.g. {@code (60000, 28, 28)}. */
  public String shapeText() {
    return DataFiles.shapeText(shape);
  }

  ElementType elementType() {
    return type;
  }

  /** The element type as the file's format names it, e.g. {@code <f8} or {@code u8}. */
  public String typeName() {
    return typeName;
  }

  /**
   * Reads rows [first, first + count) of the file behind ch (the whole file, as stored) into a
   * new (count, cols) matrix. A plain file is read by seeking; a gzip file by decompressing
   * from its start. A file that ends early gives an IllegalArgumentException naming it.
   */
  public Matrix readRows(SeekableByteChannel ch, long first, int count) throws IOException {
    Checks.argument(first >= 0 && count >= 0 && first + count <= rows(),
        "%s: rows [%s, %s) are outside the file's %s rows", name, first, first + count, rows());
    Checks.argument((long) count * cols() <= Matrix.MAX_VALUES, "%s: %s rows of %s values are "
        + "more than one Matrix can hold (%s); read fewer rows at a time", name, count, cols(),
        Matrix.MAX_VALUES);
    long start = dataOffset + first * rowBytes();
    float[] values = new float[count * cols()];
    ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    if (fortran) {
      readFortran(ch, order, values, first, count);
      return new Matrix(values, count, cols());
    }
    if (!gzip) {
      ch.position(start);
      read(ch, order, values, first, count);
      return new Matrix(values, count, cols());
    }
    ch.position(0);
    try {
      InputStream in = new GZIPInputStream(Channels.newInputStream(ch), GZIP_BUFFER);
      if (!skip(in, start)) {
        throw truncated(first, count);
      }
      read(Channels.newChannel(in), order, values, first, count);
    } catch (EOFException e) {
      throw DataFiles.bad(name, "file is truncated: the gzip stream ends early");
    } catch (ZipException e) {
      throw DataFiles.bad(name, "the gzip data is corrupt (%s)", e.getMessage());
    }
    return new Matrix(values, count, cols());
  }

  /**
   * Discards n bytes of in; false when it ends first. Reads through a large buffer because
   * InflaterInputStream.skip inflates 512 bytes per call: 1.4 times slower here.
   */
  private static boolean skip(InputStream in, long n) throws IOException {
    byte[] sink = new byte[GZIP_BUFFER];
    long left = n;
    while (left > 0) {
      int r = in.read(sink, 0, (int) Math.min(sink.length, left));
      if (r < 0) {
        return false;
      }
      left -= r;
    }
    return true;
  }

  private void read(ReadableByteChannel in, ByteOrder order, float[] values, long first,
                    int count) throws IOException {
    ElementReader reader = new ElementReader(in, type, order);
    if (reader.read(values, 0, values.length) < values.length) {
      throw truncated(first, count);
    }
  }

  /**
   * Rows [first, first + count) of a Fortran-order array: trailing index q (Fortran-linear)
   * holds the run of rows at {@code dataOffset + (q * rows + first) * size}, which goes to the
   * C-linear column {@code Npy.fortranToC} gives.
   */
  private void readFortran(SeekableByteChannel ch, ByteOrder order, float[] values, long first,
                           int count) throws IOException {
    int cols = cols();
    int[] column = Npy.fortranToC(shape, cols);
    float[] run = new float[count];
    ElementReader reader = new ElementReader(ch, type, order,
        (int) Math.min(ElementReader.CHUNK_BYTES, (long) count * type.size));
    for (int q = 0; q < cols; q++) {
      ch.position(dataOffset + ((long) q * rows() + first) * type.size);
      reader.discardBuffered();
      if (reader.read(run, 0, count) < count) {
        throw truncated(first, count);
      }
      int c = column[q];
      for (int r = 0; r < count; r++) {
        values[r * cols + c] = run[r];
      }
    }
  }

  private IllegalArgumentException truncated(long first, int count) {
    return DataFiles.bad(name, "file is truncated: header says shape %s of %s, but the data "
        + "ends before row %s (reading rows [%s, %s)%s)", shapeText(), typeName, first + count,
        first, first + count, gzip ? ", after gzip decompression" : "");
  }

  @Override
  public String toString() {
    return name + ": shape " + shapeText() + " of " + typeName + (gzip ? " (gzip)" : "");
  }
}
