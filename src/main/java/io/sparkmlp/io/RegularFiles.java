package io.sparkmlp.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;

/**
 * Reading the files of a model directory defensively: only regular files (a FIFO would block
 * forever, a link to {@code /dev/zero} never ends), and text only up to a bound, so a damaged or
 * hostile model directory gives an error naming the file instead of a hang or an
 * OutOfMemoryError.
 */
final class RegularFiles {
  /** The most model.json may hold: far above any real architecture (a few KiB). */
  static final int MAX_TEXT_BYTES = 16 << 20;

  private RegularFiles() {}

  /** The size of file, after checking that it is a regular file (links followed). */
  static long size(Location file) throws IOException {
    requireRegular(file);
    return Storage.size(file);
  }

  /** Fails unless file exists and is a regular file (links followed). */
  static void requireRegular(Location file) throws IOException {
    if (!Storage.exists(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (!Storage.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": not a regular file");
    }
  }

  /** The UTF-8 text of a regular file of at most {@code maxBytes} bytes. */
  static String readText(Location file, int maxBytes) throws IOException {
    requireRegular(file);
    byte[] bytes;
    try (InputStream in = Storage.open(file)) {
      bytes = in.readNBytes(maxBytes + 1);  // the size on disk may change while we read
    }
    if (bytes.length > maxBytes) {
      throw new IllegalArgumentException(file + ": larger than " + maxBytes + " bytes; not a "
          + "sparkmlp file");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
  }
}
