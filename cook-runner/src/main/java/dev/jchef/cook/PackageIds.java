package dev.jchef.cook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Reading cargo's package ids, as its JSON messages give them, in both of cargo's forms: the
 * package ID specification of cargo 1.77 and later ({@code
 * registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0}, {@code
 * path+file:///src/app#0.1.0} when the directory has the package's name, {@code
 * path+file:///src/crates/x#app@0.1.0}), and the older {@code name version (source URL)} ({@code
 * app 0.1.0 (path+file:///src/app)}), which the cargo of Debian 12 and other builder images still
 * writes.
 */
final class PackageIds {
  private PackageIds() {}

  /** The package's name. */
  static String name(String packageId) {
    if (isOldForm(packageId)) {
      return packageId.substring(0, packageId.indexOf(' '));
    }
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
    String source = source(packageId);
    int hash = source.indexOf('#');
    String url = source.substring("path+".length(), hash < 0 ? source.length() : hash);
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
    return source(packageId).startsWith("path+");
  }

  /** The source URL: the whole id in the new form, the part in parentheses in the old one. */
  private static String source(String packageId) {
    return isOldForm(packageId)
        ? packageId.substring(packageId.indexOf('(') + 1, packageId.length() - 1)
        : packageId;
  }

  private static boolean isOldForm(String packageId) {
    return packageId.endsWith(")") && packageId.indexOf(" (") > 0;
  }
}
