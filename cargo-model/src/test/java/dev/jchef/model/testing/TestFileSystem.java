package dev.jchef.model.testing;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two Jimfs configurations every file-touching rule is tested on. */
public enum TestFileSystem {
  UNIX(Configuration.unix(), "/work"),
  WINDOWS(Configuration.windows(), "C:\\work");

  private final Configuration configuration;
  private final String workDirectory;

  TestFileSystem(Configuration configuration, String workDirectory) {
    this.configuration = configuration;
    this.workDirectory = workDirectory;
  }

  /** An empty directory in a new in-memory file system of this kind. */
  public Path newDirectory() {
    FileSystem fileSystem = Jimfs.newFileSystem(configuration);
    try {
      return Files.createDirectories(fileSystem.getPath(workDirectory));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fixture} written into a new in-memory directory of this kind. */
  public Path write(Fixture fixture) {
    return fixture.writeTo(newDirectory());
  }
}
