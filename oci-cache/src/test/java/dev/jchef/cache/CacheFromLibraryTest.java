package dev.jchef.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.model.testing.Cargo;
import dev.jchef.model.testing.Processes;
import dev.jchef.model.testing.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Jchef.cook(dir).cacheFrom(ref).cacheTo(ref)} as a library user calls it, in a JVM of its
 * own: on the class path (the provider found through {@code META-INF/services}) and on the module
 * path from a module that requires {@code dev.jchef.cook} alone (oci-cache bound as the service's
 * provider, and the ORAS SDK's own dependencies resolved though it declares none). Either way the
 * cook stores its state in a registry on 127.0.0.1.
 */
@Tag("slow")
class CacheFromLibraryTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "demo-workspace").toAbsolutePath();
  private static final String MAIN = String.join("\n",
      "package probe;",
      "import dev.jchef.Jchef;",
      "import dev.jchef.cook.CookEvent;",
      "import java.nio.file.Path;",
      "import java.util.HashMap;",
      "import java.util.Map;",
      "public class Main {",
      "  public static void main(String[] args) {",
      "    Map<String, String> environment = new HashMap<>(System.getenv());",
      "    var cooked = Jchef.cook(Path.of(args[1])).environment(environment).cacheFrom(args[2]).cacheTo(args[2])",
      "        .listener(event -> {",
      "          if (event instanceof CookEvent.Note note) System.out.println(\"note: \" + note.text());",
      "          if (event instanceof CookEvent.Warning warning) System.out.println(\"warning: \" + warning.text());",
      "        })",
      "        .run(Jchef.prepare(Path.of(args[0])));",
      "    System.out.println(\"cooked: \" + cooked.summary());",
      "  }",
      "}",
      "");

  @TempDir Path base;

  @Test
  void onTheClassPathAndOnTheModulePathTheRegistryCacheIsFound() throws IOException {
    Cargo.assumeAvailable();
    LocalRegistry.assumeAvailable();
    Map<String, String> environment = TestRegistry.environment(TestRegistry.cargoHome(base.resolve("cargo-home")));
    String jars = mainEntries();
    Path classes = compile(base.resolve("cp"), jars, false);
    Path module = compile(base.resolve("mp"), jars, true);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/probe-cook";

      String onClassPath = run(environment, List.of(java, "-cp", classes + File.pathSeparator + jars, "probe.Main",
          EXAMPLE.toString(), base.resolve("build-cp").toString(), repository));
      String onModulePath = run(environment, List.of(java, "-p", module + File.pathSeparator + jars, "-m", "probe/probe.Main",
          EXAMPLE.toString(), base.resolve("build-mp").toString(), repository));

      for (String output : List.of(onClassPath, onModulePath)) {
        assertTrue(output.contains("note: cache: stored "), output);
        assertTrue(output.contains("cooked: "), output);
        assertTrue(!output.contains("warning: "), output);
      }
    }
  }

  private String run(Map<String, String> environment, List<String> command) {
    Processes.Result run = Processes.run(base, environment, command);
    assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
    return run.stdout();
  }

  /** Compiles the probe, as a module ({@code requires dev.jchef.cook} only) or for the class path. */
  private static Path compile(Path directory, String jars, boolean asModule) throws IOException {
    Path sources = directory.resolve("src");
    Files.createDirectories(sources.resolve("probe"));
    List<String> files = new ArrayList<>(List.of(Files.writeString(sources.resolve("probe/Main.java"), MAIN).toString()));
    List<String> arguments = new ArrayList<>(List.of("-d", directory.resolve("classes").toString()));
    if (asModule) {
      files.add(Files.writeString(sources.resolve("module-info.java"), "module probe { requires dev.jchef.cook; }\n").toString());
      arguments.addAll(List.of("--module-path", jars));
    } else {
      arguments.addAll(List.of("-classpath", jars));
    }
    arguments.addAll(files);
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, arguments.toArray(new String[0]));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    return directory.resolve("classes");
  }

  /**
   * jchef's modules and what they need at run time, from this test's class path: its tests' classes
   * and test libraries left out (on a module path their packages would clash).
   */
  private static String mainEntries() {
    List<String> testOnly = List.of("/org/junit/", "/net/jqwik/", "/org/opentest4j/", "/org/apiguardian/", "/slf4j-nop/");
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("-tests.jar"))
        .filter(entry -> testOnly.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
