/**
 * Cargo workspaces read as cargo reads them, into immutable values: {@link
 * dev.jchef.model.Workspace} (members, targets, lockfile, config, toolchain file), errors naming
 * the file and line ({@link dev.jchef.model.CargoFileException}).
 *
 * <pre>{@code
 * Workspace found = Workspace.find(workspace);
 * for (Member member : found.members()) {
 *   System.out.println(member.name() + " in " + member.directory() + ": " + member.targets().size() + " targets");
 * }
 * }</pre>
 */
package dev.jchef.model;
