package io.sparkmlp.data;

import static io.sparkmlp.testing.Expect.assertFails;
import static io.sparkmlp.data.TestFiles.npy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed .npy input gives one IllegalArgumentException naming the file and the fault. */
class NpyErrorsTest {
  private static final String F4 = "{'descr': '<f4', 'fortran_order': False, ";
  @TempDir
  Path dir;

  @Test
  void truncatedData() {
    assertFails(() -> Npy.read(npy("bad_truncated")), "bad_truncated.npy: file is truncated",
        "header says shape (10, 10) of <f8 = 800 data bytes, file has 400 after the header");
  }

  @Test
  void headerClaimsMoreRowsThanThereAre() {
    assertFails(() -> Npy.read(npy("bad_shape_lies")), "bad_shape_lies.npy: file is truncated",
        "shape (20, 10) of <f4 = 800 data bytes, file has 400 after the header");
  }

  @Test
  void headerClaimsFewerRowsThanThereAre() {
    assertFails(() -> Npy.read(npy("bad_extra_bytes")),
        "bad_extra_bytes.npy: file has 200 extra bytes after the data the header describes",
        "shape (5, 10) of <f4 = 200 data bytes");
  }

  @Test
  void unsupportedDtypes() {
    assertFails(() -> Npy.read(npy("bad_complex")),
        "bad_complex.npy: unsupported dtype '<c16' (supported: f4, f8, i1-i8, u1-u8, b1)");
    assertFails(() -> Npy.read(npy("bad_structured")), "bad_structured.npy: unsupported dtype",
        "[('a', '<f4'), ('b', '<i4')]", "structured arrays are not supported");
    Path half = TestFiles.writeNpy(dir.resolve("half.npy"), "<f2", false, "(1,)", new byte[2]);
    assertFails(() -> Npy.read(half), "half.npy: unsupported dtype '<f2'");
  }

  @Test
  void notANpyFile() {
    assertFails(() -> Npy.read(npy("bad_not_npy")),
        "bad_not_npy.npy: not a .npy file (magic bytes are 78 31 2c 78 32 2c", "\\x93NUMPY");
    Path empty = TestFiles.write(dir.resolve("empty.npy"), new byte[0]);
    assertFails(() -> Npy.read(empty), "empty.npy: not a .npy file (the file is empty)");
    Path tiny = TestFiles.write(dir.resolve("tiny.npy"), new byte[] {(byte) 0x93, 'N', 'U'});
    assertFails(() -> Npy.read(tiny), "tiny.npy: not a .npy file (magic bytes are 93 4e 55,");
  }

  @Test
  void missingFileOrDirectory() {
    Path missing = dir.resolve("x_train.npy");
    assertFails(() -> Npy.read(missing), missing + ": file does not exist");
    assertFails(() -> Npy.read("no/such/y.npy"), "no/such/y.npy: file does not exist",
        "relative to");
    assertFails(() -> Npy.read(dir), dir + ": is a directory, expected a file");
  }

  @Test
  void unsupportedVersion() {
    Path v4 = TestFiles.writeNpy(dir.resolve("v4.npy"), 4, "{}\n", new byte[0]);
    assertFails(() -> Npy.read(v4),
        "v4.npy: unsupported .npy format version 4.0 (supported: 1.0, 2.0, 3.0)");
  }

  @Test
  void truncatedHeader() {
    byte[] prefixOnly = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 100, 0, '{'};
    Path p = TestFiles.write(dir.resolve("cut.npy"), prefixOnly);
    assertFails(() -> Npy.read(p), "cut.npy: file is truncated: the header should be 100 bytes "
        + "long, but the file has only 1 bytes after the 10-byte prefix");
    Path q = TestFiles.write(dir.resolve("cut2.npy"),
        new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1});
    assertFails(() -> Npy.read(q), "cut2.npy: file is truncated: it ends after 7 bytes");
  }

  @Test
  void malformedHeaders() {
    assertFails(() -> Npy.read(header("a", F4 + "'shape': (2, }")),
        "a.npy: the header is not a Python dict literal (expected a value at character");
    assertFails(() -> Npy.read(header("b", "{'descr': '<f4', 'shape': (1,)}")),
        "b.npy: the header has no 'fortran_order' key");
    assertFails(() -> Npy.read(header("c",
            F4 + "'shape': (1,), 'extra': 1}")),
        "c.npy: the header has an unexpected key 'extra'");
    assertFails(() -> Npy.read(header("d", "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}")),
        "d.npy: 'fortran_order' should be True or False, got 0");
    assertFails(() -> Npy.read(header("e", F4 + "'shape': [1]}")),
        "e.npy: 'shape' should be a tuple of integers, got [1]");
    assertFails(() -> Npy.read(header("f", F4 + "'shape': (-1,)}")),
        "f.npy: 'shape' should be a tuple of integers >= 0, got (-1,)");
    assertFails(() -> Npy.read(header("g", "['descr']")), "g.npy: the header should be a dict");
    assertFails(() -> Npy.read(header("h", "{'descr': '<f4', 'descr': '<f8'}")),
        "h.npy: the header is not a Python dict literal (key 'descr' appears twice)");
  }

  @Test
  void shapesThatCannotBeAMatrix() {
    Path noCols = TestFiles.writeNpy(dir.resolve("nocols.npy"), "<f4", false, "(5, 0)",
        new byte[0]);
    assertFails(() -> Npy.read(noCols), "nocols.npy: shape (5, 0) has no columns");
    Path huge = TestFiles.writeNpy(dir.resolve("huge.npy"), "<f4", false, "(100000, 100000)",
        new byte[0]);
    assertFails(() -> Npy.read(huge), "huge.npy: shape (100000, 100000) has 10000000000 "
        + "elements, more than the 2147483639 one Matrix can hold");
    // Fits a Matrix, but the file lacks the 8 GB: fails on the size, before allocating.
    Path lies = TestFiles.writeNpy(dir.resolve("lies.npy"), "<f4", false, "(100000, 20000)",
        new byte[8]);
    assertFails(() -> Npy.read(lies), "lies.npy: file is truncated: header says shape "
        + "(100000, 20000) of <f4 = 8000000000 data bytes, file has 8 after the header");
  }

  @Test
  void invalidUtf8InVersion3Header() {
    byte[] raw = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 3, 0, 2, 0, 0, 0, (byte) 0xff, '\n'};
    Path p = TestFiles.write(dir.resolve("v3.npy"), raw);
    assertFails(() -> Npy.read(p), "v3.npy: the version 3.0 header is not valid UTF-8");
  }

  /** A version 1.0 file whose header is the given dict, with 4 data bytes. */
  private Path header(String name, String dict) {
    return TestFiles.writeNpy(dir.resolve(name + ".npy"), 1, dict + "\n", new byte[4]);
  }
}
