package dev.jchef.cli;

import dev.jchef.cook.CookInterrupt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C on a terminal) and SIGTERM (a cancelled CI job, {@code docker stop}) while a cook
 * runs: each raises the cook's {@link CookInterrupt}, so that the cook ends cargo, cleans up as
 * after a failed build and returns, instead of the JVM exiting at once with cargo's errors on the
 * screen and the dummies' units left. The signal is remembered for the exit status, 128 plus its
 * number, as a shell reports a program a signal ended: 130 for SIGINT, 143 for SIGTERM.
 *
 * <p>Java has no public API for signals; {@code sun.misc.Signal} (module {@code jdk.unsupported},
 * which the release archive's runtime includes) is the one that says which signal came. Where a
 * handler cannot be installed (a JVM run with {@code -Xrs}, a signal the JVM was started with
 * ignored), that signal keeps its usual effect. Closing puts the earlier handlers back.
 */
final class CookSignals implements AutoCloseable {
  private static final List<String> NAMES = List.of("INT", "TERM");

  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile Optional<Signal> received = Optional.empty();

  private CookSignals() {}

  /** Handles SIGINT and SIGTERM by raising {@code interrupt}, until closed. */
  static CookSignals install(CookInterrupt interrupt) {
    CookSignals handling = new CookSignals();
    for (String name : NAMES) {
      Signal signal = new Signal(name);
      try {
        SignalHandler before =
            Signal.handle(signal, s -> {
              handling.received = Optional.of(s);
              interrupt.raise();
            });
        handling.signals.add(signal);
        handling.previous.add(before);
      } catch (IllegalArgumentException e) {
        // the JVM keeps this signal (-Xrs): it ends the process as it would have
      }
    }
    return handling;
  }

  /** The exit status for the signal that came: 128 plus its number; 130 when none did. */
  int exitCode() {
    return 128 + received.map(Signal::getNumber).orElse(2);
  }

  @Override
  public void close() {
    for (int i = 0; i < signals.size(); i++) {
      Signal.handle(signals.get(i), previous.get(i));
    }
  }
}
