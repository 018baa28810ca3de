package dev.jchef.cache;

import dev.jchef.cook.CookCacheException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import land.oras.ContainerRef;
import land.oras.Registry;
import land.oras.auth.AuthProvider;
import land.oras.auth.AuthStore;
import land.oras.auth.AuthStoreAuthenticationProvider;
import land.oras.auth.UsernamePasswordProvider;
import land.oras.exception.OrasException;

/**
 * How jchef reaches one registry with the ORAS client: over plain HTTP when its host is a loopback
 * address ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}), as Docker treats it, or when
 * {@code registries.conf} marks it {@code insecure = true} (the file buildah and Podman read:
 * {@code CONTAINERS_REGISTRIES_CONF}, {@code ~/.config/containers/registries.conf}, {@code
 * /etc/containers/registries.conf}); over HTTPS with verified TLS otherwise. Credentials: the
 * caller's {@link RegistryLogin} if given, else the file {@code REGISTRY_AUTH_FILE} names, else
 * Docker's {@code config.json} ({@code $DOCKER_CONFIG/config.json}, else {@code
 * ~/.docker/config.json}, its {@code auths}, {@code credHelpers} and {@code credsStore}), and
 * Podman's {@code $XDG_RUNTIME_DIR/containers/auth.json}; none: anonymous.
 */
final class RegistryAccess {
  private RegistryAccess() {}

  /**
   * A client for {@code ref}'s registry, its threads daemons of {@code executor}.
   *
   * @throws CookCacheException when the credentials file cannot be read
   */
  static Registry client(
      ContainerRef ref, Optional<RegistryLogin> login, Map<String, String> environment, ExecutorService executor) {
    return Registry.builder()
        .withAuthProvider(authProvider(login, environment))
        .withInsecure(isLoopback(ref.getRegistry()))
        .withExecutorService(executor)
        .build();
  }

  /** An executor of daemon threads, for one operation. */
  static ExecutorService executor() {
    return Executors.newFixedThreadPool(
        2,
        runnable -> {
          Thread thread = new Thread(runnable, "jchef-cache-transfer");
          thread.setDaemon(true);
          return thread;
        });
  }

  /** Whether a registry's host ({@code host[:port]}) is a loopback address. */
  static boolean isLoopback(String registry) {
    String host = registry.startsWith("[") ? registry.substring(1, Math.max(1, registry.indexOf(']'))) : registry.split(":", 2)[0];
    return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
  }

  private static AuthProvider authProvider(Optional<RegistryLogin> login, Map<String, String> environment) {
    if (login.isPresent()) {
      return new UsernamePasswordProvider(login.get().username(), login.get().password());
    }
    List<Path> files = credentialFiles(environment);
    try {
      return new AuthStoreAuthenticationProvider(AuthStore.newStore(files));
    } catch (OrasException | NullPointerException | IllegalArgumentException e) {
      throw new CookCacheException(
          "cannot read the registry credentials in " + files.stream().filter(Files::exists).toList()
              + " (a Docker config.json needs an \"auths\" object, even an empty one, and each auth is base64 of"
              + " user:password)");
    }
  }

  private static List<Path> credentialFiles(Map<String, String> environment) {
    String authFile = environment.get("REGISTRY_AUTH_FILE");
    if (authFile != null && !authFile.isBlank()) {
      return List.of(Path.of(authFile));
    }
    List<Path> files = new ArrayList<>();
    String dockerConfig = environment.get("DOCKER_CONFIG");
    files.add(
        dockerConfig != null && !dockerConfig.isBlank()
            ? Path.of(dockerConfig, "config.json")
            : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".docker", "config.json"));
    String runtime = environment.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) {
      files.add(Path.of(runtime, "containers", "auth.json"));
    }
    return files;
  }

  /** Whether a failure is that nothing answered: a refused or timed-out connection. */
  static boolean unreachable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof java.net.ConnectException || cause instanceof java.nio.channels.ClosedChannelException
          || cause instanceof java.net.http.HttpConnectTimeoutException || cause instanceof java.net.UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A registry failure in one line: a refused login says so (the client reports it as an invalid
   * {@code WWW-Authenticate} header), anything else gives the status and the client's words.
   */
  static CookCacheException failure(String what, String registry, Optional<RegistryLogin> login, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int status = e instanceof OrasException oras ? oras.getStatusCode() : -1;
    if (status == 401 || status == 403 || message.contains("WWW-Authenticate")) {
      return new CookCacheException(
          login.isPresent()
              ? registry + " refused the login of user `" + login.get().username() + "` for " + what
                  + " (given by JCHEF_CACHE_USERNAME and JCHEF_CACHE_PASSWORD, or a Maven settings.xml <server>)"
              : registry + " refused the credentials for " + what + " (or asked for some and none were found: "
                  + "docker login, REGISTRY_AUTH_FILE, or JCHEF_CACHE_USERNAME and JCHEF_CACHE_PASSWORD)", e);
    }
    if (unreachable(e)) {
      return new CookCacheException("cannot " + what + ": nothing answers at " + registry + " (connection refused)", e);
    }
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String detail = cause == e ? message : message + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    return new CookCacheException(
        "cannot " + what + " at " + registry + (status > 0 ? " (HTTP " + status + ")" : "") + ": " + detail, e);
  }
}
