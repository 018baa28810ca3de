package dev.jchef.maven;

import dev.jchef.Jchef;
import dev.jchef.cook.CookException;
import dev.jchef.cook.CookOptions;
import dev.jchef.cook.CookRunner;
import dev.jchef.model.CargoFileException;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeException;
import dev.jchef.skeleton.SkeletonRefusedException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal of the plugin shares: where the crate and the cooked dependencies are, how
 * cargo builds (profile, features, target, environment), and turning jchef's errors into Maven's.
 */
abstract class CrateMojo extends AbstractMojo {
  /** The directory of the Rust crate or workspace ({@code Cargo.toml}). */
  @Parameter(property = "jchef.crateDirectory", defaultValue = "${project.basedir}/src/main/rust")
  File crateDirectory;

  /**
   * Where cooked dependencies are kept, one directory per cook key (the cook key, {@code CookRunner.key}: the recipe's
   * fingerprint, the build's flags and the toolchain). Outside {@code target/}, so that {@code mvn
   * clean} keeps them; a CI cache can keep this directory.
   */
  @Parameter(property = "jchef.cacheDirectory", defaultValue = "${user.home}/.cache/jchef/maven")
  File cacheDirectory;

  /** The Cargo profile: {@code release}, {@code dev}, or a custom one. */
  @Parameter(property = "jchef.profile", defaultValue = "release")
  String profile;

  /** Features to activate ({@code --features}). */
  @Parameter(property = "jchef.features")
  List<String> features;

  /** A target triple to build for ({@code --target}); the host when not set. */
  @Parameter(property = "jchef.target")
  String target;

  /** Environment variables for cargo, over Maven's own ({@code CARGO_HOME}, {@code RUSTFLAGS} ...). */
  @Parameter
  Map<String, String> environment;

  /** Skips the goal. */
  @Parameter(property = "jchef.skip", defaultValue = "false")
  boolean skip;

  /** Maven's offline mode ({@code -o}) makes cargo offline too. */
  @Parameter(defaultValue = "${settings.offline}", readonly = true)
  boolean offline;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  File buildDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("jchef: skipped (jchef.skip)");
      return;
    }
    try {
      run();
    } catch (CargoFileException | RecipeException | SkeletonRefusedException | IllegalArgumentException e) {
      throw new MojoFailureException("jchef: " + e.getMessage(), e);
    } catch (CookException e) {
      throw new MojoFailureException("jchef: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("jchef: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("jchef: " + e.getMessage(), e.getCause());
    }
  }

  /** The goal's work. */
  abstract void run() throws IOException, MojoFailureException;

  /** The crate's recipe. */
  Recipe recipe() {
    return Jchef.prepare(crateDirectory.toPath());
  }

  /** How cargo builds, for the cook and for the real build alike. */
  CookOptions cookOptions() {
    CookOptions.Builder options =
        CookOptions.builder().profile(profile).features(features == null ? List.of() : features).offline(offline);
    if (target != null && !target.isBlank()) {
      options.target(target);
    }
    return options.build();
  }

  /** Maven's environment with {@link #environment} over it. */
  Map<String, String> cargoEnvironment() {
    Map<String, String> result = new HashMap<>(System.getenv());
    if (environment != null) {
      result.putAll(environment);
    }
    return result;
  }

  /** The directory the dependencies of {@code recipe} are (or are to be) cooked in. */
  Path cookDirectory(Recipe recipe) {
    String key = CookRunner.in(crateDirectory.toPath(), cookOptions()).withEnvironment(cargoEnvironment()).key(recipe);
    return cacheDirectory.toPath().toAbsolutePath().resolve(key);
  }

  /** The file whose presence says that a cook directory's cook finished. */
  static Path cookedMarker(Path cookDirectory) {
    return cookDirectory.resolve(COOKED_MARKER);
  }

  static final String COOKED_MARKER = "jchef-cooked.properties";
}
