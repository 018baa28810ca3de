package dev.jchef.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jchef.cook.CacheTransfer;
import dev.jchef.cook.CookCacheException;
import dev.jchef.cook.CookCacheKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.Registry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry side alone, against Debian's docker-registry on 127.0.0.1: no cargo. */
class OciCookCacheTest {
  private static final CookCacheKey KEY = new CookCacheKey("a".repeat(64), "b".repeat(64));
  private static final CookCacheKey OTHER = new CookCacheKey("c".repeat(64), "b".repeat(64));

  @TempDir Path base;

  @Test
  void aReferenceIsARepositoryWithoutTagOrDigest() {
    OciCookCache.of(List.of("localhost:5000/team/app-cook", "ghcr.io/org/app-cook"), Optional.of("127.0.0.1:5000/a/b"));
    for (String wrong : List.of("app-cook", "ghcr.io/org/app-cook:latest", "ghcr.io/org/app@sha256:" + "0".repeat(64))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> OciCookCache.of(List.of(wrong), Optional.empty()), wrong);
      assertTrue(e.getMessage().startsWith("cache reference `" + wrong + "`: give a repository"), e.getMessage());
    }
  }

  @Test
  void loopbackHostsAreReachedOverPlainHttp() {
    for (String loopback : List.of("localhost:5000", "127.0.0.1:5000", "127.1.2.3", "[::1]:5000", "localhost")) {
      assertTrue(RegistryAccess.isLoopback(loopback), loopback);
    }
    for (String remote : List.of("ghcr.io", "10.0.0.1:5000", "localhost.example.com", "127.0.0.1.example.com")) {
      assertFalse(RegistryAccess.isLoopback(remote), remote);
    }
  }

  /** A state of one file whose bytes say which state it is. */
  private Path state(String name, int size) throws IOException {
    Path directory = base.resolve(name);
    Path file = directory.resolve("debug/deps/libx-0123456789abcdef.rlib");
    Files.createDirectories(file.getParent());
    Files.writeString(file, (name + "\n").repeat(size));
    return directory;
  }

  private static final List<String> FILES = List.of("debug/deps/libx-0123456789abcdef.rlib");

  @Tag("slow")
  @Test
  void ofTwoCooksStoringTheSameScopeAtOnceTheLastCompletePushWinsAndNothingIsTorn() throws Exception {
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.of(repository));
      Path one = state("one", 200_000);
      Path two = state("two", 300_000);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      List<Future<Optional<CacheTransfer>>> pushes = new ArrayList<>();
      pushes.add(threads.submit(() -> cache.store(KEY, one, FILES)));
      pushes.add(threads.submit(() -> cache.store(OTHER, two, FILES)));
      for (Future<Optional<CacheTransfer>> push : pushes) {
        assertTrue(push.get().isPresent());
      }
      threads.shutdown();

      // The scope's newest state: one of the two, whole.
      Path fetched = Files.createDirectories(base.resolve("fetched"));
      CacheTransfer transfer = cache.fetch(new CookCacheKey("d".repeat(64), "b".repeat(64)), fetched).orElseThrow();
      assertFalse(transfer.exact());
      String content = Files.readString(fetched.resolve(FILES.get(0)));
      assertTrue(content.equals("one\n".repeat(200_000)) || content.equals("two\n".repeat(300_000)),
          "a whole state, not a mix: " + content.length() + " characters");

      // Each exact key still finds its own.
      Path exact = Files.createDirectories(base.resolve("exact"));
      assertTrue(cache.fetch(OTHER, exact).orElseThrow().exact());
      assertEquals("two\n".repeat(300_000), Files.readString(exact.resolve(FILES.get(0))));
      assertEquals(Optional.empty(), cache.fetch(new CookCacheKey("e".repeat(64), "f".repeat(64)), base.resolve("none")));

      // A cook that restored KEY's whole state makes it the scope's newest again.
      cache.promote(KEY);
      Path promoted = Files.createDirectories(base.resolve("promoted"));
      cache.fetch(new CookCacheKey("d".repeat(64), "b".repeat(64)), promoted).orElseThrow();
      assertEquals("one\n".repeat(200_000), Files.readString(promoted.resolve(FILES.get(0))));
    }
  }

  @Tag("slow")
  @Test
  void aForeignArtifactOrACorruptStateUnderTheTagIsRefusedSayingWhy() throws IOException {
    try (LocalRegistry registry = LocalRegistry.start(base.resolve("registry"), Optional.empty())) {
      String repository = registry.address + "/team/app-cook";
      Registry client = Registry.builder().insecure().build();
      ContainerRef exactTag = ContainerRef.parse(repository).withTag(OciCookCache.tag(KEY, true));
      pushArtifact(client, exactTag, "application/vnd.example.other", "application/octet-stream", "not ours");
      OciCookCache cache = OciCookCache.of(List.of(repository), Optional.empty());
      CookCacheException foreign =
          assertThrows(CookCacheException.class, () -> cache.fetch(KEY, Files.createDirectories(base.resolve("a"))));
      assertTrue(foreign.getMessage().contains("is not a jchef cook state (artifact type application/vnd.example.other"),
          foreign.getMessage());

      pushArtifact(client, exactTag, OciCookCache.ARTIFACT_TYPE, OciCookCache.LAYER_TYPE, "not a gzip'd tar");
      CookCacheException corrupt =
          assertThrows(CookCacheException.class, () -> cache.fetch(KEY, Files.createDirectories(base.resolve("b"))));
      assertTrue(corrupt.getMessage().contains("(the transfer broke off, or the archive is not complete gzip'd tar)"), corrupt.getMessage());
    }
  }

  private static void pushArtifact(Registry client, ContainerRef ref, String artifactType, String layerType, String bytes) {
    Layer layer = client.pushBlob(ref, bytes.getBytes(StandardCharsets.UTF_8)).withMediaType(layerType);
    Config config = client.pushConfig(ref, Config.empty());
    client.pushManifest(ref, Manifest.empty().withArtifactType(ArtifactType.from(artifactType)).withConfig(config)
        .withLayers(List.of(layer)).withAnnotations(Map.of()));
  }
}
