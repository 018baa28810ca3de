package dev.jchef.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jchef.model.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that is not named as a loopback address is reached over HTTPS, unless registries.conf
 * marks it {@code insecure}: the one documented way to a plain-HTTP registry elsewhere. The
 * registry still listens on the loopback: under a host name {@code /etc/hosts} gives a 127.x
 * address (Debian names the machine there), which jchef does not take for loopback by its name.
 */
@Tag("slow")
class RegistriesConfTest {
  private static final Pattern HOSTS_LINE = Pattern.compile("^(127\\.\\d+\\.\\d+\\.\\d+)\\s+(.+)$");

  @TempDir Path base;

  @Test
  void registriesConfInsecureAllowsPlainHttpAndWithoutItHttpsIsTried() throws IOException {
    String[] alias = loopbackAlias();
    Path state = base.resolve("state/debug/deps/libx-0123456789abcdef.rlib");
    Files.createDirectories(state.getParent());
    Files.writeString(state, "x");
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty(), alias[0], alias[1])) {
      String repository = registry.address + "/team/app-cook";
      Path conf = base.resolve("registries.conf");
      Files.writeString(conf, "[[registry]]\nlocation = \"" + registry.address + "\"\ninsecure = true\n");
      assertEquals("stored", probe(repository, conf.toString()));

      Files.writeString(conf, "unqualified-search-registries = []\n");
      String https = probe(repository, conf.toString());
      assertTrue(https.startsWith("failed: cannot push to " + repository), https);
    }
  }

  private String probe(String repository, String registriesConf) {
    Map<String, String> environment = new HashMap<>(System.getenv());
    environment.put("CONTAINERS_REGISTRIES_CONF", registriesConf);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Processes.Result run = Processes.run(base, environment, List.of(
        java, "-cp", System.getProperty("java.class.path"), StoreProbe.class.getName(), repository,
        base.resolve("state").toString()));
    assertEquals(0, run.exitCode(), run.stderr());
    return run.stdout().strip();
  }

  /** An address of 127.0.0.0/8 and a name /etc/hosts gives it other than localhost, or a skip. */
  private static String[] loopbackAlias() throws IOException {
    for (String line : Files.readAllLines(Path.of("/etc/hosts"))) {
      Matcher entry = HOSTS_LINE.matcher(line.strip());
      if (entry.matches()) {
        for (String name : entry.group(2).split("\\s+")) {
          if (!name.startsWith("#") && !name.equals("localhost") && !name.contains("localhost")) {
            return new String[] {entry.group(1), name};
          }
        }
      }
    }
    assumeTrue(false, "/etc/hosts names no 127.x address but localhost: no loopback host that is not named so");
    return new String[0];
  }
}
