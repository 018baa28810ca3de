/**
 * Reading Cargo's files into immutable values, without running cargo: a workspace's members,
 * targets, lockfile, config and toolchain file, read as cargo reads them, for jchef's other modules
 * (its package {@code dev.jchef.model.workspace} is exported to them only). The API is what errors
 * and recipes speak of: {@link dev.jchef.model.CargoFileException}, {@link
 * dev.jchef.model.TargetKind}, {@link dev.jchef.model.ToolchainFile}. Everything is read through
 * the {@link java.nio.file.Path}s passed in, so any file system works, an in-memory one too.
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
