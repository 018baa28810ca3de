package dev.jchef.cache;

import dev.jchef.model.testing.TestRegistry;
import dev.jchef.model.workspace.Manifest;
import dev.jchef.model.workspace.TomlTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A cargo <i>local registry</i> ({@code local-registry = "DIR"} in a source replacement, the Cargo
 * book's <i>Source Replacement</i> chapter) made from jchef's test crates: an index of JSON lines
 * and one {@code .crate} per crate, a gzip'd tar whose files carry the fixed time {@code cargo
 * package} gives them. cargo unpacks it into {@code CARGO_HOME/registry/src} as it does crates.io's
 * downloads, offline.
 */
final class LocalCrateRegistry {
  /** The time {@code cargo package} writes into every {@code .crate} entry. */
  private static final FileTime PACKAGE_TIME = FileTime.fromMillis(1153704088L * 1000);

  private LocalCrateRegistry() {}

  /** Makes the registry of every crate in {@link TestRegistry#directory()} in {@code directory}. */
  static Path build(Path directory) throws Exception {
    Files.createDirectories(directory.resolve("index"));
    for (Path crate : TestRegistry.crates(TestRegistry.directory())) {
      TomlTable manifest = Manifest.read(crate.resolve("Cargo.toml"), "Cargo.toml").document();
      TomlTable pkg = manifest.getTable("package").orElseThrow();
      String name = pkg.getString("name").orElseThrow();
      String version = pkg.getString("version").orElseThrow();
      Path file = directory.resolve(name + "-" + version + ".crate");
      writeCrate(crate, name + "-" + version, file);
      Path index = directory.resolve("index").resolve(indexPath(name));
      Files.createDirectories(index.getParent());
      Files.writeString(index, indexLine(name, version, manifest, sha256(file)) + "\n");
    }
    return directory;
  }

  private static void writeCrate(Path crate, String prefix, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      try (var paths = Files.walk(crate)) {
        for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
          String relative = crate.relativize(path).toString();
          if (relative.equals(TestRegistry.CHECKSUM_FILE)) {
            continue;
          }
          TarArchiveEntry entry = new TarArchiveEntry(prefix + "/" + relative);
          entry.setSize(Files.size(path));
          entry.setModTime(PACKAGE_TIME);
          entry.setMode(0644);
          tar.putArchiveEntry(entry);
          Files.copy(path, tar);
          tar.closeArchiveEntry();
        }
      }
    }
  }

  /** Where the index keeps a crate: {@code 1/a}, {@code 2/ab}, {@code 3/a/abc}, {@code ch/ef/chef-shout}. */
  private static String indexPath(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return switch (lower.length()) {
      case 1 -> "1/" + lower;
      case 2 -> "2/" + lower;
      case 3 -> "3/" + lower.charAt(0) + "/" + lower;
      default -> lower.substring(0, 2) + "/" + lower.substring(2, 4) + "/" + lower;
    };
  }

  private static String indexLine(String name, String version, TomlTable manifest, String checksum) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), text)) {
      json.writeStartObject();
      json.writeStringProperty("name", name);
      json.writeStringProperty("vers", version);
      json.writeArrayPropertyStart("deps");
      TomlTable dependencies = manifest.getTable("dependencies").orElse(TomlTable.of(java.util.Map.of()));
      for (String dependency : dependencies.keys()) {
        Object spec = dependencies.get(dependency).orElseThrow();
        TomlTable table = spec instanceof TomlTable t ? t : TomlTable.of(java.util.Map.of("version", spec));
        json.writeStartObject();
        json.writeStringProperty("name", dependency);
        json.writeStringProperty("req", table.getString("version").orElse("*"));
        json.writeArrayPropertyStart("features");
        for (Object feature : table.getArray("features").orElse(com.google.common.collect.ImmutableList.of())) {
          json.writeString(feature.toString());
        }
        json.writeEndArray();
        json.writeBooleanProperty("optional", table.getBoolean("optional").orElse(false));
        json.writeBooleanProperty("default_features", table.getBoolean("default-features").orElse(true));
        json.writeNullProperty("target");
        json.writeStringProperty("kind", "normal");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeStringProperty("cksum", checksum);
      json.writeObjectPropertyStart("features");
      TomlTable features = manifest.getTable("features").orElse(TomlTable.of(java.util.Map.of()));
      for (String feature : features.keys()) {
        json.writeArrayPropertyStart(feature);
        for (Object enabled : features.getArray(feature).orElse(com.google.common.collect.ImmutableList.of())) {
          json.writeString(enabled.toString());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeBooleanProperty("yanked", false);
      json.writeEndObject();
    }
    return text.toString();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
