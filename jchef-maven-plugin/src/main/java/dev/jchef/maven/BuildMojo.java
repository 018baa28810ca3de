package dev.jchef.maven;

import dev.jchef.cook.RealBuild;
import dev.jchef.recipe.Recipe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the real crate on top of its cooked dependencies ({@code cargo build} with the cook
 * directory's target directory, so only the crate compiles) and copies what it ships (the native
 * library of a {@code cdylib}, {@code dylib} or {@code staticlib}, or a binary) into the classes
 * directory, under a platform directory: on the test class path and in the jar.
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public final class BuildMojo extends CrateMojo {
  /**
   * Where in the classes directory the files go: by default {@code native/<os>-<arch>}, such as
   * {@code native/linux-x86_64}.
   */
  @Parameter(property = "jchef.platformDirectory")
  String platformDirectory;

  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  File outputDirectory;

  @Override
  void run() throws IOException, MojoFailureException {
    Recipe recipe = recipe();
    Path cook = cookDirectory(recipe);
    if (!Files.isRegularFile(cookedMarker(cook))) {
      throw new MojoFailureException(
          "jchef: no cooked dependencies for this recipe in " + cook + ": run the jchef:cook goal before jchef:build");
    }
    Map<String, String> environment = cargoEnvironment();
    environment.put("CARGO_TARGET_DIR", cook.resolve("target").toString());
    RealBuild.Report report = RealBuild.run(crateDirectory.toPath(), cookOptions(), environment, new MavenCookListener(getLog()));
    getLog().info(summary(report));
    Path destination = outputDirectory.toPath().resolve(platformDirectory == null ? Platforms.current() : platformDirectory);
    Files.createDirectories(destination);
    for (Path file : report.shippedFiles()) {
      Path copy = destination.resolve(file.getFileName().toString());
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      getLog().info("jchef: " + file.getFileName() + " copied to " + copy);
    }
    if (report.shippedFiles().isEmpty()) {
      getLog().warn("jchef: the crate built no native library (cdylib, dylib, staticlib) and no binary to copy");
    }
  }

  /**
   * The line after the build: {@code jchef: cargo build: 1 workspace unit compiled (jni-demo), 0
   * registry crates compiled, 1.2 s}, the workspace's units named as a reader names them.
   */
  static String summary(RealBuild.Report report) {
    int workspace = report.workspaceCompiled().size();
    int registry = report.registryCompiled().size();
    return "jchef: cargo build: " + workspace + (workspace == 1 ? " workspace unit" : " workspace units") + " compiled"
        + (workspace == 0
            ? ""
            : " (" + report.workspaceCompiled().stream().map(RealBuild::unitName).collect(Collectors.joining(", ")) + ")")
        + ", " + registry + (registry == 1 ? " registry crate" : " registry crates") + " compiled, "
        + String.format(Locale.ROOT, "%.1f s", report.elapsed().toMillis() / 1000.0);
  }
}
