package dev.jchef.cache;

import static java.util.Objects.requireNonNull;

import dev.jchef.cook.CacheTransfer;
import dev.jchef.cook.CookCache;
import dev.jchef.cook.CookCacheException;
import dev.jchef.cook.CookCacheKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.Registry;
import land.oras.exception.OrasException;

/**
 * Cooked states in OCI registries ({@code jchef cook --cache-from REF --cache-to REF}): each state
 * is an OCI artifact ({@value #ARTIFACT_TYPE}) of one layer, the {@link StateArchive}, tagged
 * {@code jchef-<exact key>} and {@code jchef-scope-<scope>} ({@link CookCacheKey}), in the
 * repository {@code REF} names ({@code localhost:5000/team/app-cook}, {@code ghcr.io/org/app-cook}:
 * a repository, without a tag; jchef names the tags).
 *
 * <p>Fetching tries the exact tag in every {@code --cache-from} repository in turn, then the scope
 * tag; the blob's SHA-256 is checked against the manifest as it streams in. Storing pushes the blob,
 * then the manifest under the exact tag, then the same manifest bytes under the scope tag: a
 * registry moves a tag in one step, so a reader finds the previous state or this one, and of two
 * cooks storing at once the last push wins. Each step is abandoned when the registry makes no
 * progress for the timeout (default 60 s); threads are daemons. A registry that did not answer
 * a fetch (nothing listening, or the timeout) is not tried for a store by the same instance: one
 * timeout per cook, not two. See {@link RegistryAccess} for plain HTTP and credentials.
 */
public final class OciCookCache implements CookCache {
  /** The artifact type of a stored state. */
  public static final String ARTIFACT_TYPE = "application/vnd.jchef.cook-state.v1";
  /** The media type of its one layer. */
  public static final String LAYER_TYPE = "application/vnd.jchef.cook-state.v1.tar+gzip";
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final List<ContainerRef> cacheFrom;
  private final Optional<ContainerRef> cacheTo;
  private final Optional<RegistryLogin> login;
  private final Duration timeout;
  private final Map<String, String> environment;
  /** Registries that did not answer a fetch: a store to them is not tried (no second timeout). */
  private final java.util.Set<String> unreachable = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private OciCookCache(
      List<ContainerRef> cacheFrom, Optional<ContainerRef> cacheTo, Optional<RegistryLogin> login, Duration timeout,
      Map<String, String> environment) {
    this.cacheFrom = List.copyOf(cacheFrom);
    this.cacheTo = requireNonNull(cacheTo);
    this.login = requireNonNull(login);
    this.timeout = requireNonNull(timeout);
    this.environment = Map.copyOf(environment);
  }

  /**
   * Returns a cache fetching from the repositories {@code cacheFrom} (in that order) and storing to {@code
   * cacheTo}, with this process's environment for credentials.
   *
   * @throws IllegalArgumentException when a reference is not a repository ({@code
   *     host[:port]/path}, no tag or digest), naming it
   */
  public static OciCookCache of(List<String> cacheFrom, Optional<String> cacheTo) {
    return new OciCookCache(
        cacheFrom.stream().map(OciCookCache::repository).toList(), cacheTo.map(OciCookCache::repository),
        Optional.empty(), DEFAULT_TIMEOUT, System.getenv());
  }

  /** Returns this cache logging in with {@code newLogin} instead of the stored credentials. */
  public OciCookCache withLogin(RegistryLogin newLogin) {
    return new OciCookCache(cacheFrom, cacheTo, Optional.of(newLogin), timeout, environment);
  }

  /** Returns this cache abandoning a registry that makes no progress for {@code newTimeout}. */
  public OciCookCache withTimeout(Duration newTimeout) {
    if (newTimeout.isNegative() || newTimeout.isZero()) {
      throw new IllegalArgumentException("the cache timeout must be positive, not " + newTimeout);
    }
    return new OciCookCache(cacheFrom, cacheTo, login, newTimeout, environment);
  }

