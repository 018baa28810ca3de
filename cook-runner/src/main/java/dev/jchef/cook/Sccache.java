package dev.jchef.cook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sccache server of one cook ({@code --sccache}): started fresh with the caller's {@code
 * SCCACHE_*} settings, so that its statistics are this cook's alone, read after the build, and
 * stopped, so that no server outlives the cook (in a container build it would outlive the step).
 */
final class Sccache {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path executable;
  private final Map<String, String> environment;

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

  /** Stops any server on this port and starts one with zeroed statistics. */
  void start() {
    run(List.of("--stop-server"), false);
    run(List.of("--start-server"), true);
    run(List.of("--zero-stats"), true);
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

  void stop() {
    run(List.of("--stop-server"), false);
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
