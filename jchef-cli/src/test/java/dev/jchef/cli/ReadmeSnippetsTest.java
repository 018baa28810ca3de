package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java blocks (marked {@code <!-- readme-check: compile -->}) compile against jchef's
 * modules as a library user's code would, and the workspace listing runs; e2e/readme/run.sh checks
 * the other blocks.
 */
class ReadmeSnippetsTest {
  private static final Pattern JAVA_BLOCK =
      Pattern.compile("<!-- readme-check: compile -->\\n```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS_NAME = Pattern.compile("public class (\\w+)");

  @TempDir Path directory;

  @Test
  void everyJavaBlockCompilesAndTheWorkspaceListingRuns() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> sources = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      Matcher name = CLASS_NAME.matcher(block.group(1));
      assertTrue(name.find(), "a README Java block is a whole class: " + block.group(1));
      Path source = directory.resolve(name.group(1) + ".java");
      Files.writeString(source, block.group(1));
      sources.add(source.toString());
    }
    assertEquals(2, sources.size(), "the README's Java blocks");

    JavaSources.assertCompile(directory, sources);

    String listing = runMain("ListTargets", Path.of("..", "examples", "demo-workspace").toAbsolutePath().toString());
    assertTrue(listing.contains("greeter/Cargo.toml\n  LIB greeter src/lib.rs\n"), listing);
    assertTrue(listing.contains(" locked\n"), listing);
  }

  private String runMain(String className, String argument) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {directory.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[] {argument});
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
