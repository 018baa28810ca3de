package dev.jchef.maven;

import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.recipe.Recipe;
import dev.jchef.recipe.RecipeFingerprint;
import dev.jchef.skeleton.RecipeFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Cooks the crate's dependencies ({@code jchef cook}) into the cache directory, in the directory
 * of its cook key, unless a finished cook is there already: then nothing is compiled. A cook that
 * was interrupted is simply run again.
 */
@Mojo(name = "cook", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class CookMojo extends CrateMojo {
  @Override
  void run() throws IOException {
    Recipe recipe = recipe();
    Path cook = cookDirectory(recipe);
    if (Files.isRegularFile(cookedMarker(cook))) {
      getLog().info("jchef: the dependencies are cooked already (cache hit) in " + cook);
      return;
    }
    getLog().info("jchef: cooking the dependencies of " + crateDirectory + " in " + cook);
    Files.createDirectories(cook);
    Path recipeFile = cook.resolve("recipe.json");
    RecipeFile.write(recipeFile, recipe);
    PrintWriter log = MavenLogWriter.to(getLog());
    CookResult result =
        CookRunner.in(cook, cookOptions())
            .withEnvironment(cargoEnvironment())
            .withOutput(log, log, false)
            .cook(recipe, Optional.of(recipeFile));
    log.close();
    Files.writeString(
        cookedMarker(cook),
        "fingerprint=" + RecipeFingerprint.of(recipe) + "\nsummary=" + result.summary() + "\n",
        StandardCharsets.UTF_8);
    getLog().info("jchef: cooked: " + result.summary());
  }
}
