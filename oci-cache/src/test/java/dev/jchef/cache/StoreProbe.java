package dev.jchef.cache;

import dev.jchef.cook.CookCacheException;
import dev.jchef.cook.CookCacheKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Stores a one-file state in the repository {@code args[0]} from {@code args[1]} and prints
 * {@code stored} or the failure: run in a child JVM by {@link RegistriesConfTest}, since the OCI
 * client reads {@code CONTAINERS_REGISTRIES_CONF} from the process's own environment.
 */
public final class StoreProbe {
  private StoreProbe() {}

  public static void main(String[] args) {
    try {
      OciCookCache.of(List.of(), Optional.of(args[0])).withTimeout(java.time.Duration.ofSeconds(10))
          .store(new CookCacheKey("a".repeat(64), "b".repeat(64)), Path.of(args[1]), List.of("debug/deps/libx-0123456789abcdef.rlib"));
      System.out.println("stored");
    } catch (CookCacheException e) {
      System.out.println("failed: " + e.getMessage());
    }
  }
}
