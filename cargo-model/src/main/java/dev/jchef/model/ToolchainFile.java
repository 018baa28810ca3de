package dev.jchef.model;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.jchef.model.internal.TomlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The workspace root's rustup toolchain file, kept verbatim. rustup reads {@code rust-toolchain}
 * before {@code rust-toolchain.toml}, so the former wins.
 */
public record ToolchainFile(Kind kind, String text) {

  /** Which of the two files it is; the names match cargo-chef's recipe. */
  public enum Kind {
    /** {@code rust-toolchain}: a bare channel name, or TOML in newer toolchains. */
    BARE("rust-toolchain"),
    /** {@code rust-toolchain.toml}. */
    TOML("rust-toolchain.toml");

    private final String fileName;

    Kind(String fileName) {
      this.fileName = fileName;
    }

    /** The file's name in the workspace root. */
    public String fileName() {
      return fileName;
    }
  }

  /**
   * @throws NullPointerException when {@code kind} or {@code text} is null
   */
  public ToolchainFile {
    checkNotNull(kind);
    checkNotNull(text);
  }

  /**
   * The toolchain file of the workspace at {@code root}, if it has one. Its text is kept as it
   * is; {@code rust-toolchain.toml} must be TOML, as rustup will read it.
   *
   * @throws CargoFileException naming the file, line and column when {@code rust-toolchain.toml}
   *     is not TOML
   */
  public static Optional<ToolchainFile> find(Path root) {
    for (Kind kind : Kind.values()) {
      Path file = root.resolve(kind.fileName());
      if (Files.isRegularFile(file)) {
        String text = TomlReader.readText(file, kind.fileName());
        if (kind == Kind.TOML) {
          TomlReader.parse(text, kind.fileName());
        }
        return Optional.of(new ToolchainFile(kind, text));
      }
    }
    return Optional.empty();
  }
}
