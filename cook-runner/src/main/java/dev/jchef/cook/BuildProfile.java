package dev.jchef.cook;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;

/**
 * The Cargo profile cook builds with, from {@code --release} and {@code --profile}, as cargo-chef
 * reads them: {@code dev} adds no flag, {@code release} is {@code --release}, any other name is
 * {@code --profile NAME}; both flags together are an error.
 */
public record BuildProfile(String name) {
  public static final BuildProfile DEV = new BuildProfile("dev");
  public static final BuildProfile RELEASE = new BuildProfile("release");

  public BuildProfile {
    checkArgument(!name.isBlank(), "a profile needs a name");
  }

  /** The profile of the two command-line flags. */
  public static BuildProfile of(boolean release, Optional<String> profile) {
    if (release && profile.isPresent()) {
      throw new IllegalArgumentException(
          "--release and --profile " + profile.get() + " both choose a profile: give one of them");
    }
    if (release) {
      return RELEASE;
    }
    return profile.map(BuildProfile::new).orElse(DEV);
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
