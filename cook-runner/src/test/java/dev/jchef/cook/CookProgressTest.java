package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CookProgressTest {

  private static CompilerArtifact unit(String packageId, boolean fresh) {
    return new CompilerArtifact(packageId, "lib", ImmutableList.of("lib"), fresh, ImmutableList.of(), Optional.empty(), "");
  }

  @Test
  void inALogPrintsAPlainLineAtEachTenthAndKeepsCargosLines() {
    StringWriter log = new StringWriter();
    CookProgress progress = new CookProgress(CookListener.printing(new PrintWriter(new StringWriter()), new PrintWriter(log, true), false), 4);

    progress.cargoLine("   Compiling a v1.0.0");
    progress.artifact(unit("registry#a@1", false));
    progress.artifact(unit("registry#a@1", false));
    progress.artifact(unit("registry#b@1", true));
    progress.finish();

    assertEquals(
        "   Compiling a v1.0.0\n"
            + "jchef cook: 1 of ~4 packages built (1 unit compiled, 0 fresh)\n"
            + "jchef cook: 2 of ~4 packages built (2 units compiled, 1 fresh)\n",
        log.toString());
    assertEquals(2, progress.compiled());
    assertEquals(1, progress.fresh());
  }

  @Test
  void onePackageBuiltIsSingular() {
    StringWriter terminal = new StringWriter();
    CookProgress progress = new CookProgress(CookListener.printing(new PrintWriter(new StringWriter()), new PrintWriter(terminal, true), true), 0);

    progress.artifact(unit("registry#a@1", false));
    progress.finish();

    assertEquals("\r\033[Kjchef cook: 1 package built (1 unit compiled, 0 fresh)\r\033[K", terminal.toString());
  }

  @Test
  void onATerminalRedrawsOneLineBelowCargosMessages() {
    StringWriter terminal = new StringWriter();
    CookProgress progress = new CookProgress(CookListener.printing(new PrintWriter(new StringWriter()), new PrintWriter(terminal, true), true), 2);

    progress.artifact(unit("registry#a@1", false));
    progress.cargoLine("warning: something");
    progress.artifact(unit("registry#b@1", false));
    progress.finish();

    assertEquals(
        "\r\033[Kjchef cook: 1 of ~2 packages built (1 unit compiled, 0 fresh)"
            + "\r\033[Kwarning: something\n"
            + "\r\033[Kjchef cook: 2 of ~2 packages built (2 units compiled, 0 fresh)"
            + "\r\033[K",
        terminal.toString());
  }
}
