package dev.jchef.it;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;

/** The Rust library, loaded from the classes directory where jchef:build put it. */
public final class Native {
  static {
    String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String name = "/native/" + os + "-" + arch + "/" + System.mapLibraryName("jni_demo");
    URL library = Native.class.getResource(name);
    if (library == null) {
      throw new IllegalStateException(name + " is not on the class path");
    }
    try {
      System.load(Path.of(library.toURI()).toString());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Native() {}

  /** Computed in Rust from a registry crate. */
  public static native int answer();
}
