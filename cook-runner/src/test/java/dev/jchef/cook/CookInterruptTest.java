package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.DisabledOnOs;
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
    assertEquals(List.of(), started.stream().filter(ProcessHandle::isAlive).toList(), "what it had started ended");
    try (Stream<Path> files = Files.list(base)) {
      assertEquals(
          List.of("running"), files.map(f -> f.getFileName().toString()).sorted().toList(),
          "nothing it started, then or while it was ended, went on");
    }
  }
}
