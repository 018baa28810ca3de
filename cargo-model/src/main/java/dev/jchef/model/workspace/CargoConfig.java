package dev.jchef.model.workspace;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workspace root's Cargo configuration file, kept verbatim. Cargo reads
 * {@code .cargo/config} before {@code .cargo/config.toml} when both exist, so the former wins.
 *
 * @param relativePath the file's path relative to the root, with {@code /} separators
 * @param text the file's text, byte for byte as UTF-8
 */
public record CargoConfig(String relativePath, String text) {
  static final String LEGACY_NAME = ".cargo/config";
  static final String NAME = ".cargo/config.toml";
  /** The {@code [build]} keys whose value is a program cargo runs. */
  private static final List<String> BUILD_PROGRAMS =
      List.of("rustc", "rustc-wrapper", "rustc-workspace-wrapper", "rustdoc");

  /**
   * A file of the workspace that the configuration names, which cargo needs when it builds.
   *
   * @param path relative to the workspace root (the directory holding {@code .cargo/}), normalised,
   *     {@code /}-separated; it starts with {@code ..} when it lies outside the root
   * @param key where the configuration names it: {@code [target.x86_64-unknown-linux-gnu] linker},
   *     {@code [build] rustc-wrapper}, {@code [env] SCHEMA_DIR}
   */
  public record LocalFile(String path, String key) {
    public LocalFile {
      checkNotNull(path);
      checkNotNull(key);
    }
  }

  public CargoConfig {
    checkNotNull(relativePath);
    checkNotNull(text);
  }

  /**
   * The configuration file of the workspace at {@code root}, if it has one. Its text is kept as
   * it is, but must be TOML, as cargo will read it.
   *
   * @throws CargoFileException naming the file, line and column when it is not TOML
   */
  public static Optional<CargoConfig> find(Path root) {
    for (String name : new String[] {LEGACY_NAME, NAME}) {
      Path file = RelativePaths.resolve(root, name);
      if (Files.isRegularFile(file)) {
        String text = TomlReader.readText(file, name);
        TomlReader.parse(text, name);
        return Optional.of(new CargoConfig(name, text));
      }
    }
    return Optional.empty();
  }

  /**
   * The local files this configuration names, in the order of the file's tables: the programs of
   * {@code [build] rustc}, {@code rustc-wrapper}, {@code rustc-workspace-wrapper} and {@code
   * rustdoc}, of each {@code [target.*]} table's {@code linker} and {@code runner} (its first
   * word, or the array's first element), and the values of {@code [env]} entries with {@code
   * relative = true}.
   *
   * <p>Why: cargo resolves such a value against the directory that holds {@code .cargo/} only when
   * it holds a {@code /}; a bare name ({@code rustc-wrapper = "sccache"}) is looked up on the
   * {@code PATH}, and an absolute path is the builder's own (Cargo reference, <a
   * href="https://doc.rust-lang.org/cargo/reference/config.html#config-relative-paths">Config-relative
   * paths</a> and <a
   * href="https://doc.rust-lang.org/cargo/reference/config.html#executable-paths-with-arguments">Executable
   * paths with arguments</a>). A recipe carries the configuration but not these files (a linker
   * script kept in the repository, crane#111), so a cook fails without them.
   *
   * @throws CargoFileException naming the file, line and column when the text is not TOML
   */
  public ImmutableList<LocalFile> localFiles() {
    TomlTable config = TomlReader.parse(text, relativePath);
    List<LocalFile> files = new ArrayList<>();
    config.getTable("build").ifPresent(build -> {
      for (String key : BUILD_PROGRAMS) {
        build.getString(key).ifPresent(program -> addLocal(files, program, "[build] " + key));
      }
    });
    config.getTable("target").ifPresent(targets -> targets.asMap().forEach((name, value) -> {
      if (value instanceof TomlTable target) {
        String table = "[target." + key(name) + "] ";
        target.getString("linker").ifPresent(linker -> addLocal(files, linker, table + "linker"));
        programOf(target, "runner").ifPresent(runner -> addLocal(files, runner, table + "runner"));
      }
    }));
    config.getTable("env").ifPresent(env -> env.asMap().forEach((name, value) -> {
      if (value instanceof TomlTable entry && entry.getBoolean("relative").orElse(false)) {
        entry.getString("value").ifPresent(path -> addLocal(files, path, "[env] " + key(name)));
      }
    }));
    return files.stream().distinct().collect(ImmutableList.toImmutableList());
  }

  /** The program of a key that holds a path and arguments: a string's first word, an array's first element. */
  private static Optional<String> programOf(TomlTable table, String key) {
    Optional<String> command = table.getString(key).map(String::strip).map(s -> s.split("\\s+")[0]);
    if (command.isPresent()) {
      return command;
    }
    return table.getArray(key)
        .filter(words -> !words.isEmpty() && words.get(0) instanceof String)
        .map(words -> (String) words.get(0));
  }

  /** A key as TOML writes it: bare when it can be ({@code x86_64-unknown-linux-gnu}), else quoted ({@code 'cfg(unix)'}). */
  private static String key(String name) {
    return name.matches("[A-Za-z0-9_-]+") ? name : "'" + name + "'";
  }

  /** Adds {@code written} when it names a file relative to the root: it holds a {@code /} and is not absolute. */
  private static void addLocal(List<LocalFile> files, String written, String key) {
    boolean absolute = written.startsWith("/") || written.startsWith("\\") || written.matches("^[A-Za-z]:.*");
    if (!written.contains("/") || absolute) {
      return;
    }
    String path = RelativePaths.normalize(written);
    if (!path.isEmpty()) {
      files.add(new LocalFile(path, key));
    }
  }
}
