package dev.jchef.model.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need an external tool (cargo, sccache) skip, printing why, where it is missing;
 * unless the environment variable that CI sets for it is {@code true}, and then they fail.
 */
public final class RequiredTools {
  private RequiredTools() {}

  /**
   * Skips (or fails) the calling test when {@code present} is false.
   *
   * @param requiredBy the environment variable that makes the tool required, such as {@code
   *     JCHEF_REQUIRE_CARGO}
   */
  public static void assume(boolean present, String tool, String requiredBy) {
    if (present) {
      return;
    }
    String reason = tool + " not found: test skipped";
    if ("true".equals(System.getenv(requiredBy))) {
      fail(reason + ", but " + requiredBy + "=true (CI) demands it");
    }
    System.err.println("SKIPPED: " + reason);
    Assumptions.assumeTrue(false, reason);
  }
}
