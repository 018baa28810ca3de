package dev.jchef.model.testing;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small file tree to lay out on any file system, written as text:
 *
 * <pre>
 * === Cargo.toml
 * [workspace]
 * members = ["crates/*"]
 * === crates/a/src/lib.rs
 * === crates/empty/
 * </pre>
 *
 * Each {@code === path} line starts a file whose content is the lines up to the next header; a
 * path ending in {@code /} is an empty directory. Lines before the first header are a comment.
 */
public final class Fixture {
  private static final String HEADER = "=== ";

  private final ImmutableMap<String, String> files;

  private Fixture(ImmutableMap<String, String> files) {
    this.files = files;
  }

  /** Path, content, path, content, ... */
  public static Fixture of(String... pathsAndContents) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      files.put(pathsAndContents[i], pathsAndContents[i + 1]);
    }
    return new Fixture(ImmutableMap.copyOf(files));
  }

  /** A fixture in the text form above. */
  public static Fixture parse(String text) {
    Map<String, String> files = new LinkedHashMap<>();
    String current = null;
    StringBuilder content = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith(HEADER)) {
        if (current != null) {
          files.put(current, trimmed(content));
        }
        current = line.substring(HEADER.length()).trim();
        content.setLength(0);
      } else if (current != null) {
        content.append(line).append('\n');
      }
    }
    if (current != null) {
      files.put(current, trimmed(content));
    }
    return new Fixture(ImmutableMap.copyOf(files));
  }

  /** Content without trailing blank lines, ending in one newline unless empty. */
  private static String trimmed(StringBuilder content) {
    String text = content.toString().replaceAll("\\s+$", "");
    return text.isEmpty() ? "" : text + "\n";
  }

  /** The fixture in test resource {@code name}, such as {@code /workspaces/globs.txt}. */
  public static Fixture resource(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files below {@code directory} (not {@code target/}), as a fixture. */
  public static Fixture ofDirectory(Path directory) {
    Map<String, String> files = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        if (!relative.startsWith("target/")) {
          files.put(relative, Files.readString(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Fixture(ImmutableMap.copyOf(files));
  }

  /** This fixture with one more file, or a file replaced. */
  public Fixture with(String path, String content) {
    Map<String, String> copy = new LinkedHashMap<>(files);
    copy.put(path, content);
    return new Fixture(ImmutableMap.copyOf(copy));
  }

  /** The files, path to content, in the order written. */
  public ImmutableMap<String, String> files() {
    return files;
  }

  /** Writes the files under {@code root} in the order written; returns {@code root}. */
  public Path writeTo(Path root) {
    return writeTo(root, new ArrayList<>(files.keySet()));
  }

  /** Writes the files under {@code root} in an order shuffled by {@code random}. */
  public Path writeShuffled(Path root, Random random) {
    List<String> order = new ArrayList<>(files.keySet());
    Collections.shuffle(order, random);
    return writeTo(root, order);
  }

  private Path writeTo(Path root, List<String> order) {
    try {
      Files.createDirectories(root);
      for (String path : order) {
        Path target = root;
        for (String part : path.split("/")) {
          if (!part.isEmpty()) {
            target = target.resolve(part);
          }
        }
        if (path.endsWith("/")) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.writeString(target, files.get(path));
        }
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
