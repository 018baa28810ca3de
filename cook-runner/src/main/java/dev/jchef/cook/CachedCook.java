package dev.jchef.cook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One cook's use of a {@link CookCache}: before cargo runs, fetch the closest state, have cargo
 * fetch the sources ({@code cargo fetch}: git checkouts and registry crates are in place before
 * the state's times are set) and restore it ({@link CookState}); after the cook succeeded, store
 * the units it reported. Every failure of the cache is one {@link CookEvent.Warning} and the cook
 * goes on: cold, or without storing.
 */
final class CachedCook {
  private static final String PREFIX = "cache: ";

  private final CookCache cache;
  private final Path root;
  private final Path unitDirectory;
  private final Path cargoHome;
  private final CookCacheKey key;
  private final CookListener listener;
  private final CookInterrupt interrupt;
  /** Whether this recipe's own state was restored with every input unchanged. */
  private boolean exactRestored;

  private CachedCook(
      CookCache cache, Path root, Path unitDirectory, Path cargoHome, CookCacheKey key, CookListener listener,
      CookInterrupt interrupt) {
    this.cache = cache;
    this.root = root;
    this.unitDirectory = unitDirectory;
    this.cargoHome = cargoHome;
    this.key = key;
    this.listener = listener;
    this.interrupt = interrupt;
  }

  /** The cache's use by a cook of {@code recipe} in {@code root}, its skeleton written. */
  static CachedCook of(
      CookCache cache, dev.jchef.recipe.Recipe recipe, CookOptions options, Path root, Path unitDirectory,
      Map<String, String> cargoEnvironment, CookListener listener, CookInterrupt interrupt) {
    CookCacheKey key = CookCacheKey.of(recipe, options, root, unitDirectory, cargoEnvironment);
    return new CachedCook(cache, root, unitDirectory, CargoHome.of(cargoEnvironment), key, listener, interrupt);
  }

  /**
   * Runs a call to the cache on a thread of its own, so that an interrupt (Ctrl-C, a stopped
   * container) stops the cook at once: the call's thread is interrupted (the cache abandons its
   * transfer) and the cook ends as interrupted.
   *
   * @throws CookException when the interrupt is raised
   */
  private <T> T interruptibly(java.util.concurrent.Callable<T> call) {
    java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(call);
    Thread thread = new Thread(task, "jchef-cache-call");
    thread.setDaemon(true);
    thread.start();
    while (true) {
      try {
        return task.get(100, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        if (interrupt.raised()) {
          thread.interrupt();
          try {
            thread.join(5_000);
          } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
          }
          throw CookException.byInterrupt();
        }
      } catch (InterruptedException e) {
        thread.interrupt();
        Thread.currentThread().interrupt();
        throw CookException.byInterrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new CookCacheException(String.valueOf(e.getCause()), e.getCause());
      }
    }
  }

  /**
   * Restores the closest stored state into the unit directory, if there is one.
   *
   * @param fetchSources runs {@code cargo fetch}; false when it failed (its message printed)
   * @param members the workspace members' package names, whose units are never restored
   * @return the units restored, when they are this recipe's whole state, every input unchanged
   *     and nothing of it already here: cargo need not run; else empty
   */
  OptionalInt restore(java.util.function.BooleanSupplier fetchSources, Set<String> members) {
    Path staging = unitDirectory.resolve(".jchef-cache-fetch");
    try {
      CookState.deleteRecursively(staging);
      Files.createDirectories(staging);
      Optional<CacheTransfer> fetched = interruptibly(() -> cache.fetch(key, staging));
      if (fetched.isEmpty()) {
        CookState.deleteRecursively(staging);
        note(PREFIX + "no state stored for this recipe or its scope (its flags, toolchain and environment, and"
            + " the paths " + root + ", " + unitDirectory + " and CARGO_HOME " + cargoHome + "); cooking without one");
        return OptionalInt.empty();
      }
      if (!fetchSources.getAsBoolean()) {
        CookState.deleteRecursively(staging);
        warn(PREFIX + "not restored: cargo fetch failed, so the sources the state's units read cannot be checked");
        return OptionalInt.empty();
      }
      CookState.Restored restored = CookState.restore(key, staging, unitDirectory, root, cargoHome, members);
      CacheTransfer transfer = fetched.get();
      List<String> notes = new ArrayList<>();
      if (restored.kept() > 0) {
        notes.add(restored.kept() + " already here");
      }
      if (!restored.changedUnits().isEmpty()) {
        notes.add(restored.changedUnits().size() + " unit" + (restored.changedUnits().size() == 1 ? "" : "s")
            + " to compile again, as files they read, or units they depend on, changed ("
            + String.join(", ", restored.changedUnits()) + ")");
      }
      note(
          PREFIX + "restored " + (transfer.exact() ? "this recipe's state" : "the newest state of this scope") + " from "
              + transfer.reference() + " (" + megabytes(transfer.bytes()) + " in " + seconds(transfer.time()) + "): "
              + restored.files() + " files" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
      exactRestored = transfer.exact() && restored.sameRecipe() && restored.changedUnits().isEmpty();
      boolean whole = exactRestored && restored.kept() == 0;
      if (whole && cache.stores()) {
        promote();
      }
      return whole ? OptionalInt.of(restored.units()) : OptionalInt.empty();
    } catch (CookException e) {
      throw e; // interrupted
    } catch (CookCacheException | IOException | UncheckedIOException e) {
      warn(PREFIX + "not restored: " + e.getMessage() + "; cooking without it");
    } catch (RuntimeException | LinkageError e) {
      // A cache's own fault (a client that throws what it should not, a runtime without a module
      // it needs) must not fail the cook either.
      warn(PREFIX + "not restored: " + e + "; cooking without it");
    } finally {
      CookState.deleteRecursively(staging);
    }
    return OptionalInt.empty();
  }

  /** Makes the exact state the scope's newest, as storing it again would. */
  private void promote() {
    try {
      interruptibly(() -> {
        cache.promote(key);
        return null;
      });
    } catch (CookException e) {
      throw e; // interrupted
    } catch (CookCacheException e) {
      warn(PREFIX + "not stored: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      warn(PREFIX + "not stored: " + e);
    }
  }

  /** Stores the units this cook reported, of packages that are not dummies. */
  void store(CargoMessages messages, Predicate<String> isDummy) {
    if (!cache.stores()) {
      return;
    }
    boolean compiled = messages.artifacts().stream().anyMatch(a -> !a.fresh() && !isDummy.test(a.packageId()));
    if (exactRestored && !compiled) {
      // The state stored is this recipe's, and cargo changed none of its units.
      promote();
      return;
    }
    Path record = unitDirectory.resolve(CookStateRecord.FILE_NAME);
    try {
      List<String> files = CookState.select(key, unitDirectory, root, cargoHome, messages, isDummy);
      Optional<CacheTransfer> stored = interruptibly(() -> cache.store(key, unitDirectory, files));
      stored.ifPresent(
          transfer -> note(
              PREFIX + "stored " + (files.size() - 1) + " files in " + transfer.reference() + " ("
                  + megabytes(transfer.bytes()) + ", " + megabytes(transfer.transferred()) + " of it new, in "
                  + seconds(transfer.time()) + ")"));
    } catch (CookException e) {
      throw e; // interrupted
    } catch (CookCacheException | UncheckedIOException e) {
      warn(PREFIX + "not stored: " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      warn(PREFIX + "not stored: " + e);
    } finally {
      CookState.deleteRecursively(record);
    }
  }

  private void note(String text) {
    listener.on(new CookEvent.Note(text));
  }

  private void warn(String text) {
    listener.on(new CookEvent.Warning(text));
  }

  private static String megabytes(long bytes) {
    return bytes < 1_000_000
        ? String.format(Locale.ROOT, "%d kB", Math.round(bytes / 1e3))
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static String seconds(java.time.Duration time) {
    return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
  }
}
