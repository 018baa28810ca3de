package dev.jchef.cook;

import com.google.common.hash.Hashing;
import dev.jchef.model.internal.JchefFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How many packages the last successful cook of a directory built, by what decides that number
 * (the lockfile and the flags that select packages, features, targets and profile): the total of
 * the progress line of the next cook with the same key, a layer step above all, where the
 * lockfile's count is only an upper bound (platform-specific and optional packages are locked but
 * never built). Kept in {@code .jchef/built-packages}, one {@code KEY COUNT} line per key, the
 * newest last, at most {@value #KEEP} lines. Anything unreadable counts as unknown.
 */
final class BuiltPackages {
  static final String PATH = JchefFiles.BUILT_PACKAGES;
  private static final int KEEP = 16;

  private BuiltPackages() {}

  /** The key of a cook: the lockfile and the cargo flags that decide which packages build. */
  static String key(Optional<String> lockFile, CookOptions options) {
    List<String> flags = new ArrayList<>(options.cargoArguments());
    // --locked, --frozen and --offline change what cargo may do, not what it builds; layer steps drop them.
    flags.removeAll(List.of("--locked", "--frozen", "--offline"));
    String text = lockFile.orElse("") + "\0" + options.subcommand() + "\0" + String.join("\0", flags);
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString().substring(0, 32);
  }

  /** The count recorded for {@code key} in {@code root}, if any. */
  static OptionalInt read(Path root, String key) {
    for (String line : lines(root)) {
      String[] parts = line.split(" ");
      if (parts.length == 2 && parts[0].equals(key)) {
        try {
          return OptionalInt.of(Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
          return OptionalInt.empty();
        }
      }
    }
    return OptionalInt.empty();
  }

  /** Records {@code count} for {@code key}; a file that cannot be written is left as it was. */
  static void write(Path root, String key, int count) {
    List<String> lines = new ArrayList<>(lines(root));
    lines.removeIf(line -> line.startsWith(key + " "));
    lines.add(key + " " + count);
    List<String> kept = lines.subList(Math.max(0, lines.size() - KEEP), lines.size());
    try {
      ReplacedFile.write(root.resolve(PATH), String.join("\n", kept) + "\n");
    } catch (IOException e) {
      // only the next progress line's total is at stake
    }
  }

  private static List<String> lines(Path root) {
    try {
      return Files.readAllLines(root.resolve(PATH), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
  }
}
