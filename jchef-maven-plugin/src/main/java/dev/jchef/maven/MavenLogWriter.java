package dev.jchef.maven;

import java.io.PrintWriter;
import java.io.Writer;
import org.apache.maven.plugin.logging.Log;

/** A writer whose lines go to Maven's log at info level, so cargo's output reads as the build's. */
final class MavenLogWriter extends Writer {
  private final Log log;
  private final StringBuilder line = new StringBuilder();

  private MavenLogWriter(Log log) {
    this.log = log;
  }

  /** A print writer into {@code log}. */
  static PrintWriter to(Log log) {
    return new PrintWriter(new MavenLogWriter(log), true);
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      char c = buffer[i];
      if (c == '\n') {
        emit();
      } else if (c != '\r') {
        line.append(c);
      }
    }
  }

  private void emit() {
    log.info(line.toString());
    line.setLength(0);
  }

  @Override
  public synchronized void flush() {}

  @Override
  public synchronized void close() {
    if (line.length() > 0) {
      emit();
    }
  }
}
