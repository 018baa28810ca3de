package dev.jchef.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's files, packed into jchef's jar: the example workspace ({@code examples/demo-workspace})
 * and the hermetic registry it builds from ({@code examples/registry}), so that {@code jchef demo}
 * runs from any installed jar, offline.
 */
final class DemoResources {
  private DemoResources() {}

  /**
   * Copies the resource directory {@code demo/<name>} below {@code target}; returns {@code target}.
   *
   * @throws IOException when it cannot be read or written
   */
  static Path copy(String name, Path target) throws IOException {
    URL url = DemoResources.class.getResource("demo/" + name);
    if (url == null) {
      throw new IOException("jchef's jar holds no demo/" + name + ": it was built without the examples");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException("cannot read " + url, e);
    }
    if (!"jar".equals(uri.getScheme())) {
      return copyTree(Path.of(uri), target);
    }
    FileSystem jar;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return copyTree(FileSystems.getFileSystem(uri).provider().getPath(uri), target);
    }
    try (jar) {
      return copyTree(jar.provider().getPath(uri), target);
    }
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        Path destination = to;
        for (Path part : from.relativize(path)) {
          destination = destination.resolve(part.toString());
        }
        Files.createDirectories(destination.getParent());
        Files.copy(path, destination);
      }
    }
    return to;
  }
}
