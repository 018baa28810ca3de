/**
 * The Cargo terms jchef's API speaks in: the {@link dev.jchef.model.CargoFileException} that names
 * the file, line and column of a Cargo file that cannot be read, a build target's {@link
 * dev.jchef.model.TargetKind}, and a workspace's {@link dev.jchef.model.ToolchainFile}. Reading a
 * workspace is {@code dev.jchef.Jchef.prepare}'s work; the values it reads live in a package of
 * their own that only jchef's modules use.
 *
 * <pre>{@code
 * try {
 *   Optional<ToolchainFile> toolchain = ToolchainFile.find(workspace);
 *   toolchain.ifPresent(file -> System.out.println(file.kind().fileName() + ": " + file.text()));
 * } catch (CargoFileException e) {
 *   System.err.println(e.getMessage());   // rust-toolchain.toml:3:7: ...
 * }
 * }</pre>
 */
package dev.jchef.model;
