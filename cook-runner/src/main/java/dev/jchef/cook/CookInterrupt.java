package dev.jchef.cook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A request, made from another thread, that a cook stop: a front end raises it when the user
 * presses Ctrl-C or a CI job is cancelled (SIGINT, SIGTERM), and hands it to {@link
 * CookRunner#withInterrupt}. The cook then ends cargo and every process cargo started (with
 * SIGTERM, then SIGKILL for any still there after a few seconds), drops what they print from then
 * on, removes what the dummies compiled to and releases the directory's lock, as after any failed
 * build, and throws a {@link CookException} whose {@link CookException#interrupted()} is true. A
 * cook that had already finished its build when the request came ends as it would have.
 *
 * <p>It does not catch signals itself: Java has no public API for that, and a library must not
 * take the process's signals from its caller.
 */
public final class CookInterrupt {
  private boolean raised;
  private Optional<Process> running = Optional.empty();
  private final List<Thread> stoppers = new ArrayList<>();

  /** An interrupt not raised yet. */
  public CookInterrupt() {}

  /**
   * Asks the cook to stop; the process running now (cargo) and the processes it started are sent
   * SIGTERM. Raising it again changes nothing. Safe to call from any thread, a signal handler's
   * too: it does not wait.
   */
  public synchronized void raise() {
    if (raised) {
      return;
    }
    raised = true;
    notifyAll();
    running.ifPresent(this::stop);
  }

  /** Waits up to {@code timeout} for {@link #raise}; returns whether it was raised. */
  synchronized boolean awaitRaised(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!raised && System.nanoTime() < deadline) {
      TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
    }
    return raised;
  }

  /** Whether {@link #raise} was called. */
  public synchronized boolean raised() {
    return raised;
  }

  /** Throws the interrupted {@link CookException} when raised: at a point where the cook can stop. */
  void stopHereIfRaised() {
    if (raised()) {
      throw CookException.byInterrupt();
    }
  }

  /** {@code process} (cargo) runs now: stopped at once if the interrupt came before it started. */
  synchronized void running(Process process) {
    running = Optional.of(process);
    if (raised) {
      stop(process);
    }
  }

  /** The process ended. */
  synchronized void finished() {
    running = Optional.empty();
  }

  /**
   * Ends {@code process} and the processes it started (rustc, build scripts, linkers: cargo does
   * not pass a signal on, and they would go on writing into the target directory after the
   * cleaner), in a thread of its own: {@link ProcessEnd#endTree}.
   */
  private void stop(Process process) {
    Thread stopper = new Thread(() -> ProcessEnd.endTree(process.toHandle()), "jchef-cook-interrupt");
    stopper.setDaemon(true);
    stoppers.add(stopper);
    stopper.start();
  }

  /**
   * Waits until every process {@link #stop} was asked to end has ended (SIGKILL comes after
   * {@link ProcessEnd#GRACE}), so that none writes into the target directory after the cleaner
   * ran; returns early, with the thread's interrupt flag set, when the thread is interrupted.
   */
  void awaitStopped() {
    List<Thread> threads;
    synchronized (this) {
      threads = List.copyOf(stoppers);
    }
    long deadline = System.nanoTime() + ProcessEnd.GRACE.multipliedBy(3).toNanos();
    try {
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
