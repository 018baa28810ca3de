package dev.jchef.cook;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * What cargo reported in one build, collected as its JSON messages arrive: the {@code
 * compiler-artifact} and {@code build-script-executed} messages. Kept even when cargo fails or is
 * interrupted, so that what the dummies compiled so far can still be removed.
 */
final class CargoMessages {
  private final List<CompilerArtifact> artifacts = new ArrayList<>();
  private final List<BuildScriptExecuted> buildScripts = new ArrayList<>();

  synchronized void add(CompilerArtifact artifact) {
    artifacts.add(artifact);
  }

  synchronized void add(BuildScriptExecuted buildScript) {
    buildScripts.add(buildScript);
  }

  synchronized ImmutableList<CompilerArtifact> artifacts() {
    return ImmutableList.copyOf(artifacts);
  }

  synchronized ImmutableList<BuildScriptExecuted> buildScripts() {
    return ImmutableList.copyOf(buildScripts);
  }
}
