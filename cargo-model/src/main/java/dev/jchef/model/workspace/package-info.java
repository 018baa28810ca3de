/**
 * A Cargo workspace read as cargo reads it, into immutable values: {@link
 * dev.jchef.model.workspace.Workspace} (members, targets, lockfile, config), the manifests and the
 * lockfile. For jchef's own modules: module-info exports it to them only.
 */
package dev.jchef.model.workspace;
