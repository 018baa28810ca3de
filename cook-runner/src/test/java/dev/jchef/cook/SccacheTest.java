package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting a cook's sccache server, with a stand-in {@code sccache} (a shell script) that fails
 * as the real one does when it cannot serve: the cook says why, with what sccache printed. The
 * stand-in also says so when the server would detach itself, time out when idle, or have no
 * socket to report its start on.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in sccache is a shell script")
class SccacheTest {
  @TempDir Path base;

  private Sccache sccache() throws IOException {
    Path stub = base.resolve("sccache");
    Files.writeString(
        stub,
        "#!/bin/sh\n"
            + "if [ \"$SCCACHE_START_SERVER\" = 1 ]; then\n"
            + "  [ \"$SCCACHE_NO_DAEMON\" = 1 ] || echo 'sccache: detached'\n"
            + "  [ \"$SCCACHE_IDLE_TIMEOUT\" = 0 ] || echo 'sccache: would time out'\n"
            + "  [ -S \"$SCCACHE_STARTUP_NOTIFY\" ] || echo 'sccache: nowhere to say it started'\n"
            + "  echo 'sccache: error: Address in use (os error 98)'; exit 2\n"
            + "fi\n");
    assertTrue(stub.toFile().setExecutable(true));
    return Sccache.find(Map.of("PATH", base.toString()));
  }

  @Test
  void aServerThatCannotStartIsAnErrorWithWhatItPrinted() throws IOException {
    Sccache sccache = sccache();

    CookException error = assertThrows(CookException.class, sccache::start);

    assertEquals("the sccache server did not start: sccache: error: Address in use (os error 98)", error.getMessage());
    assertEquals(1, error.exitCode());
  }
}
