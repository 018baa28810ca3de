package dev.jchef.maven;

import dev.jchef.cache.RegistryLogin;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;

/**
 * The registry login a Maven user keeps in {@code settings.xml}: the {@code <server>} whose
 * {@code <id>} is {@code jchef.cacheServerId} when given, else the registry's {@code host[:port]}
 * (as Jib finds registry credentials), its {@code <username>} and {@code <password>} (decrypted by
 * Maven's settings decrypter first, for {@code {...}} passwords).
 */
final class RegistryServers {
  private RegistryServers() {}

  /**
   * The login for the registry of {@code reference} ({@code host[:port]/path}).
   *
   * @return empty when no such server is configured, or it has no username: jchef then uses
   *     Docker's credentials
   * @throws IllegalArgumentException when {@code serverId} is given but not in the settings
   */
  static Optional<RegistryLogin> login(Settings settings, Optional<String> serverId, String reference) {
    String id = serverId.orElse(reference.substring(0, Math.max(0, reference.indexOf('/'))));
    Server server = settings == null ? null : settings.getServer(id);
    if (server == null) {
      if (serverId.isPresent()) {
        throw new IllegalArgumentException(
            "jchef.cacheServerId " + id + ": settings.xml has no <server> with that <id>");
      }
      return Optional.empty();
    }
    if (server.getUsername() == null) {
      return Optional.empty();
    }
    return Optional.of(new RegistryLogin(server.getUsername(), server.getPassword() == null ? "" : server.getPassword()));
  }
}
