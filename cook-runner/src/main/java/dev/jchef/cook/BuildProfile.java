package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The Cargo profile cook builds with ("Profiles" in the Cargo book), as cargo-chef passes it to
 * cargo: {@code dev} adds no flag, {@code release} is {@code --release}, any other name is {@code
 * --profile NAME}.
 *
 * @param name the profile's name, not blank
 */
public record BuildProfile(String name) {
  /** The {@code dev} profile, cargo's default: output in {@code target/debug}. */
  public static final BuildProfile DEV = new BuildProfile("dev");

  /** The {@code release} profile ({@code --release}): output in {@code target/release}. */
  public static final BuildProfile RELEASE = new BuildProfile("release");

  /**
   * @throws IllegalArgumentException when {@code name} is blank
   */
  public BuildProfile {
    checkArgument(!name.isBlank(), "a profile needs a name");
  }

  /**
   * Returns the profile {@code name}: {@link #DEV} for {@code dev}, {@link #RELEASE} for {@code
   * release}, a custom profile otherwise ({@code [profile.NAME]} in the Cargo book's "Profiles").
   *
   * @throws IllegalArgumentException when {@code name} is blank
   */
  public static BuildProfile named(String name) {
    return switch (name) {
      case "dev" -> DEV;
      case "release" -> RELEASE;
      default -> new BuildProfile(name);
    };
  }

  /** cargo's flags for this profile. */
  List<String> cargoArguments() {
    if (name.equals("dev")) {
      return List.of();
    }
    if (name.equals("release")) {
      return List.of("--release");
    }
    return List.of("--profile", name);
  }

  /**
   * The directory under the target directory where cargo puts this profile's output ("Build
   * cache" in the Cargo book): {@code debug} for dev and test, {@code release} for release and
   * bench, the profile's own name otherwise.
   */
  public String outputDirectory() {
    return switch (name) {
      case "dev", "test" -> "debug";
      case "release", "bench" -> "release";
      default -> name;
    };
  }
}
