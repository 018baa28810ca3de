/**
 * Reading Cargo's files into immutable values, without running cargo: {@link
 * dev.jchef.model.workspace.Workspace} (members, targets, lockfile, config, toolchain file) and the values
 * it is made of. Everything is read through the {@link java.nio.file.Path}s passed in, so any
 * file system works, an in-memory one too.
 */
module dev.jchef.model {
  requires com.google.common;
  requires tools.jackson.core;
  requires tools.jackson.dataformat.toml;

  exports dev.jchef.model;
  // The workspace read from disk, for jchef's own modules only: the recipe is the API's view of it.
  exports dev.jchef.model.workspace to dev.jchef.recipe, dev.jchef.skeleton, dev.jchef.cook, dev.jchef.cache;
  // TOML reading and writing, and path arithmetic, for jchef's own modules only.
  exports dev.jchef.model.internal to dev.jchef.recipe, dev.jchef.skeleton, dev.jchef.cook, dev.jchef.cache;
}
