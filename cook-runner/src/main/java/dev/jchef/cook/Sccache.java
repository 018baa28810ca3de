package dev.jchef.cook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sccache server of one cook ({@code --sccache}): started fresh with the caller's {@code
 * SCCACHE_*} settings, so that its statistics are this cook's alone, read after the build, and
 * stopped, so that no server outlives the cook (in a container build it would outlive the step).
 *
 * <p>jchef runs the server itself, as a process of its own ({@code SCCACHE_START_SERVER=1}, as
 * sccache's client starts one, and {@code SCCACHE_NO_DAEMON=1}, so that it stays jchef's child),
 * so that it can end the compiles the server still runs when the cook is interrupted: sccache
 * compiles a library that is not incremental (every registry crate, and a release cook's dummies)
 * in its server, outside cargo's processes, and stopping the server leaves such a compile
 * running, to write a dummy's library into the target directory after the cleaner.
 */
final class Sccache {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** sccache's port when {@code SCCACHE_SERVER_PORT} does not name one. */
  private static final int DEFAULT_PORT = 4226;
  /** How long the server may take to start listening. */
  private static final Duration SERVER_START = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path executable;
  private final Map<String, String> environment;
  private Optional<Server> server = Optional.empty();

  /** The server process, and the file its output goes to (shown when it cannot start). */
  private record Server(Process process, Path log) {}

  private Sccache(Path executable, Map<String, String> environment) {
    this.executable = executable;
    this.environment = environment;
  }

  /** sccache from the {@code PATH}, with a clear error if missing. */
  static Sccache find(Map<String, String> environment) {
    Path executable =
        Executables.onPath(environment, "sccache")
            .orElseThrow(
                () ->
                    new CookException(
                        1,
                        "sccache not found on the PATH; install it (apt-get install sccache, or"
                            + " cargo install sccache) or cook without sccache"));
    return new Sccache(executable, environment);
  }

  /** What cargo's {@code RUSTC_WRAPPER} must name. */
  Path executable() {
    return executable;
  }

  /**
   * Stops any server on this port and starts one with zeroed statistics.
   *
   * @throws CookException when the server cannot be started or does not listen within a minute,
   *     with what it printed
   */
  void start() {
    run(List.of("--stop-server"), false);
    int port = port();
    Path log;
    Process process;
    try {
      log = Files.createTempFile("jchef-sccache-", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(executable.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      builder.environment().put("SCCACHE_START_SERVER", "1");
      // else it detaches itself
      builder.environment().put("SCCACHE_NO_DAEMON", "1");
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new CookException(1, "cannot start the sccache server (" + executable + "): " + e.getMessage());
    }
    server = Optional.of(new Server(process, log));
    try {
      awaitListening(port);
      run(List.of("--zero-stats"), true);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** The port of {@code SCCACHE_SERVER_PORT}, else sccache's. */
  private int port() {
    String value = environment.getOrDefault("SCCACHE_SERVER_PORT", "");
    if (value.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value);
      if (port > 0 && port < 65_536) {
        return port;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new CookException(1, "SCCACHE_SERVER_PORT is " + value + ", not a port number (1 to 65535)");
  }

  /** Waits until the server accepts connections on {@code port} of the loopback address. */
  private void awaitListening(int port) {
    Server started = server.orElseThrow();
    long deadline = System.nanoTime() + SERVER_START.toNanos();
    while (true) {
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException e) {
        // not listening yet
      }
      if (!started.process().isAlive() || System.nanoTime() > deadline) {
        String output = read(started.log()).strip();
        throw new CookException(
            1, "the sccache server did not start on port " + port + (output.isEmpty() ? "" : ": " + output));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        // The flag stays clear until the server is stopped; the cook's public method sets it again.
        throw CookException.byThreadInterrupt();
      }
    }
  }

  /** This server's statistics: compilations served from the cache and compiled. */
  SccacheStats stats() {
    String json = run(List.of("--show-stats", "--stats-format", "json"), true);
    try {
      JsonNode stats = MAPPER.readTree(json).path("stats");
      return new SccacheStats(total(stats.path("cache_hits")), total(stats.path("cache_misses")));
    } catch (JacksonException e) {
      throw new CookException(1, "sccache printed statistics jchef cannot read: " + json.strip());
    }
  }

  /**
   * Stops the server, and ends (SIGTERM, then SIGKILL after {@link ProcessEnd#GRACE}) the
   * compiles it still runs, which only an interrupted cook leaves; returns once they all ended.
   */
  void stop() {
    List<ProcessHandle> processes = new ArrayList<>();
    server.ifPresent(s -> {
      processes.add(s.process().toHandle());
      processes.addAll(s.process().descendants().toList());
    });
    run(List.of("--stop-server"), false);
    processes.stream().skip(1).forEach(ProcessHandle::destroy);
    ProcessEnd.awaitOrKill(processes, ProcessEnd.GRACE);
    server.ifPresent(s -> delete(s.log()));
    server = Optional.empty();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void delete(Path log) {
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a temporary file: the system's cleaner will take it
    }
  }

  private static long total(JsonNode counter) {
    long sum = 0;
    for (JsonNode count : counter.path("counts")) {
      sum += count.asLong();
    }
    return sum;
  }

  private String run(List<String> args, boolean mustSucceed) {
    ToolRun run = ToolRun.of(executable, args, Optional.empty(), environment);
    if (mustSucceed && run.exitCode() != 0) {
      throw new CookException(
          1, "sccache " + String.join(" ", args) + " failed with exit status " + run.exitCode() + ": " + run.output().strip());
    }
    return run.output();
  }
}
