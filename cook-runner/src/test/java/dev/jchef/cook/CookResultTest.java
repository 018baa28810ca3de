package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.jchef.skeleton.SkeletonReport;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The summary line cook ends with: each count agrees with its noun. */
class CookResultTest {
  private static final SkeletonReport ONE_FILE =
      new SkeletonReport(
          ImmutableList.of("Cargo.toml"), ImmutableList.of(), ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  @Test
  void oneOfEachIsSingular() {
    CookResult cooked =
        new CookResult(ONE_FILE, true, 1, 0, 1, Optional.of(new SccacheStats(1, 1)), Duration.ofMillis(2_300));

    assertEquals("1 unit compiled, 0 fresh, 1 dummy artifact removed, sccache 1 hit and 1 miss, 2.3 s", cooked.summary());
  }

  @Test
  void manyArePluralAndSoIsZero() {
    CookResult cooked =
        new CookResult(ONE_FILE, true, 57, 0, 21, Optional.of(new SccacheStats(4, 0)), Duration.ofMillis(41_300));

    assertEquals(
        "57 units compiled, 0 fresh, 21 dummy artifacts removed, sccache 4 hits and 0 misses, 41.3 s", cooked.summary());
  }

  @Test
  void aSkeletonOfOneFileIsOneFileWritten() {
    CookResult written = new CookResult(ONE_FILE, false, 0, 0, 0, Optional.empty(), Duration.ofMillis(100));

    assertEquals("skeleton written (1 file written, 0 unchanged, 0 removed), no build, 0.1 s", written.summary());
  }
}
