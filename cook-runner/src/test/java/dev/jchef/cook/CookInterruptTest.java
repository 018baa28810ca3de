package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupt ends the running process and every process it started, even one started while
 * the interrupt was ending them: cargo starts rustc, rustc a linker, at any moment, and a process
 * missed would go on writing into the target directory after the cleaner ran.
 */
@Tag("slow")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the process tree is made with sh")
class CookInterruptTest {
  @TempDir Path base;

  /**
   * The race is the tree starting processes while the interrupt lists and signals it: the tree
   * below starts hundreds, and the test runs three times, as a missed one shows in about half of
   * the runs where the tree is only listed and signalled.
   */
  @RepeatedTest(3)
  void endsEveryProcessOfTheTreeEvenThoseStartedWhileItWasEndingThem() throws Exception {
    Path running = base.resolve("running");
    // Starts 800 processes as fast as it can, each of which writes a file 2 s later unless ended.
    String tree =
        "touch running; i=0; while [ $i -lt 800 ]; do (sleep 2; touch escaped.$i) & i=$((i+1)); done; wait";
    Process process = new ProcessBuilder("sh", "-c", tree).directory(base.toFile()).start();
    CookInterrupt interrupt = new CookInterrupt();
    interrupt.running(process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(running) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    Thread.sleep(50);
    List<ProcessHandle> started = process.descendants().toList();
    assertFalse(started.isEmpty(), "the tree runs");

    interrupt.raise();
    interrupt.awaitStopped();
    Thread.sleep(TimeUnit.SECONDS.toMillis(3));

    assertFalse(process.isAlive(), "the process ended");
    // A zombie has ended: the first process, which inherits the killed orphans, may reap them late.
    assertEquals(List.of(), started.stream().filter(ProcessEnd::running).toList(), "what it had started ended");
    try (Stream<Path> files = Files.list(base)) {
      assertEquals(
          List.of("running"), files.map(f -> f.getFileName().toString()).sorted().toList(),
          "nothing it started, then or while it was ended, went on");
    }
  }

  /**
   * A process that exited but that no one reaped (its parent does not wait, or the first process
   * of a container, which inherits orphans, reaps late or never) has ended: the wait does not hold
   * the interrupted cook for {@link ProcessEnd#GRACE}.
   */
  @Test
  @EnabledOnOs(value = OS.LINUX, disabledReason = "zombies are told from /proc")
  void aProcessThatExitedButIsNotReapedHasEnded() throws Exception {
    // sleep 30 replaces the shell and never waits for the shell's short sleep, which becomes a zombie.
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & exec sleep 30").start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      List<ProcessHandle> children = List.of();
      while (System.nanoTime() < deadline && (children.isEmpty() || !zombie(children.get(0)))) {
        Thread.sleep(20);
        children = parent.descendants().toList();
      }
      assertEquals(1, children.size(), children.toString());
      assertTrue(zombie(children.get(0)), "the short sleep exited and was not reaped");

      long start = System.nanoTime();
      ProcessEnd.awaitOrKill(children, ProcessEnd.GRACE);

      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000, "no wait for the zombie");
    } finally {
      parent.destroyForcibly();
    }
  }

  private static boolean zombie(ProcessHandle process) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
  }
}
