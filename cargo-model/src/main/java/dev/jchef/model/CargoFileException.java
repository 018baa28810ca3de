package dev.jchef.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.jchef.model.internal.RelativePaths;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Cargo file (manifest, lockfile, config, toolchain file) that cannot be read as Cargo would
 * read it. The message always names the file, and where known the line and column, or the dotted
 * field, so that a user can go straight to the problem: {@code crates/a/Cargo.toml:3:7: ...} or
 * {@code crates/a/Cargo.toml: package.name: expected a string}.
 */
public final class CargoFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  private CargoFileException(
      String file, int line, int column, String field, String problem, Throwable cause) {
    super(format(file, line, column, field, problem), cause);
    this.file = checkNotNull(file);
    this.line = line;
    this.column = column;
    this.field = field;
    this.problem = checkNotNull(problem);
  }

  /** Returns the exception of a problem at a known line and column (both 1-based). */
  public static CargoFileException atLine(String file, int line, int column, String problem) {
    checkArgument(line > 0 && column > 0, "line and column are 1-based");
    return new CargoFileException(file, line, column, null, problem, null);
  }

  /** Returns the exception of a problem with the value of a dotted field, such as {@code package.name}. */
  public static CargoFileException atField(String file, String field, String problem) {
    return new CargoFileException(file, 0, 0, checkNotNull(field), problem, null);
  }

  /** Returns the exception of a problem with the file as a whole (missing, unreadable, not a Cargo file). */
  public static CargoFileException inFile(String file, String problem, Throwable cause) {
    return new CargoFileException(file, 0, 0, null, problem, cause);
  }

  /**
   * The same problem, at the same line, column or field, with the file named from {@code base}:
   * the file, whose name is relative to {@code from} (or absolute), relative to {@code base} when
   * it lies under it, else by its absolute path.
   */
  public CargoFileException namedFrom(Path from, Path base) {
    Path path = from.resolve(file).normalize();
    CargoFileException renamed =
        new CargoFileException(
            path.startsWith(base) ? RelativePaths.relativize(base, path) : path.toString(),
            line, column, field, problem, getCause());
    renamed.setStackTrace(getStackTrace());
    return renamed;
  }

  /** Returns the file as the user would name it (usually relative to the workspace root). */
  public String file() {
    return file;
  }

  /** Returns the 1-based line, when known. */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }

  /** Returns the 1-based column, when known. */
  public OptionalInt column() {
    return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
  }

  /** Returns the dotted field the problem is in, when it concerns one value. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** Returns the problem alone, without the location. */
  public String problem() {
    return problem;
  }

  private static String format(String file, int line, int column, String field, String problem) {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (field != null) {
      out.append(field).append(": ");
    }
    return out.append(problem).toString();
  }
}
