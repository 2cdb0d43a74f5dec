package io.sparkmlp.spark.source;

import io.sparkmlp.data.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a matrix as NumPy writes {@code np.save(path, np.asfortranarray(a))} for a float64
 * array: a version 1.0 header with {@code 'fortran_order': True}, then the values column by
 * column. The library itself only writes C order.
 */
final class FortranNpy {
  private FortranNpy() {}

  static void writeFloat64(Path path, Matrix m) throws IOException {
    String dict = "{'descr': '<f8', 'fortran_order': True, 'shape': (" + m.rows() + ", "
        + m.cols() + "), }";
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + 8 * m.rows() * m.cols())
        .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1)
        .put((byte) 0).putShort((short) header.length())
        .put(header.getBytes(StandardCharsets.US_ASCII));
    for (int c = 0; c < m.cols(); c++) {
      for (int r = 0; r < m.rows(); r++) {
        b.putDouble(m.get(r, c));
      }
    }
    Files.write(path, b.array());
  }
}
