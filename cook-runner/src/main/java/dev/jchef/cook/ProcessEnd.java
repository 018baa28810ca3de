package dev.jchef.cook;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a cook ends the processes it stops (cargo and what it started, the compiles of its sccache
 * server) before it cleans up: SIGTERM first, and SIGKILL for any still there after {@link
 * #GRACE}, so that none writes into the target directory after the cleaner ran.
 */
final class ProcessEnd {
  /** How long a process gets to end after SIGTERM, before SIGKILL. */
  static final Duration GRACE = Duration.ofSeconds(5);
  /** How many times a tree is listed again for processes started while it was being stopped. */
  private static final int MAX_ROUNDS = 50;
  private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");
  /** Whether Linux's {@code /proc} tells a process's state. */
  private static final boolean PROC = Files.isDirectory(Path.of("/proc/self"));
  /** How often the wait for processes to end looks again. */
  private static final Duration POLL = Duration.ofMillis(10);

  private ProcessEnd() {}

  /**
   * Ends {@code root} and every process it started, and returns once each has ended or was sent
   * SIGKILL.
   *
   * <p>A tree listed and then signalled would miss what starts in between (cargo starts rustc,
   * rustc a linker, at any moment), and a process missed goes on writing into the target directory
   * after the cleaner. So where {@code sh} is at hand (not on Windows), the tree is first stopped
   * (SIGSTOP) and listed again until no new process shows, as a stopped process starts none; then
   * each is sent SIGTERM and SIGCONT (a process that handles SIGTERM gets it once continued). On
   * Windows, or when a signal cannot be sent, each listed process is killed at once; none is left
   * stopped, as it would hold cargo's pipes and locks for good.
   */
  static void endTree(ProcessHandle root) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    boolean resumed = false;
    try {
      if (WINDOWS) {
        tree.add(root);
        root.descendants().forEach(tree::add);
      } else {
        stopTree(root, tree);
        tree.forEach(ProcessHandle::destroy);
        resumed = signal("CONT", List.copyOf(tree));
      }
    } finally {
      if (!resumed) {
        // SIGKILL ends a stopped process too.
        tree.forEach(ProcessHandle::destroyForcibly);
      }
    }
    awaitOrKill(List.copyOf(tree), GRACE);
  }

  /** Stops (SIGSTOP) {@code root} and its descendants round by round, adding each to {@code tree}, root first. */
  private static void stopTree(ProcessHandle root, Set<ProcessHandle> tree) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<ProcessHandle> found =
          Stream.concat(Stream.of(root), root.descendants()).filter(p -> !tree.contains(p)).toList();
      tree.addAll(found);
      if (found.isEmpty() || !signal("STOP", found)) {
        return;
      }
    }
  }

  /**
   * Sends {@code signal} to {@code processes} with {@code sh}'s {@code kill} (Java has only SIGTERM
   * and SIGKILL); those that ended already are passed over.
   *
   * @return false when {@code sh} cannot be run, or this thread was interrupted before {@code
   *     kill} ended (its flag set again)
   */
  private static boolean signal(String signal, List<ProcessHandle> processes) {
    if (processes.isEmpty()) {
      return true;
    }
    List<String> command = new ArrayList<>(List.of("sh", "-c", "kill -s " + signal + " \"$@\" 2>/dev/null", "sh"));
    processes.forEach(process -> command.add(Long.toString(process.pid())));
    try {
      Process kill = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
      kill.getOutputStream().close();
      kill.waitFor();
      return true;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Waits for the processes to end until {@code wait} from now has passed, killing (SIGKILL) each
   * that is still running then. It looks every {@link #POLL}: Java's own wait for a process that
   * is not its child looks only every 300 ms and more, one process after another. An interrupt of
   * this thread ends the wait at once: those still running are killed, and the thread's flag is
   * set again.
   *
   * <p>A process that has exited but was not reaped yet (a zombie: its parent died too, and the
   * system's first process, which inherits it, may reap late or, where jchef is that process, never)
   * has ended: Java counts it as alive.
   */
  static void awaitOrKill(List<ProcessHandle> processes, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    List<ProcessHandle> alive = processes.stream().filter(ProcessEnd::running).toList();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      alive = alive.stream().filter(ProcessEnd::running).toList();
    }
    alive.forEach(ProcessHandle::destroyForcibly);
  }

  /** Whether {@code process} is alive and, where Linux's {@code /proc} tells, not a zombie. */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    if (!PROC) {
      return true;
    }
    try {
      String stat =
          new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "stat")), StandardCharsets.ISO_8859_1);
      // "pid (command) state ...": the command may hold spaces and parentheses
      int end = stat.lastIndexOf(')');
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return true;
    }
  }
}
