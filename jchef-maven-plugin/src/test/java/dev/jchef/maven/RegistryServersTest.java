package dev.jchef.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jchef.cache.RegistryLogin;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

class RegistryServersTest {
  private static Settings settings(String id, String username, String password) {
    Server server = new Server();
    server.setId(id);
    server.setUsername(username);
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }

  @Test
  void theServerNamedAfterTheRegistryHostLogsIn() {
    Settings settings = settings("ghcr.io", "octocat", "token");
    assertEquals(Optional.of(new RegistryLogin("octocat", "token")),
        RegistryServers.login(settings, Optional.empty(), "ghcr.io/org/app-cook"));
    assertEquals(Optional.empty(), RegistryServers.login(settings, Optional.empty(), "localhost:5000/team/app-cook"));
  }

  @Test
  void aNamedServerIdWinsAndAMissingOneIsAnError() {
    Settings settings = settings("team-registry", "chef", "pass");
    assertEquals(Optional.of(new RegistryLogin("chef", "pass")),
        RegistryServers.login(settings, Optional.of("team-registry"), "localhost:5000/team/app-cook"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RegistryServers.login(settings, Optional.of("other"), "localhost:5000/team/app-cook"));
    assertEquals("jchef.cacheServerId other: settings.xml has no <server> with that <id>", e.getMessage());
  }

  @Test
  void thePasswordIsNotInTheLoginsText() {
    assertEquals("RegistryLogin[username=chef, password=****]", new RegistryLogin("chef", "s3cret").toString());
  }
}
