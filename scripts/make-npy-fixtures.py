#!/usr/bin/env python3
"""Writes the .npy test fixtures for io.sparkmlp.data.Npy with NumPy itself.

Run with Debian's interpreter, which has NumPy:  /usr/bin/python3 scripts/make-npy-fixtures.py
An optional argument names another output directory (scripts/test.sh uses one to check that
the committed fixtures are exactly what this NumPy writes).

For every good fixture NAME.npy it also writes NAME.expected.txt: the first line is
"rows cols", then one line per row holding arr.astype('f4').reshape(rows, -1) in C order, each
value as the shortest decimal that reads back to the same float32 (NaN, Infinity, -Infinity
spelled as Java parses them). So the Java test compares against NumPy's own view of the data.
Files named bad_*.npy are malformed on purpose and have no expected values.
"""
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "src", "test", "resources",
                                                         "npy")


def expected_text(arr):
    with np.errstate(over="ignore"):  # float64 beyond float32's range becomes infinity, as intended
        a = np.asarray(arr).astype("f4")
    rows = 1 if a.ndim == 0 else a.shape[0]
    flat = a.reshape(rows, int(np.prod(a.shape[1:])))
    lines = ["%d %d" % flat.shape]
    for row in flat:
        lines.append(" ".join(java_float(v) for v in row))
    return "\n".join(lines) + "\n"


def java_float(v):
    f = float(v)
    if np.isnan(f):
        return "NaN"
    if np.isinf(f):
        return "Infinity" if f > 0 else "-Infinity"
    return repr(f)


def save(name, arr, version=None):
    path = os.path.join(OUT, name + ".npy")
    with open(path, "wb") as f:
        np.lib.format.write_array(f, arr, version=version, allow_pickle=False)
    check(name, path, arr)


def save_raw(name, header, data, arr):
    """A hand-made version 1.0 file: header is the dict text, written without NumPy's padding."""
    path = os.path.join(OUT, name + ".npy")
    raw = header.encode("latin1")
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(raw)) + raw + data)
    check(name, path, arr)


def check(name, path, arr):
    back = np.load(path)
    assert back.dtype == arr.dtype and back.shape == arr.shape, name
    assert np.array_equal(back, arr, equal_nan=back.dtype.kind == "f"), name
    with open(os.path.join(OUT, name + ".expected.txt"), "w") as f:
        f.write(expected_text(back))


