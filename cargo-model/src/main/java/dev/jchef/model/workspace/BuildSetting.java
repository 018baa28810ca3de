package dev.jchef.model.workspace;

import com.google.common.collect.ImmutableList;

/**
 * The {@code package.build} key: absent (a {@code build.rs} next to the manifest is the build
 * script if it exists), {@code false} (no build script), {@code true} ({@code build.rs}), a path,
 * or several paths (Cargo's unstable multiple build scripts).
 *
 * @param automatic the key is absent: look for {@code build.rs}
 * @param scripts the declared script paths; empty and not automatic means {@code build = false}
 */
record BuildSetting(boolean automatic, ImmutableList<String> scripts) {
  static final String DEFAULT_SCRIPT = "build.rs";

  public static BuildSetting automaticSetting() {
    return new BuildSetting(true, ImmutableList.of());
  }

  public static BuildSetting disabled() {
    return new BuildSetting(false, ImmutableList.of());
  }

  public static BuildSetting scripts(ImmutableList<String> scripts) {
    return new BuildSetting(false, scripts);
  }

  static BuildSetting read(FieldReader fields, TomlTable pkg, String path) {
    Object value = pkg.get("build").orElse(null);
    if (value == null) {
      return automaticSetting();
    }
    if (value instanceof Boolean enabled) {
      return enabled ? scripts(ImmutableList.of(DEFAULT_SCRIPT)) : disabled();
    }
    if (value instanceof String script) {
      return scripts(ImmutableList.of(script));
    }
    return scripts(
        fields
            .strings(pkg, "build", path)
            .orElseThrow(() -> fields.error(path + ".build", "expected a boolean or a path")));
  }
}
