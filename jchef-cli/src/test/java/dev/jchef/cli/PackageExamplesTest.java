package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exported package's {@code package-info.java} has a usage example ({@code <pre>{@code
 * ...}</pre>}), and each compiles against jchef's modules as a caller's code would: wrapped in a
 * method with {@code workspace} and {@code build} (paths) and, unless it makes one, {@code recipe}.
 */
class PackageExamplesTest {
  private static final List<String> EXPORTED = List.of(
      "cargo-model/src/main/java/dev/jchef/model", "recipe/src/main/java/dev/jchef/recipe",
      "skeleton/src/main/java/dev/jchef/skeleton", "cook-runner/src/main/java/dev/jchef",
      "cook-runner/src/main/java/dev/jchef/cook", "oci-cache/src/main/java/dev/jchef/cache");
  private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);

  @TempDir Path directory;

  @Test
  void everyExportedPackageHasAnExampleThatCompiles() throws Exception {
    List<String> sources = new ArrayList<>();
    for (String pkg : EXPORTED) {
      String info = Files.readString(Path.of("..", pkg, "package-info.java"));
      Matcher example = EXAMPLE.matcher(info);
      assertTrue(example.find(), pkg + "/package-info.java has no <pre>{@code ...}</pre> example");
      String code = example.group(1).lines().map(l -> l.replaceFirst("^ \\* ?", "")).reduce("", (a, b) -> a + b + "\n");
      String name = "Example" + sources.size();
      Path source = directory.resolve(name + ".java");
      Files.writeString(source, String.join("\n",
          "import dev.jchef.*;", "import dev.jchef.cache.*;", "import dev.jchef.cook.*;", "import dev.jchef.model.*;",
          "import dev.jchef.recipe.*;", "import dev.jchef.skeleton.*;", "import java.nio.file.*;", "import java.time.*;",
          "import java.util.*;",
          "class " + name + " {",
          "  static void run(Path workspace, Path build) throws Exception {",
          code.contains("Recipe recipe =") ? "" : "    Recipe recipe = Jchef.prepare(workspace);",
          code,
          "  }",
          "}"));
      sources.add(source.toString());
    }
    try (Stream<Path> infos = Stream.of(EXPORTED.toArray(String[]::new)).map(p -> Path.of("..", p, "package-info.java"))) {
      assertEquals(EXPORTED.size(), infos.filter(Files::isRegularFile).count());
    }
    JavaSources.assertCompile(directory, sources);
  }
}