def good_fixtures():
    m34 = np.array([[0, 1 / 3, -2.5, 1e-40], [3.4e38, -0.0, 7, 1e-7], [-1, 2, 0.1, 123456.78]])
    save("f4_c", m34.astype("<f4"))
    save("f4_fortran", np.asfortranarray(m34.astype("<f4")))
    # Values that change when rounded to float32: overflow, underflow, rounding.
    f8 = np.array([[0.1, np.pi, -1e-50], [1e40, -1e40, 16777217.0], [2.5e-45, 1.0, -123.456]])
    save("f8_c", f8.astype("<f8"))
    save("f8_be", f8.astype(">f8"))
    save("f8_fortran_be", np.asfortranarray(f8.astype(">f8")))
    save("f8_nonfinite", np.array([[np.nan, np.inf], [-np.inf, 1.5]], dtype="<f8"))
    save("i1", np.array([[-128, -1, 0], [1, 100, 127]], dtype="i1"))
    save("i2", np.array([[-32768, -300, 0], [5, 300, 32767]], dtype="<i2"))
    save("i2_be", np.array([[-32768, -300, 0], [5, 300, 32767]], dtype=">i2"))
    save("i4", np.array([[-2**31, -70000], [16777217, 2**31 - 1]], dtype="<i4"))
    save("i4_be", np.array([[-2**31, -70000], [16777217, 2**31 - 1]], dtype=">i4"))
    save("i8", np.array([[-2**63, -5], [123456789012345678, 2**63 - 1]], dtype="<i8"))
    save("i8_be", np.array([[-2**63, -5], [123456789012345678, 2**63 - 1]], dtype=">i8"))
    save("u1", np.array([[0, 1, 128], [200, 254, 255]], dtype="u1"))
    save("u1_fortran", np.asfortranarray(np.array([[0, 1, 128], [200, 254, 255]], dtype="u1")))
    save("u2", np.array([[0, 40000], [65535, 7]], dtype="<u2"))
    save("u2_be", np.array([[0, 40000], [65535, 7]], dtype=">u2"))
    save("u4", np.array([[0, 3000000000], [4294967295, 16777217]], dtype="<u4"))
    save("u4_be", np.array([[0, 3000000000], [4294967295, 16777217]], dtype=">u4"))
    u8 = np.array([[0, 2**63], [2**64 - 1, 2**63 + 2**40 + 1], [16777217, 12345678901234567890]],
                  dtype="<u8")
    save("u8", u8)
    save("u8_be", u8.astype(">u8"))
    save("b1", np.array([[True, False, True], [False, False, True]]))
    save("vec_f4", np.array([1.5, -2, 0, 4, 1e10], dtype="<f4"))
    save("vec_i8", np.array([3, -4, 2**40], dtype="<i8"))
    cube = np.arange(24, dtype="<f4").reshape(2, 3, 4) * 0.5 - 3
    save("cube_f4_c", cube)
    save("cube_f8_fortran", np.asfortranarray(cube.astype("<f8")))
    save("hyper_i2_fortran", np.asfortranarray(np.arange(48, dtype="<i2").reshape(2, 3, 4, 2) - 20))
    save("hyper_u1_c", np.arange(48, dtype="u1").reshape(4, 3, 2, 2))
    save("one_row_fortran", np.asfortranarray(np.arange(5, dtype="<f4").reshape(1, 5)))
    save("empty_rows_f4", np.zeros((0, 3), dtype="<f4"))
    save("scalar_f8", np.array(2.75, dtype="<f8"))
    save("v2_f4", (np.arange(6, dtype="<f4").reshape(3, 2) / 3), version=(2, 0))
    save("v3_i4", np.array([[1, -2, 3], [4, 5, -6]], dtype="<i4"), version=(3, 0))
    # The bytes np.save writes for a small float32 matrix; Npy.write must produce the same.
    save("numpy_save_f4", np.arange(12, dtype="<f4").reshape(3, 4) / 7)
    # float32 values widened to float64, as the founding example's files hold them.
    save("numpy_save_f8", (np.arange(12, dtype="<f4").reshape(3, 4) / 7).astype("<f8"))
    # Keys out of order, no trailing comma, Python 2 longs, double quotes, odd padding.
    hand = np.array([[1, -2, 3], [400, 5, -6]], dtype="<i2")
    save_raw("handmade_header",
             "{ \"shape\" : (2L,3L) ,'fortran_order':False,'descr':'<i2'}" + " " * 151 + "\n",
             hand.tobytes(), hand)


def bad_fixtures():
    def path(name):
        return os.path.join(OUT, name + ".npy")

    np.save(path("bad_truncated"), np.ones((10, 10), dtype="<f8"))
    data = open(path("bad_truncated"), "rb").read()
    assert struct.unpack("<H", data[8:10])[0] + 10 == 128, "header is not 128 bytes"
    open(path("bad_truncated"), "wb").write(data[:128 + 400])

    # A header that claims 20 rows over the data of 10, and one that claims 5.
    for name, rows in (("bad_shape_lies", 20), ("bad_extra_bytes", 5)):
        np.save(path(name), np.ones((10, 10), dtype="<f4"))
        data = open(path(name), "rb").read()
        assert struct.unpack("<H", data[8:10])[0] + 10 == 128, "header is not 128 bytes"
        fixed = data[:128].replace(b"(10, 10)", (b"(%d, 10)" % rows).ljust(8))
        open(path(name), "wb").write(fixed + data[128:])

    np.save(path("bad_complex"), np.array([[1 + 2j, 3 - 1j]], dtype="<c16"))
    np.save(path("bad_structured"), np.zeros(3, dtype=[("a", "<f4"), ("b", "<i4")]))
    open(path("bad_not_npy"), "w").write("x1,x2,label\n0.5,1.5,1\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".npy") or f.endswith(".expected.txt"):
            os.remove(os.path.join(OUT, f))
    good_fixtures()
    bad_fixtures()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("wrote %d files, %d bytes, to %s (numpy %s)" % (len(os.listdir(OUT)), total,
                                                          os.path.normpath(OUT), np.__version__))
    if total > 50_000:
        sys.exit("fixtures are larger than 50 KB")


if __name__ == "__main__":
    main()