  /**
   * Returns this cache finding credentials files with {@code newEnvironment} ({@code DOCKER_CONFIG},
   * {@code REGISTRY_AUTH_FILE}, {@code HOME}, {@code XDG_RUNTIME_DIR}).
   */
  public OciCookCache withEnvironment(Map<String, String> newEnvironment) {
    return new OciCookCache(cacheFrom, cacheTo, login, timeout, newEnvironment);
  }

  @Override
  public Optional<CacheTransfer> fetch(CookCacheKey key, Path directory) {
    // A repository that fails is passed over for the next; its failure is told only if none has a state.
    Optional<CookCacheException> firstFailure = Optional.empty();
    for (boolean exact : new boolean[] {true, false}) {
      for (ContainerRef repository : cacheFrom) {
        if (unreachable.contains(repository.getRegistry())) {
          continue;
        }
        try {
          Optional<CacheTransfer> fetched = fetch(repository.withTag(tag(key, exact)), exact, directory);
          if (fetched.isPresent()) {
            return fetched;
          }
        } catch (CookCacheException e) {
          firstFailure = firstFailure.or(() -> Optional.of(e));
          clear(directory);
        }
      }
    }
    if (firstFailure.isPresent()) {
      throw firstFailure.get();
    }
    return Optional.empty();
  }

  private Optional<CacheTransfer> fetch(ContainerRef ref, boolean exact, Path directory) {
    long start = System.nanoTime();
    Watchdog watchdog = new Watchdog(timeout, "the registry " + ref.getRegistry());
    ExecutorService executor = RegistryAccess.executor();
    try {
      Registry registry = RegistryAccess.client(ref, login, environment, executor);
      Optional<Manifest> manifest = watchdog.run(() -> manifest(registry, ref, login));
      watchdog.progressed();
      if (manifest.isEmpty()) {
        return Optional.empty();
      }
      List<Layer> layers = stateLayers(manifest.get(), ref);
      watchdog.run(() -> {
        StateLayers.parallel(executor, layers, layer -> unpackLayer(registry, ref, layer, directory, watchdog));
        return null;
      });
      long bytes = layers.stream().mapToLong(Layer::getSize).sum();
      return Optional.of(
          CacheTransfer.fetched(shown(ref) + ":" + tag(ref), exact, bytes, Duration.ofNanos(System.nanoTime() - start)));
    } catch (OrasException e) {
      noteUnreachable(ref, e, watchdog);
      throw RegistryAccess.failure("fetch " + ref, ref.getRegistry(), login, e);
    } catch (CookCacheException e) {
      noteUnreachable(ref, e, watchdog);
      throw e;
    } finally {
      executor.shutdownNow();
    }
  }

  private void noteUnreachable(ContainerRef ref, RuntimeException e, Watchdog watchdog) {
    if (watchdog.stalled() || RegistryAccess.unreachable(e)) {
      unreachable.add(ref.getRegistry());
    }
  }

  /** Refuses to try a registry that did not answer this cook's fetch. */
  private void checkReachable(ContainerRef repository) {
    if (unreachable.contains(repository.getRegistry())) {
      throw new CookCacheException(repository.getRegistry() + " did not answer when the cook began; not tried again");
    }
  }

