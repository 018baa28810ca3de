package dev.jchef.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.testing.TestFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TomlReaderTest {

  @Test
  void readsDottedKeysAndQuotedTableNamesAsNestedTables() {
    TomlTable table =
        TomlReader.parse(
            "version.workspace = true\n[target.'cfg(unix)'.dependencies]\nlibc = \"0.2\"\n",
            "Cargo.toml");

    assertEquals(
        TomlTable.of(
            ImmutableMap.of(
                "version", TomlTable.of(ImmutableMap.of("workspace", true)),
                "target",
                    TomlTable.of(
                        ImmutableMap.of(
                            "cfg(unix)",
                            TomlTable.of(
                                ImmutableMap.of(
                                    "dependencies", TomlTable.of(ImmutableMap.of("libc", "0.2")))))))),
        table);
  }

  @Test
  void keepsNineteenDigitIntegersExactly() {
    assertEquals(
        TomlTable.of(ImmutableMap.of("n", 1234567890123456789L, "m", Long.MIN_VALUE)),
        TomlReader.parse("n = 1234567890123456789\nm = -9223372036854775808\n", "x.toml"));
  }

  @Test
  void rejectsIntegersBeyondSixtyFourBitsNamingTheField() {
    CargoFileException error =
        assertThrows(
            CargoFileException.class,
            () -> TomlReader.parse("[profile.dev]\nopt-level = 99999999999999999999\n", "Cargo.toml"));

    assertEquals("Cargo.toml: profile.dev.opt-level: integer 99999999999999999999 does not fit in 64 bits", error.getMessage());
  }

  @Test
  void readsDatesAsJavaTimeValues() {
    assertEquals(
        TomlTable.of(
            ImmutableMap.of(
                "at", OffsetDateTime.of(1979, 5, 27, 7, 32, 0, 0, ZoneOffset.UTC),
                "on", LocalDate.of(1979, 5, 27),
                "list", ImmutableList.of(1L, 2.5, "x"))),
        TomlReader.parse("at = 1979-05-27T07:32:00Z\non = 1979-05-27\nlist = [1, 2.5, \"x\"]\n", "x.toml"));
  }

  @Test
  void skipsAUtf8ByteOrderMarkAsCargoDoes() {
    assertEquals(
        TomlTable.of(ImmutableMap.of("a", 1L)), TomlReader.parse("\uFEFFa = 1\n", "Cargo.toml"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void skipsAByteOrderMarkReadFromDisk(TestFileSystem fileSystem) throws IOException {
    Path file = fileSystem.newDirectory().resolve("Cargo.toml");
    Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ' ', '=', ' ', '1'});

    assertEquals(TomlTable.of(ImmutableMap.of("a", 1L)), TomlReader.read(file, "Cargo.toml"));
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void refusesInvalidUtf8NamingTheFile(TestFileSystem fileSystem) throws IOException {
    Path file = fileSystem.newDirectory().resolve("Cargo.toml");
    Files.write(file, new byte[] {'a', '=', '"', (byte) 0xC3, '"'});

    CargoFileException error =
        assertThrows(CargoFileException.class, () -> TomlReader.read(file, "crates/a/Cargo.toml"));
    assertEquals("crates/a/Cargo.toml: not valid UTF-8", error.getMessage());
  }

  @ParameterizedTest
  @EnumSource(TestFileSystem.class)
  void namesAMissingFile(TestFileSystem fileSystem) {
    Path file = fileSystem.newDirectory().resolve("Cargo.toml");

    CargoFileException error =
        assertThrows(CargoFileException.class, () -> TomlReader.read(file, "Cargo.toml"));
    assertEquals("Cargo.toml: file not found", error.getMessage());
  }

  @Test
  void syntaxErrorsNameFileLineAndColumn() {
    CargoFileException error =
        assertThrows(
            CargoFileException.class,
            () -> TomlReader.parse("[package]\nname = \"a\"\nversion = = \"1\"\n", "crates/a/Cargo.toml"));

    assertEquals("crates/a/Cargo.toml", error.file());
    assertEquals(OptionalInt.of(3), error.line());
    assertEquals(OptionalInt.of(11), error.column());
    assertEquals("crates/a/Cargo.toml:3:11: Unknown token", error.getMessage());
  }

  @Test
  void duplicateKeysAreErrorsWithTheirLine() {
    CargoFileException error =
        assertThrows(CargoFileException.class, () -> TomlReader.parse("a = 1\na = 2\n", "Cargo.toml"));

    assertEquals("Cargo.toml:2:6: Duplicate key", error.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "escape e|d = \"\\e[0m\"|1|6|TOML 1.1 syntax is not supported: the escape \\e; write \\u001b instead",
        "escape x|d = \"\\x41\"|1|6|TOML 1.1 syntax is not supported: the escape \\xHH; write \\u00HH instead",
        "trailing comma|d = { a = 1, }|1|14|TOML 1.1 syntax is not supported: a trailing comma in an inline table; remove the comma",
        "several lines|d = {\\n a = 1 }|1|6|TOML 1.1 syntax is not supported: an inline table over several lines; write it on one line or as a [table]",
        "no seconds|t = 07:32|1|5|TOML 1.1 syntax is not supported: a time without seconds; write HH:MM:00",
      })
  void explainsTomlOnePointOneSyntaxThatCargoAccepts(
      String construct, String toml, int line, int column, String problem) {
    CargoFileException error =
        assertThrows(
            CargoFileException.class,
            () -> TomlReader.parse(toml.replace("\\n", "\n"), "Cargo.toml"));

    assertEquals(problem, error.problem(), construct);
    assertEquals(OptionalInt.of(line), error.line());
    assertEquals(OptionalInt.of(column), error.column());
  }

  @Test
  void aNewlineInsideAStringInAnInlineTableIsAPlainSyntaxError() {
    CargoFileException error =
        assertThrows(
            CargoFileException.class, () -> TomlReader.parse("a = { b = \"x\ny\" }\n", "Cargo.toml"));

    assertEquals("Newline not permitted here", error.problem());
  }
}
