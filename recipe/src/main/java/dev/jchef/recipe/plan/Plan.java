package dev.jchef.recipe.plan;

import com.google.common.collect.ImmutableList;
import dev.jchef.model.workspace.TomlTable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The manifests and lockfile of a recipe while the normalisation steps rewrite them. */
record Plan(ImmutableList<PlannedManifest> manifests, Optional<TomlTable> lockfile) {

  /** This plan with every manifest's document changed by {@code change}. */
  Plan mapDocuments(UnaryOperator<TomlTable> change) {
    return new Plan(
        manifests.stream()
            .map(m -> m.withDocument(change.apply(m.document())))
            .collect(ImmutableList.toImmutableList()),
        lockfile);
  }

  /** The root manifest (virtual or not); every plan has one. */
  PlannedManifest root() {
    return manifests.stream().filter(PlannedManifest::isRoot).findFirst().orElseThrow();
  }
}
