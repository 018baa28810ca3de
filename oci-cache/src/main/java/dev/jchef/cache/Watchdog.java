package dev.jchef.cache;

import dev.jchef.cook.CookCacheException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deadline for registry work, which the OCI client does not have (its HTTP client waits as long
 * as the server keeps the connection): the work runs on a daemon thread, and when it makes no
 * progress (a request answered, bytes moved) for the stall time, it is abandoned: its stream is
 * closed, its thread interrupted, and the caller gets a {@link CookCacheException}. A daemon
 * thread, so that an abandoned request never keeps a library caller's JVM up.
 */
final class Watchdog {
  private final Duration stall;
  private final String what;
  private final AtomicLong progress = new AtomicLong();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final AtomicBoolean stalled = new AtomicBoolean();
  private final java.util.Queue<Closeable> open = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * @param stall how long the work may go without progress
   * @param what the work, for the message: {@code "the registry localhost:5000"}
   */
  Watchdog(Duration stall, String what) {
    this.stall = stall;
    this.what = what;
  }

  /** Notes progress: a request answered. */
  void progressed() {
    progress.incrementAndGet();
  }

  /** Whether the work was abandoned for making no progress. */
  boolean stalled() {
    return stalled.get();
  }

  /** Whether the work was abandoned: it should stop writing. */
  boolean cancelled() {
    return cancelled.get();
  }

  /** {@code input}, noting progress as bytes are read, closed if the work is abandoned. */
  InputStream watch(InputStream input) {
    open.add(input);
    return new FilterInputStream(input) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        progressed();
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        progressed();
        return n;
      }
    };
  }

  /**
   * Runs {@code work}, waiting while it makes progress.
   *
   * @throws CookCacheException when it stalls, is interrupted or fails with one; other failures
   *     are passed on as they are
   */
  <T> T run(Callable<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                result.complete(work.call());
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            },
            "jchef-cache");
    thread.setDaemon(true);
    thread.start();
    long seen = -1;
    long quietSince = System.nanoTime();
    while (true) {
      try {
        return result.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long now = progress.get();
        if (now != seen) {
          seen = now;
          quietSince = System.nanoTime();
        } else if (System.nanoTime() - quietSince > stall.toNanos()) {
          stalled.set(true);
          abandon(thread);
          throw new CookCacheException(what + " did not answer for " + stall.toSeconds() + " s");
        }
      } catch (InterruptedException e) {
        abandon(thread);
        Thread.currentThread().interrupt();
        throw new CookCacheException("interrupted while talking to " + what);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new CookCacheException(what + ": " + e.getCause(), e.getCause());
      }
    }
  }

  private void abandon(Thread thread) {
    cancelled.set(true);
    for (Closeable stream : open) {
      try {
        stream.close();
      } catch (IOException e) {
        // abandoned either way
      }
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
