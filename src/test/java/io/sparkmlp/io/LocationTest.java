package io.sparkmlp.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which strings are local paths and which Hadoop URIs, and how names are derived from them. */
class LocationTest {
  @Test
  void plainPathsAndFileUrisAreLocalAndKeepTheirSpelling() {
    Location rel = Location.of("out/fm");
    assertTrue(rel.isLocal());
    assertEquals(Path.of("out/fm"), rel.local());
    assertEquals("out/fm", rel.toString());
    assertEquals(Path.of("/tmp/m"), Location.of("file:///tmp/m").local());
    assertEquals(Path.of("/tmp/m"), Location.of("file:/tmp/m").local());
    // A one-letter "scheme" is a Windows drive, never a URI.
    assertTrue(Location.of("C:/models").isLocal());
  }

  @Test
  void hadoopUrisAreRemoteWithNamesParentsAndSiblings() {
    Location out = Location.of("hdfs://nn:8020/models/fm/");
    assertFalse(out.isLocal());
    assertEquals("hdfs://nn:8020/models/fm", out.toString());
    assertEquals("fm", out.name());
    assertEquals("hdfs://nn:8020/models", out.parent().toString());
    assertEquals("hdfs://nn:8020/models/fm.checkpoint", out.sibling("fm.checkpoint").toString());
    assertEquals("hdfs://nn:8020/models/fm/weights.bin", out.resolve("weights.bin").toString());
    assertEquals("hdfs://nn:8020/", Location.of("hdfs://nn:8020/a").parent().toString());
    assertNull(Location.of("hdfs://nn:8020/").parent());
    assertEquals("s3a://bucket/a/b", Location.of("s3a://bucket/a/./x/../b").toString());
    assertEquals(out, Location.of("hdfs://nn:8020/models/fm"));
    assertEquals(out.absolute(), out);
  }

  @Test
  void aUriWithoutAnAbsolutePathIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Location.of("hdfs:models/fm"));
    assertTrue(e.getMessage().startsWith("hdfs:models/fm: a Hadoop path needs an absolute "
        + "path"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Location.of("hdfs://nn/x").local());
    assertThrows(IllegalStateException.class, () -> Location.of("x").uri());
  }
}