  /** Streams one layer into the directory, checking its digest against the manifest's. */
  private void unpackLayer(Registry registry, ContainerRef ref, Layer layer, Path directory, Watchdog watchdog)
      throws IOException {
    MessageDigest sha256 = StateArchive.sha256();
    try (InputStream blob = watchdog.watch(registry.fetchBlob(ref.withDigest(layer.getDigest())));
        DigestInputStream digesting = new DigestInputStream(blob, sha256)) {
      StateArchive.unpack(digesting, directory, watchdog::cancelled);
      digesting.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (OrasException e) {
      throw RegistryAccess.failure("fetch " + ref, ref.getRegistry(), login, e);
    }
    String digest = "sha256:" + HexFormat.of().formatHex(sha256.digest());
    if (!digest.equals(layer.getDigest())) {
      throw new CookCacheException(
          "the state in " + ref + " is corrupt: a blob's digest is " + digest + ", its manifest says " + layer.getDigest());
    }
  }

  /** Removes what a failed fetch left in {@code directory}, keeping the directory. */
  private static void clear(Path directory) {
    try (java.util.stream.Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!path.equals(directory)) {
          Files.deleteIfExists(path);
        }
      }
    } catch (IOException e) {
      throw new CookCacheException("cannot empty " + directory + " after a failed fetch: " + e.getMessage(), e);
    }
  }

  /** The manifest tagged {@code ref}, or empty when the tag is not there. */
  private static Optional<Manifest> manifest(Registry registry, ContainerRef ref, Optional<RegistryLogin> login) {
    try {
      return Optional.of(registry.getManifest(ref));
    } catch (OrasException e) {
      if (e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw RegistryAccess.failure("read " + ref, ref.getRegistry(), login, e);
    }
  }

  /** The state's layers, after checking that the manifest is a jchef state's. */
  private static List<Layer> stateLayers(Manifest manifest, ContainerRef ref) {
    List<Layer> layers = manifest.getLayers();
    boolean ours = ARTIFACT_TYPE.equals(manifest.getArtifactTypeAsString()) && !layers.isEmpty()
        && layers.size() <= StateLayers.MAX_LAYERS
        && layers.stream().allMatch(layer -> LAYER_TYPE.equals(layer.getMediaType()) && layer.getDigest() != null
            && layer.getDigest().startsWith("sha256:") && layer.getSize() != null);
    if (!ours) {
      throw new CookCacheException(
          ref + " is not a jchef cook state (artifact type " + manifest.getArtifactTypeAsString() + ", " + layers.size()
              + " layers); give --cache-from a repository that only jchef cook --cache-to writes");
    }
    return layers;
  }

  @Override
  public boolean stores() {
    return cacheTo.isPresent();
  }

  @Override
  public void promote(CookCacheKey key) {
    if (cacheTo.isEmpty()) {
      return;
    }
    ContainerRef repository = cacheTo.get();
    checkReachable(repository);
    Watchdog watchdog = new Watchdog(timeout, "the registry " + repository.getRegistry());
    ExecutorService executor = RegistryAccess.executor();
    try {
      Registry registry = RegistryAccess.client(repository, login, environment, executor);
      Optional<Manifest> manifest = watchdog.run(() -> manifest(registry, repository.withTag(tag(key, true)), login));
      watchdog.progressed();
      if (manifest.isPresent()) {
        watchdog.run(() -> registry.pushManifest(repository.withTag(tag(key, false)), manifest.get()));
      }
    } catch (OrasException e) {
      throw RegistryAccess.failure("move the scope's tag in " + shown(repository), repository.getRegistry(), login, e);
    } finally {
      executor.shutdownNow();
    }
  }

  @Override
  public Optional<CacheTransfer> store(CookCacheKey key, Path base, List<String> files) {
    if (cacheTo.isEmpty()) {
      return Optional.empty();
    }
    ContainerRef repository = cacheTo.get();
    checkReachable(repository);
    long start = System.nanoTime();
    Watchdog watchdog = new Watchdog(timeout, "the registry " + repository.getRegistry());
    ExecutorService executor = RegistryAccess.executor();
    List<List<String>> groups = StateLayers.groups(files);
    List<Path> archives = new java.util.ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      archives.add(base.resolve(".jchef-cache-push-" + i + ".tar.gz"));
    }
    try {
      List<StateArchive.Written> written = new java.util.ArrayList<>(java.util.Collections.nCopies(groups.size(), null));
      StateLayers.parallel(executor, java.util.stream.IntStream.range(0, groups.size()).boxed().toList(),
          i -> written.set(i, StateArchive.write(base, groups.get(i), archives.get(i))));
      Registry registry = RegistryAccess.client(repository, login, environment, executor);
      ContainerRef exactRef = repository.withTag(tag(key, true));
      List<Layer> layers = new java.util.ArrayList<>(java.util.Collections.nCopies(groups.size(), null));
      java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
      // A layer the registry has already (its units unchanged since an earlier state) is not sent again.
      watchdog.run(() -> {
        StateLayers.parallel(executor, java.util.stream.IntStream.range(0, groups.size()).boxed().toList(), i -> {
          StateArchive.Written layer = written.get(i);
          if (!hasBlob(registry, exactRef.withDigest(layer.digest()))) {
            pushLayer(registry, exactRef, layer, archives.get(i), watchdog);
            sent.addAndGet(layer.size());
          }
          watchdog.progressed();
          layers.set(i, Layer.fromDigest(layer.digest(), layer.size()).withMediaType(LAYER_TYPE));
        });
        return null;
      });
      watchdog.progressed();
      Config config = watchdog.run(() -> registry.pushConfig(exactRef, Config.empty()));
      watchdog.progressed();
      Manifest manifest =
          Manifest.empty().withArtifactType(ArtifactType.from(ARTIFACT_TYPE)).withConfig(config).withLayers(layers);
      Manifest pushed = watchdog.run(() -> registry.pushManifest(exactRef, manifest));
      watchdog.progressed();
      // The same bytes under the scope's tag: the same digest, nothing pushed twice.
      watchdog.run(() -> registry.pushManifest(repository.withTag(tag(key, false)), pushed));
      long bytes = written.stream().mapToLong(StateArchive.Written::size).sum();
      return Optional.of(CacheTransfer.stored(
          shown(repository) + ":" + tag(key, true), bytes, sent.get(), Duration.ofNanos(System.nanoTime() - start)));
    } catch (OrasException e) {
      throw RegistryAccess.failure("push to " + shown(repository), repository.getRegistry(), login, e);
    } catch (UncheckedIOException e) {
      throw new CookCacheException("cannot write the state's archive in " + base + ": " + e.getMessage(), e);
    } finally {
      executor.shutdownNow();
      for (Path archive : archives) {
        try {
          Files.deleteIfExists(archive);
        } catch (IOException e) {
          // the next store replaces it
        }
      }
    }
  }

  /** Whether the registry has the blob {@code ref} names (a HEAD request). */
  private static boolean hasBlob(Registry registry, ContainerRef ref) {
    try {
      registry.fetchBlobDescriptor(ref);
      return true;
    } catch (OrasException e) {
      if (e.getStatusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  private static void pushLayer(Registry registry, ContainerRef ref, StateArchive.Written written, Path archive,
      Watchdog watchdog) {
    registry.pushBlob(
            ref.withDigest(written.digest()), written.size(),
            () -> {
              try {
                return watchdog.watch(Files.newInputStream(archive));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            Map.of());
  }

  /** A repository as the user wrote it: {@code host[:port]/path}, without the client's default tag. */
  private static String shown(ContainerRef repository) {
    return repository.getRegistry() + "/" + repository.getFullRepository();
  }

  private static String tag(ContainerRef ref) {
    String text = ref.toString();
    return text.substring(text.lastIndexOf(':') + 1);
  }

  /** {@code jchef-<exact>} or {@code jchef-scope-<scope>}: valid OCI tags (at most 128 characters). */
  static String tag(CookCacheKey key, boolean exact) {
    return exact ? "jchef-" + key.exact() : "jchef-scope-" + key.scope();
  }

  /** A repository reference, refusing a tag or digest. */
  private static ContainerRef repository(String reference) {
    String lastPart = reference.substring(reference.lastIndexOf('/') + 1);
    if (!reference.contains("/") || reference.contains("@") || lastPart.contains(":")) {
      throw new IllegalArgumentException(
          "cache reference `" + reference + "`: give a repository, host[:port]/path such as localhost:5000/team/app-cook"
              + " or ghcr.io/org/app-cook, without a tag (jchef names the tags)");
    }
    try {
      return ContainerRef.parse(reference);
    } catch (OrasException e) {
      throw new IllegalArgumentException("cache reference `" + reference + "`: " + e.getMessage(), e);
    }
  }
}
