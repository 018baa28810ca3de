package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.jchef.model.CargoFileException;
import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.testing.TestFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

  @Test
  void readsTomlOnePointOneAsCargoDoes() {
    TomlTable table =
        TomlReader.parse(
            """
            [dependencies]
            tokio = {
              workspace = true,  # TOML 1.1: an inline table over several lines
              features = ["rt"],
            }
            serde = { version = "1", }
            [package.metadata]
            escape = "\\e[0m"
            hex = "\\x41\\xe9"
            time = 07:32
            local = 1979-05-27T07:32
            offset = 1979-05-27 07:32Z
            """,
            "Cargo.toml");

    TomlTable dependencies = table.getTable("dependencies").orElseThrow();
    TomlTable tokio = dependencies.getTable("tokio").orElseThrow();
    assertEquals(Optional.of(true), tokio.getBoolean("workspace"));
    assertEquals(Optional.of(List.of("rt")), tokio.getArray("features"));
    assertEquals(Optional.of("1"), dependencies.getTable("serde").flatMap(t -> t.getString("version")));
    TomlTable metadata = table.getTable("package").flatMap(p -> p.getTable("metadata")).orElseThrow();
    assertEquals(Optional.of("\u001b[0m"), metadata.getString("escape"));
    assertEquals(Optional.of("A\u00e9"), metadata.getString("hex"));
    assertEquals(LocalTime.of(7, 32), metadata.asMap().get("time"));
    assertEquals(LocalDateTime.of(1979, 5, 27, 7, 32), metadata.asMap().get("local"));
    assertEquals(OffsetDateTime.of(1979, 5, 27, 7, 32, 0, 0, ZoneOffset.UTC), metadata.asMap().get("offset"));
  }

  @Test
  void integersWrittenInHexThatFitAreLongs() {
    assertEquals(Long.MAX_VALUE, TomlReader.parse("a = 0x7fffffffffffffff\n", "x").asMap().get("a"));
    assertEquals(Long.MIN_VALUE, TomlReader.parse("a = -9223372036854775808\n", "x").asMap().get("a"));
  }

  @Test
  void aFloatTooLargeForSixtyFourBitsIsRefusedButInfIsAFloat() {
    assertEquals(
        "x: a: float 3.0E+400 does not fit in 64 bits",
        assertThrows(CargoFileException.class, () -> TomlReader.parse("a = 3.0e400\n", "x")).getMessage());
    assertEquals(Double.POSITIVE_INFINITY, TomlReader.parse("a = inf\n", "x").asMap().get("a"));
  }

  @Test
  void anImpossibleDateIsAnErrorWithItsPosition() {
    CargoFileException error =
        assertThrows(CargoFileException.class, () -> TomlReader.parse("d = 1979-02-30\n", "Cargo.toml"));

    assertEquals(OptionalInt.of(1), error.line());
  }

  @Test
  void aNewlineInsideAStringInAnInlineTableIsAPlainSyntaxError() {
    CargoFileException error =
        assertThrows(
            CargoFileException.class, () -> TomlReader.parse("a = { b = \"x\ny\" }\n", "Cargo.toml"));

    assertEquals("Newline not permitted here", error.problem());
  }
}
