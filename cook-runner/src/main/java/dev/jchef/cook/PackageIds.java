package dev.jchef.cook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Reading cargo's package ids ("Package ID specifications" in the Cargo book), as its JSON
 * messages give them: {@code registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0},
 * {@code path+file:///src/app#0.1.0} (the directory has the package's name) or {@code
 * path+file:///src/crates/x#app@0.1.0}.
 */
final class PackageIds {
  private PackageIds() {}

  /** The package's name. */
  static String name(String packageId) {
    int hash = packageId.lastIndexOf('#');
    String fragment = packageId.substring(hash + 1);
    int at = fragment.indexOf('@');
    if (at >= 0) {
      return fragment.substring(0, at);
    }
    String url = packageId.substring(0, Math.max(hash, 0));
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /**
   * The directory of a package from a path source, as cargo wrote it in the id's URL ({@code
   * path+file:///src/app#0.1.0} gives {@code /src/app}), percent-decoded; empty for other sources.
   */
  static Optional<String> directory(String packageId) {
    if (!isLocal(packageId)) {
      return Optional.empty();
    }
    int hash = packageId.indexOf('#');
    String url = packageId.substring("path+".length(), hash < 0 ? packageId.length() : hash);
    try {
      String path = new URI(url).getPath();
      if (path == null) {
        return Optional.empty();
      }
      // file:///C:/src/app on Windows
      return Optional.of(path.matches("^/[A-Za-z]:/.*") ? path.substring(1) : path);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** Whether the package comes from a path source: the workspace's own, not a registry or git. */
  static boolean isLocal(String packageId) {
    return packageId.startsWith("path+");
  }
}
