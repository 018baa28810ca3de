package dev.jchef.cache;

import dev.jchef.cook.CookCacheException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a state is split into registry layers: its units in {@value #UNIT_LAYERS} groups by their
 * hash (the {@code -H} cargo gives each unit's files), and the record alone in the last. A unit
 * keeps its group from one state to the next, and each layer's bytes depend only on the files in it
 * ({@link StateArchive} writes fixed times), so after a dependency change only the groups that
 * gained or lost a unit are new blobs: the registry has the others, and they are not sent again.
 * Layers are written, pushed, fetched and unpacked in parallel.
 */
final class StateLayers {
  /** The groups the units are spread over. */
  static final int UNIT_LAYERS = 8;
  /** The most layers a state may have when fetched. */
  static final int MAX_LAYERS = 64;

  private static final Pattern UNIT_HASH = Pattern.compile("/(?:deps|build|\\.fingerprint)/[^/]*?-([0-9a-f]{16})(?:[./]|$)");

  private StateLayers() {}

  /** The files of each layer, in order, empty groups left out. */
  static List<List<String>> groups(List<String> files) {
    List<List<String>> groups = new ArrayList<>();
    for (int i = 0; i <= UNIT_LAYERS; i++) {
      groups.add(new ArrayList<>());
    }
    for (String file : files) {
      Matcher unit = UNIT_HASH.matcher(file);
      int group = unit.find() ? Integer.parseInt(unit.group(1).substring(0, 2), 16) % UNIT_LAYERS : UNIT_LAYERS;
      groups.get(group).add(file);
    }
    return groups.stream().filter(g -> !g.isEmpty()).map(List::copyOf).toList();
  }

  /** Work on one item, which may fail. */
  interface Work<T> {
    void on(T item) throws IOException;
  }

  /**
   * Does {@code work} on every item, on {@code executor}'s threads, and waits for all.
   *
   * @throws CookCacheException (or another unchecked exception) the first item's failure
   */
  static <T> void parallel(ExecutorService executor, List<T> items, Work<T> work) {
    List<Future<?>> running = new ArrayList<>();
    for (T item : items) {
      running.add(executor.submit(() -> {
        work.on(item);
        return null;
      }));
    }
    try {
      for (Future<?> future : running) {
        future.get();
      }
    } catch (ExecutionException e) {
      running.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new CookCacheException(String.valueOf(cause), cause);
    } catch (InterruptedException e) {
      running.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new CookCacheException("interrupted");
    }
  }
}
