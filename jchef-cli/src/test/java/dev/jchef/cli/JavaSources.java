package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiling documentation's Java examples against jchef's modules, as a caller's code would be. */
final class JavaSources {
  private JavaSources() {}

  /**
   * Compiles {@code sources} into {@code directory} as a caller's code on the module path would be:
   * jchef's modules (all of them, through {@code dev.jchef.cache}) from this test's class path, so
   * that only the packages they export to everyone can be used. Fails with javac's messages.
   */
  static void assertCompile(Path directory, List<String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    List<String> arguments = new ArrayList<>(List.of(
        "-d", directory.toString(), "--module-path", mainEntries(System.getProperty("java.class.path")),
        "--add-modules", "dev.jchef.cache", "--limit-modules", "dev.jchef.cache",
        // javac run in this JVM would take its class path for the unnamed module's, and with it every package.
        "-classpath", directory.toString()));
    arguments.addAll(sources);
    int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(new String[0]));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
  }

  /** The class path's entries without tests' classes (test jars hold jchef's packages too). */
  private static String mainEntries(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("-tests.jar") && !entry.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
