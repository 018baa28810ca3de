package dev.jchef.model.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jchef.model.internal.TomlReader;
import dev.jchef.model.internal.TomlWriter;
import org.junit.jupiter.api.Test;

class TomlWriterTest {

  @Test
  void writesPlainValuesFirstThenTablesWithHeaders() {
    String manifest =
        """
        [package]
        name = "a"
        version.workspace = true
        [target.'cfg(unix)'.dependencies]
        libc = { version = "0.2", default-features = false }
        [[bin]]
        name = "x"
        path = "src/bin/x.rs"
        [[bin]]
        name = "y"
        [features]
        default = []
        """;

    assertEquals(
        """
        [package]
        name = "a"

        [package.version]
        workspace = true

        [target."cfg(unix)".dependencies.libc]
        version = "0.2"
        default-features = false

        [[bin]]
        name = "x"
        path = "src/bin/x.rs"

        [[bin]]
        name = "y"

        [features]
        default = []
        """,
        TomlWriter.write(TomlReader.parse(manifest, "Cargo.toml")));
  }

  @Test
  void keepsEmptyTablesAndLeavesParentsOfSubTablesImplicit() {
    assertEquals(
        """
        [dependencies]

        [profile.release]
        lto = true
        """,
        TomlWriter.write(TomlReader.parse("[dependencies]\n[profile.release]\nlto = true\n", "x")));
  }

  @Test
  void quotesKeysThatAreNotBareAndEscapesStrings() {
    assertEquals(
        """
        "" = 1
        "a.b" = "tab\\tquote\\"back\\\\slash\\u0001"
        "é" = "é"
        """,
        TomlWriter.write(
            TomlReader.parse(
                "\"\" = 1\n\"a.b\" = \"tab\\tquote\\\"back\\\\slash\\u0001\"\n\"é\" = 'é'\n", "x")));
  }

  @Test
  void writesSpecialFloatsAndDatesAsTomlLiterals() {
    assertEquals(
        """
        a = inf
        b = -inf
        c = nan
        d = 1979-05-27T07:32:00Z
        e = 1979-05-27T07:32:00.5
        f = 07:32:00
        g = 1.0E-5
        """,
        TomlWriter.write(
            TomlReader.parse(
                "a = inf\nb = -inf\nc = nan\nd = 1979-05-27T07:32:00Z\ne = 1979-05-27T07:32:00.5\n"
                    + "f = 07:32:00\ng = 1e-5\n",
                "x")));
  }

  @Test
  void writesTablesInsideArraysThatAlsoHoldValuesInline() {
    assertEquals(
        "mixed = [1, { a = \"b\" }, []]\nempty = []\n",
        TomlWriter.write(TomlReader.parse("mixed = [1, {a = 'b'}, []]\nempty = []\n", "x")));
  }

  @Test
  void writesNothingForAnEmptyTable() {
    assertEquals("", TomlWriter.write(TomlTable.empty()));
  }

  @Test
  void writesTomlOnePointZeroForWhatWasReadAsTomlOnePointOne() {
    assertEquals(
        """
        [dependencies.tokio]
        features = ["rt"]
        workspace = true

        [package]
        escape = "\\u001B[0m"
        time = 07:32:00
        when = 1979-05-27T07:32:00
        """,
        TomlWriter.write(
            TomlReader.parse(
                "[dependencies]\ntokio = {\n  features = [\"rt\"],\n  workspace = true,\n}\n"
                    + "[package]\nescape = \"\\e[0m\"\ntime = 07:32\nwhen = 1979-05-27T07:32\n",
                "x")));
  }
}
