package dev.jchef.cache;

import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.RequiredTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's {@code docker-registry} (the CNCF distribution registry) serving on a free port of
 * 127.0.0.1, its storage in a test directory, optionally behind htpasswd authentication (bcrypt,
 * made with {@code htpasswd -B}). Tests that need it are skipped, saying why, where it is missing;
 * CI installs it and sets {@code JCHEF_REQUIRE_REGISTRY}, which turns the skip into a failure.
 */
final class LocalRegistry implements AutoCloseable {
  private final Process process;
  final String address;

  private LocalRegistry(Process process, String address) {
    this.process = process;
    this.address = address;
  }

  static void assumeAvailable() {
    RequiredTools.assume(Files.isExecutable(Path.of("/usr/bin/docker-registry")),
        "docker-registry (apt-get install docker-registry)", "JCHEF_REQUIRE_REGISTRY");
  }

  /** Starts a registry on 127.0.0.1 storing in {@code directory}, requiring {@code login} if given. */
  static LocalRegistry start(Path directory, Optional<RegistryLogin> login) {
    return start(directory, login, "127.0.0.1", "127.0.0.1");
  }

  /**
   * Starts a registry listening on {@code ip} (a loopback address), known to clients as {@code
   * host}, storing in {@code directory}, requiring {@code login} if given.
   */
  static LocalRegistry start(Path directory, Optional<RegistryLogin> login, String ip, String host) {
    assumeAvailable();
    try {
      Files.createDirectories(directory.resolve("storage"));
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(ip))) {
        port = socket.getLocalPort();
      }
      StringBuilder config = new StringBuilder()
          .append("version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ")
          .append(directory.resolve("storage")).append("\n  delete:\n    enabled: true\n")
          .append("http:\n  addr: ").append(ip).append(":").append(port).append("\n");
      if (login.isPresent()) {
        RequiredTools.assume(Files.isExecutable(Path.of("/usr/bin/htpasswd")),
            "htpasswd (apt-get install apache2-utils)", "JCHEF_REQUIRE_REGISTRY");
        Processes.Result hash = Processes.run(directory, Map.of("PATH", "/usr/bin:/bin"),
            List.of("htpasswd", "-Bbn", login.get().username(), login.get().password()));
        Files.writeString(directory.resolve("htpasswd"), hash.stdout());
        config.append("auth:\n  htpasswd:\n    realm: jchef-test\n    path: ")
            .append(directory.resolve("htpasswd")).append("\n");
      }
      Files.writeString(directory.resolve("config.yml"), config);
      Process process =
          new ProcessBuilder("/usr/bin/docker-registry", "serve", directory.resolve("config.yml").toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("registry.log").toFile())
              .start();
      LocalRegistry registry = new LocalRegistry(process, host + ":" + port);
      for (int attempt = 0; attempt < 100; attempt++) {
        try (Socket socket = new Socket(ip, port)) {
          return registry;
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      registry.close();
      throw new IllegalStateException("docker-registry did not listen within 10 s: " + Files.readString(directory.resolve("registry.log")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
