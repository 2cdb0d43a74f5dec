package io.sparkmlp.io;

import io.sparkmlp.util.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a file or directory is: a local path (a plain path as typed, or a {@code file:} URI),
 * or a Hadoop URI ({@code hdfs://namenode:8020/models/fm}, {@code s3a://bucket/models/fm}) for
 * {@link Storage} to reach through Hadoop's FileSystem. A local location keeps the path as
 * given, so messages name it as the user typed it; only a URI with another scheme than
 * {@code file} is remote, and only a remote one ever loads a Hadoop class.
 */
public final class Location {
  /** A URI scheme: two characters at least, so a Windows drive letter is not one. */
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

  private final Path local;
  private final URI remote;

  private Location(Path local, URI remote) {
    this.local = local;
    this.remote = remote;
  }

  /** A local path. */
  public static Location of(Path path) {
    return new Location(Objects.requireNonNull(path, "path"), null);
  }

  /**
   * A local path, a {@code file:} URI (made a local path) or a Hadoop URI with an absolute
   * path, e.g. {@code hdfs://nn:8020/out/fm}.
   *
   * @throws IllegalArgumentException when a URI is malformed or its path is not absolute
   */
  public static Location of(String path) {
    Objects.requireNonNull(path, "path");
    if (!SCHEME.matcher(path).matches()) {
      return new Location(Path.of(path), null);
    }
    URI uri;
    try {
      uri = new URI(path);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(path + ": not a valid URI: " + e.getReason());
    }
    if (uri.getScheme().equalsIgnoreCase("file")) {
      return new Location(uri.getRawAuthority() == null && uri.getPath() != null
          && uri.getPath().startsWith("/") ? Path.of(uri.getPath()) : Path.of(uri), null);
    }
    Checks.argument(uri.getPath() != null && uri.getPath().startsWith("/"),
        "%s: a Hadoop path needs an absolute path after the scheme, e.g. hdfs://namenode:8020/dir",
        path);
    String p = uri.normalize().getPath();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    try {
      return new Location(null, new URI(uri.getScheme(), uri.getAuthority(), p, null, null));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(path + ": not a valid URI: " + e.getReason());
    }
  }

  /** True for a path on this machine's file system. */
  public boolean isLocal() {
    return local != null;
  }

  /** The local path. */
  public Path local() {
    Checks.state(local != null, "%s is not a local path", this);
    return local;
  }

  /** The URI of a remote location. */
  public URI uri() {
    Checks.state(remote != null, "%s is a local path, not a Hadoop URI", this);
    return remote;
  }

  /** This location made absolute (local), or itself (remote). */
  public Location absolute() {
    return isLocal() ? of(local.toAbsolutePath()) : this;
  }

  /** The child called name. */
  public Location resolve(String name) {
    if (isLocal()) {
      return of(local.resolve(name));
    }
    String p = remote.getPath();
    return withPath(p.endsWith("/") ? p + name : p + "/" + name);
  }

  /** The last part of the path, e.g. {@code fm} for {@code hdfs://nn/out/fm}. */
  public String name() {
    if (isLocal()) {
      Path n = local.getFileName();
      return n == null ? "" : n.toString();
    }
    String p = remote.getPath();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The directory that holds this one; null at the root. */
  public Location parent() {
    if (isLocal()) {
      Path parent = local.getParent();
      return parent == null ? null : of(parent);
    }
    String p = remote.getPath();
    if (p.equals("/")) {
      return null;
    }
    int slash = p.lastIndexOf('/');
    return withPath(slash == 0 ? "/" : p.substring(0, slash));
  }

  /** A sibling: the same parent, another name ({@code <output>.checkpoint}). */
  public Location sibling(String name) {
    if (isLocal()) {
      return of(local.resolveSibling(name));
    }
    Location parent = parent();
    Checks.argument(parent != null, "%s: the root has no siblings", this);
    return parent.resolve(name);
  }

  private Location withPath(String path) {
    try {
      return new Location(null, new URI(remote.getScheme(), remote.getAuthority(), path, null,
          null));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(remote + ": cannot name " + path + ": "
          + e.getReason());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && Objects.equals(local, l.local)
        && Objects.equals(remote, l.remote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(local, remote);
  }

  /** The path as given (local) or the URI (remote): what messages name. */
  @Override
  public String toString() {
    return isLocal() ? local.toString() : remote.toString();
  }
}
