package dev.jchef.cook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
  private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
  /** How long the server may take to say it started. */
  private static final Duration SERVER_START = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Path executable;
  private final Map<String, String> environment;
  private Optional<Server> server = Optional.empty();

  /**
   * The server process (none until it started), and the temporary directory of the file its
   * output goes to (shown when it cannot start) and of its startup socket.
   */
  private record Server(Optional<Process> process, Path directory) {}

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
   * <p>It waits for the server's word that it started, as sccache's own client does: a message on
   * the Unix socket {@code SCCACHE_STARTUP_NOTIFY} names (a length, then the startup's outcome,
   * whose first four bytes are 0 when the server listens, on its port or its Unix socket).
   * Windows has no such socket for sccache; there the server is started as sccache's client starts
   * it, detached.
   *
   * @throws CookException when the server cannot be started, says it did not start, or does not
   *     say so within a minute, with what it printed
   */
  void start() {
    run(List.of("--stop-server"), false);
    if (WINDOWS) {
      run(List.of("--start-server"), true);
      run(List.of("--zero-stats"), true);
      return;
    }
    try {
      Path directory = Files.createTempDirectory("jchef-sccache-");
      server = Optional.of(new Server(Optional.empty(), directory));
      Path notify = directory.resolve("started");
      Path log = directory.resolve("server.log");
      try (ServerSocketChannel started = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
        started.bind(UnixDomainSocketAddress.of(notify));
        started.configureBlocking(false);
        ProcessBuilder builder =
            new ProcessBuilder(executable.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("SCCACHE_START_SERVER", "1");
        // else it detaches itself
        builder.environment().put("SCCACHE_NO_DAEMON", "1");
        // never gone between two compiles: the next client would start a server of its own
        builder.environment().put("SCCACHE_IDLE_TIMEOUT", "0");
        builder.environment().put("SCCACHE_STARTUP_NOTIFY", notify.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        server = Optional.of(new Server(Optional.of(process), directory));
        awaitStartup(started, process, log);
      }
      run(List.of("--zero-stats"), true);
    } catch (IOException e) {
      stop();
      throw new CookException(1, "cannot start the sccache server (" + executable + "): " + e.getMessage());
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  /** Waits for the server's message on {@code started} that it listens. */
  private static void awaitStartup(ServerSocketChannel started, Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + SERVER_START.toNanos();
    try {
      while (true) {
        try (SocketChannel channel = started.accept()) {
          if (channel != null) {
            channel.configureBlocking(true);
            if (startedOk(channel)) {
              return;
            }
            process.waitFor(1, TimeUnit.SECONDS);
            throw notStarted(log);
          }
        }
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw notStarted(log);
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      // The flag stays clear until the server is stopped; the cook's public method sets it again.
      throw CookException.byThreadInterrupt();
    }
  }

  /** Reads the startup message: a 4-byte length, big-endian, then the outcome, 0 (little-endian) for success. */
  private static boolean startedOk(SocketChannel channel) throws IOException {
    ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
    ByteBuffer outcome = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    return readFully(channel, length)
        && length.getInt(0) >= Integer.BYTES
        && readFully(channel, outcome)
        && outcome.getInt(0) == 0;
  }

  private static boolean readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        return false;
      }
    }
    return true;
  }

  private static CookException notStarted(Path log) {
    String output = read(log).strip();
    return new CookException(1, "the sccache server did not start" + (output.isEmpty() ? "" : ": " + output));
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
   * Stops the server, and ends the compiles it still runs, which only an interrupted cook leaves,
   * as an interrupt ends cargo's processes ({@link ProcessEnd#endTree}); returns once they ended.
   */
  void stop() {
    Optional<Process> process = server.flatMap(Server::process);
    List<ProcessHandle> compiles = process.map(p -> p.children().toList()).orElse(List.of());
    run(List.of("--stop-server"), false);
    compiles.forEach(ProcessEnd::endTree);
    process.ifPresent(p -> ProcessEnd.awaitOrKill(List.of(p.toHandle()), ProcessEnd.GRACE));
    server.ifPresent(s -> delete(s.directory()));
    server = Optional.empty();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      // a temporary directory: the system's cleaner will take it
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
