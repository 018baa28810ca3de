package dev.jchef.cook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How a cook ends the processes it stops (cargo and what it started, the compiles of its sccache
 * server) before it cleans up: SIGTERM first, and SIGKILL for any still there after {@link
 * #GRACE}, so that none writes into the target directory after the cleaner ran.
 */
final class ProcessEnd {
  /** How long a process gets to end after SIGTERM, before SIGKILL. */
  static final Duration GRACE = Duration.ofSeconds(5);

  private ProcessEnd() {}

  /**
   * Waits for each process to end until {@code wait} from now has passed, killing (SIGKILL) each
   * that is still running then.
   *
   * @return false when this thread was interrupted while waiting (its interrupt flag set again)
   */
  static boolean awaitOrKill(List<ProcessHandle> processes, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
