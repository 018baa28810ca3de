package dev.jchef.model;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.jchef.model.internal.RelativePaths;
import dev.jchef.model.internal.TomlReader;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
