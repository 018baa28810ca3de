package dev.jchef.recipe.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowestMatchingVersionTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2 | 1.2.0",
        "^1.2.3 | 1.2.3",
        "~0.4 | 0.4.0",
        "=2.0.1 | 2.0.1",
        ">=0.1.3 | 0.1.3",
        ">1.2.3 | 1.2.4",
        ">1.2 | 1.3.0",
        ">1 | 2.0.0",
        "1.* | 1.0.0",
        "* | 0.0.0",
        "<2 | 0.0.0",
        ">= 1.2, < 1.5 | 1.2.0",
        "0.1.0-alpha.2 | 0.1.0-alpha.2",
        ">=1.0.0-beta, 1.0.0 | 1.0.0",
        "v1.4 | 1.4.0",
      })
  void theLowestVersionEachRequirementAccepts(String requirement, String lowest) {
    assertEquals(Optional.of(lowest), LowestMatchingVersion.of(requirement));
  }

  @ParameterizedTest
  @CsvSource({"latest", "1.2.3.4", "''"})
  void notARequirementGivesNothing(String requirement) {
    assertEquals(Optional.empty(), LowestMatchingVersion.of(requirement));
  }
}
