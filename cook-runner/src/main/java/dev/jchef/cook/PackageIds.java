package dev.jchef.cook;

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

  /** Whether the package comes from a path source: the workspace's own, not a registry or git. */
  static boolean isLocal(String packageId) {
    return packageId.startsWith("path+");
  }
}
