package dev.jchef.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiling documentation's Java examples against jchef's modules, as a caller's code would be. */
final class JavaSources {
  private JavaSources() {}

  /** Compiles {@code sources} into {@code directory} on this test's class path, failing with javac's messages. */
  static void assertCompile(Path directory, List<String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    List<String> arguments = new ArrayList<>(List.of("-d", directory.toString(), "-cp", System.getProperty("java.class.path")));
    arguments.addAll(sources);
    int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(new String[0]));
    assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
  }
}
