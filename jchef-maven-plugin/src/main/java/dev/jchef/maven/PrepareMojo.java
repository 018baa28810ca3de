package dev.jchef.maven;

import dev.jchef.recipe.Recipe;
import dev.jchef.skeleton.RecipeFile;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the crate's recipe ({@code jchef prepare}) to {@code target/jchef/recipe.json} and logs
 * its fingerprint: what the dependency build depends on, for a CI cache key or a look at why a
 * cook ran.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class PrepareMojo extends CrateMojo {
  @Override
  void run() {
    Recipe recipe = recipe();
    Path file = buildDirectory.toPath().resolve("jchef").resolve("recipe.json");
    RecipeFile.write(file, recipe);
    getLog().info("jchef: recipe of " + crateDirectory + " written to " + file + " (fingerprint "
        + recipe.fingerprint() + ")");
  }
}
