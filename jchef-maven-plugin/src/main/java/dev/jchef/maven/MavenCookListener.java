package dev.jchef.maven;

import dev.jchef.cook.CookEvent;
import dev.jchef.cook.CookListener;
import org.apache.maven.plugin.logging.Log;

/**
 * A cook's and a real build's events in Maven's log, at the levels Maven users read: jchef's
 * warnings (a registry that did not answer, a stand-in target) at {@code warn}, its notes and
 * cargo's and tools' lines at {@code info}, the progress at {@code debug} ({@code mvn -X}).
 */
final class MavenCookListener implements CookListener {
  private final Log log;

  MavenCookListener(Log log) {
    this.log = log;
  }

  @Override
  public void on(CookEvent event) {
    if (event instanceof CookEvent.Warning warning) {
      log.warn("jchef: " + warning.text());
    } else if (event instanceof CookEvent.Note note) {
      log.info("jchef: " + note.text());
    } else if (event instanceof CookEvent.CargoLine line) {
      log.info(line.text());
    } else if (event instanceof CookEvent.ToolLine line) {
      log.info(line.text());
    } else if (event instanceof CookEvent.Progress progress && log.isDebugEnabled()) {
      log.debug(String.format(
          java.util.Locale.ROOT, "jchef: %d of ~%d packages built (%d units compiled, %d fresh)",
          progress.packagesBuilt(), progress.packagesExpected(), progress.unitsCompiled(), progress.unitsFresh()));
    }
  }
}
