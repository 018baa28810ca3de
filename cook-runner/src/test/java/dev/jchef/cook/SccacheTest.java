package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting a cook's sccache server, with a stand-in {@code sccache} (a shell script) that fails
 * as the real one does when it cannot serve: the cook says why, with what sccache printed.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in sccache is a shell script")
class SccacheTest {
  @TempDir Path base;

  private Sccache sccache(String port) throws IOException {
    Path stub = base.resolve("sccache");
    Files.writeString(
        stub,
        "#!/bin/sh\n"
            + "if [ \"$SCCACHE_START_SERVER\" = 1 ]; then\n"
            + "  [ \"$SCCACHE_NO_DAEMON\" = 1 ] || echo 'sccache: detached'\n"
            + "  echo 'sccache: error: Address in use (os error 98)'; exit 2\n"
            + "fi\n");
    assertTrue(stub.toFile().setExecutable(true));
    return Sccache.find(Map.of("PATH", base.toString(), "SCCACHE_SERVER_PORT", port));
  }

  @Test
  void aServerThatCannotStartIsAnErrorWithWhatItPrinted() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Sccache sccache = sccache(Integer.toString(port));

    CookException error = assertThrows(CookException.class, sccache::start);

    assertEquals(
        "the sccache server did not start on port " + port + ": sccache: error: Address in use (os error 98)",
        error.getMessage());
    assertEquals(1, error.exitCode());
  }

  @Test
  void aPortThatIsNoNumberIsAnError() throws IOException {
    Sccache sccache = sccache("http");

    CookException error = assertThrows(CookException.class, sccache::start);

    assertEquals("SCCACHE_SERVER_PORT is http, not a port number (1 to 65535)", error.getMessage());
  }
}
