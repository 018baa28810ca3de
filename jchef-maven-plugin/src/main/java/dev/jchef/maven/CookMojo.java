package dev.jchef.maven;

import dev.jchef.cache.OciCookCache;
import dev.jchef.cache.RegistryLogin;
import dev.jchef.cook.CookResult;
import dev.jchef.cook.CookRunner;
import dev.jchef.recipe.Recipe;
import dev.jchef.skeleton.RecipeFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Cooks the crate's dependencies ({@code jchef cook}) into the cache directory, in the directory
 * of its cook key, unless a finished cook is there already: then nothing is compiled. A cook that
 * was interrupted is simply run again. With {@code cacheFrom} and {@code cacheTo}, cooked states
 * travel through an OCI registry as with {@code jchef cook --cache-from/--cache-to}: a fresh CI
 * machine restores the state of the same recipe and compiles no dependency. (The cook directory
 * is named by the cook key, and a state is restored only at the paths it was made at: after a
 * dependency change the plugin cooks cold; the command line's fixed directory restores the
 * newest state of the scope instead.)
 */
@Mojo(name = "cook", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public final class CookMojo extends CrateMojo {
  /** OCI repositories ({@code host[:port]/path}) to restore a cooked state from, tried in order. */
  @Parameter(property = "jchef.cacheFrom")
  List<String> cacheFrom;

  /** The OCI repository to store the cook's state in after it succeeded. */
  @Parameter(property = "jchef.cacheTo")
  String cacheTo;

  /**
   * The {@code settings.xml} {@code <server>} whose username and password log in to the registry;
   * by default the server whose id is the registry's {@code host[:port]}; without one, Docker's
   * {@code config.json}.
   */
  @Parameter(property = "jchef.cacheServerId")
  String cacheServerId;

  /** Seconds without progress after which a registry is given up (the cook goes on without it). */
  @Parameter(property = "jchef.cacheTimeout", defaultValue = "60")
  int cacheTimeout;

  @Parameter(defaultValue = "${settings}", readonly = true)
  Settings settings;

  @Component SettingsDecrypter decrypter;

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
    CookRunner runner =
        CookRunner.in(cook, cookOptions()).withEnvironment(cargoEnvironment()).withListener(new MavenCookListener(getLog()));
    Optional<OciCookCache> cache = cache();
    if (cache.isPresent()) {
      runner = runner.withCache(cache.get());
    }
    CookResult result = runner.cook(recipe, Optional.of(recipeFile));
    Files.writeString(
        cookedMarker(cook),
        "fingerprint=" + recipe.fingerprint() + "\nsummary=" + result.summary() + "\n",
        StandardCharsets.UTF_8);
    getLog().info("jchef: cooked: " + result.summary());
  }

  /** The registry cache of {@code cacheFrom} and {@code cacheTo}, if either is set. */
  private Optional<OciCookCache> cache() {
    List<String> from = cacheFrom == null ? List.of() : cacheFrom;
    Optional<String> to = Optional.ofNullable(cacheTo).filter(t -> !t.isBlank());
    if (from.isEmpty() && to.isEmpty()) {
      return Optional.empty();
    }
    OciCookCache cache =
        OciCookCache.of(from, to).withEnvironment(cargoEnvironment()).withTimeout(Duration.ofSeconds(cacheTimeout));
    Settings decrypted = settings;
    if (settings != null && decrypter != null && !settings.getServers().isEmpty()) {
      decrypted = settings.clone();
      decrypted.setServers(decrypter.decrypt(new DefaultSettingsDecryptionRequest(settings)).getServers());
    }
    Optional<RegistryLogin> login =
        RegistryServers.login(decrypted, Optional.ofNullable(cacheServerId), to.orElse(from.get(0)));
    login.ifPresent(l -> getLog().info("jchef: registry login of user `" + l.username() + "` from a settings.xml <server>"));
    return Optional.of(login.map(cache::withLogin).orElse(cache));
  }
}
