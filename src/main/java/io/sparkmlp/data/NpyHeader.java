package io.sparkmlp.data;

import static io.sparkmlp.data.DataFiles.bad;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a {@code .npy} file: element type and byte order, memory order, shape, and
 * where the data starts. Reads versions 1.0, 2.0 and 3.0; writes 1.0 exactly as NumPy does.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">the
 *     .npy format</a>
 */
record NpyHeader(String descr, ElementType type, ByteOrder order, boolean fortranOrder,
                 long[] shape, long dataOffset) {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  /** NumPy pads the header so the data starts on a multiple of this many bytes. */
  static final int ALIGN = 64;
  /** NumPy leaves room for the growing axis's length to reach this many digits. */
  static final int GROWTH_AXIS_MAX_DIGITS = 21;
  /** NumPy itself refuses headers over 10000 bytes by default; this is far more lenient. */
  static final int MAX_HEADER_BYTES = 1 << 20;
  /** Header text quoted in an error message is cut to this many characters. */
  private static final int QUOTE_CHARS = 300;
  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

  /** Number of elements, the product of the shape (1 for a 0-d array). */
  long elementCount() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  /** Python's repr of the shape, e.g. {@code (1000, 100)} or {@code (5,)}. */
  String shapeText() {
    return DataFiles.shapeText(shape);
  }

  /**
   * Reads and checks the header at the start of ch (a local file, or a Hadoop stream behind a
   * channel), leaving ch positioned at the data.
   */
  static NpyHeader read(SeekableByteChannel ch, String name) throws IOException {
    long size = ch.size();
    ByteBuffer prefix = ByteBuffer.allocate((int) Math.min(size, 12))
        .order(ByteOrder.LITTLE_ENDIAN);
    readFully(ch, prefix, 0);
    byte[] first = new byte[Math.min(prefix.capacity(), MAGIC.length)];
    prefix.get(0, first);
    if (size == 0) {
      throw bad(name, "not a .npy file (the file is empty)");
    }
    if (!Arrays.equals(first, MAGIC)) {
      throw bad(name, "not a .npy file (magic bytes are %s, expected 93 4e 55 4d 50 59, "
          + "i.e. \\x93NUMPY)", hex(first));
    }
    if (size < 10) {
      throw cutInPrefix(name, size);
    }
    int major = prefix.get(6) & 0xFF;
    int minor = prefix.get(7) & 0xFF;
    if (minor != 0 || major < 1 || major > 3) {
      throw bad(name, "unsupported .npy format version %s.%s (supported: 1.0, 2.0, 3.0)",
          major, minor);
    }
    int prefixLength = major == 1 ? 10 : 12;
    if (size < prefixLength) {
      throw cutInPrefix(name, size);
    }
    long headerLength = major == 1 ? prefix.getShort(8) & 0xFFFF : prefix.getInt(8) & 0xFFFFFFFFL;
    if (prefixLength + headerLength > size) {
      throw bad(name, "file is truncated: the header should be %s bytes long, but the file has "
          + "only %s bytes after the %s-byte prefix", headerLength, size - prefixLength,
          prefixLength);
    }
    if (headerLength > MAX_HEADER_BYTES) {
      throw bad(name, "the header claims to be %s bytes long; more than %s is not a plausible "
          + ".npy header", headerLength, MAX_HEADER_BYTES);
    }
    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    readFully(ch, headerBytes, prefixLength);
    headerBytes.flip();
    String text;
    try {
      // Versions 1 and 2 store the dict in latin-1; version 3 in UTF-8 (for field names).
      text = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).decode(headerBytes).toString();
    } catch (CharacterCodingException e) {
      throw bad(name, "the version 3.0 header is not valid UTF-8");
    }
    ch.position(prefixLength + headerLength);
    return parse(text, prefixLength + headerLength, name);
  }

  private static IllegalArgumentException cutInPrefix(String name, long size) {
    return bad(name, "file is truncated: it ends after %s bytes, inside the header", size);
  }

  /** Checks the header dict and turns it into a header whose data starts at dataOffset. */
  static NpyHeader parse(String text, long dataOffset, String name) {
    String quoted = text.strip();
    if (quoted.length() > QUOTE_CHARS) {
      quoted = quoted.substring(0, QUOTE_CHARS) + "...";
    }
    Object literal;
    try {
      literal = PyLiteral.parse(text);
    } catch (IllegalArgumentException e) {
      throw bad(name, "the header is not a Python dict literal (%s): %s", e.getMessage(), quoted);
    }
    if (!(literal instanceof Map<?, ?> dict)) {
      throw bad(name, "the header should be a dict with keys 'descr', 'fortran_order' and "
          + "'shape', got: %s", quoted);
    }
    for (String key : KEYS) {
      if (!dict.containsKey(key)) {
        throw bad(name, "the header has no '%s' key: %s", key, quoted);
      }
    }
    for (Object key : dict.keySet()) {
      if (!KEYS.contains(key)) {
        throw bad(name, "the header has an unexpected key %s (expected exactly 'descr', "
            + "'fortran_order' and 'shape')", PyLiteral.repr(key));
      }
    }
    if (!(dict.get("descr") instanceof String descr)) {
      throw bad(name, "unsupported dtype %s (structured arrays are not supported; "
          + "supported: %s)", PyLiteral.repr(dict.get("descr")), ElementType.SUPPORTED);
    }
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw bad(name, "'fortran_order' should be True or False, got %s",
          PyLiteral.repr(dict.get("fortran_order")));
    }
    return new NpyHeader(descr, elementType(descr, name), order(descr), fortran,
        shape(dict.get("shape"), name), dataOffset);
  }

  private static ElementType elementType(String descr, String name) {
    boolean hasOrder = !descr.isEmpty() && "<>|=".indexOf(descr.charAt(0)) >= 0;
    ElementType t = ElementType.ofCode(hasOrder ? descr.substring(1) : descr);
    if (t == null) {
      throw bad(name, "unsupported dtype %s (supported: %s)", PyLiteral.repr(descr),
          ElementType.SUPPORTED);
    }
    return t;
  }

  /** '<' and '>' are explicit; NumPy reads '|', '=' and no prefix as the machine's order. */
  private static ByteOrder order(String descr) {
    if (descr.startsWith("<")) {
      return ByteOrder.LITTLE_ENDIAN;
    }
    return descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();
  }

  private static long[] shape(Object value, String name) {
    if (!(value instanceof PyLiteral.Tuple tuple)) {
      throw bad(name, "'shape' should be a tuple of integers, got %s", PyLiteral.repr(value));
    }
    List<Object> items = tuple.items();
    long[] shape = new long[items.size()];
    for (int k = 0; k < shape.length; k++) {
      if (!(items.get(k) instanceof Long d) || d < 0) {
        throw bad(name, "'shape' should be a tuple of integers >= 0, got %s",
            PyLiteral.repr(value));
      }
      shape[k] = d;
    }
    return shape;
  }

  /**
   * The version 1.0 header NumPy's {@code np.save} writes for a C-order array, byte for byte:
   * keys sorted, growth padding, spaces up to a multiple of {@link #ALIGN}, then a newline.
   */
  static byte[] encodeV1(String descr, long[] shape) {
    StringBuilder dict = new StringBuilder("{'descr': '").append(descr)
        .append("', 'fortran_order': False, 'shape': ").append(DataFiles.shapeText(shape))
        .append(", }");
    if (shape.length > 0) {
      dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
    }
    int withNewline = dict.length() + 1;
    int pad = ALIGN - (10 + withNewline) % ALIGN;
    dict.append(" ".repeat(pad)).append('\n');
    ByteBuffer out = ByteBuffer.allocate(10 + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) dict.length());
    out.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
    return out.array();
  }

  private static void readFully(SeekableByteChannel ch, ByteBuffer dst, long position)
      throws IOException {
    ch.position(position + dst.position());
    while (dst.hasRemaining()) {
      if (ch.read(dst) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      b.append(b.length() > 0 ? " " : "").append(String.format("%02x", x & 0xFF));
    }
    return b.toString();
  }
}
