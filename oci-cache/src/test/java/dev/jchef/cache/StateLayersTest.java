package dev.jchef.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StateLayersTest {
  @Test
  void aUnitsFilesShareAGroupByTheUnitsHashAndTheRecordIsAlone() {
    List<String> files = List.of(
        "debug/.fingerprint/libc-0a23456789abcdef/lib-libc",
        "debug/build/libc-1b11111111111111/out/gen.rs",
        "debug/deps/libc-0a23456789abcdef.d",
        "debug/deps/liblibc-0a23456789abcdef.rlib",
        "debug/deps/libserde-0b00000000000000.rmeta",
        "jchef-state.json");

    List<List<String>> groups = StateLayers.groups(files);

    // 0x0a % 8 = 2; 0x0b % 8 = 0x1b % 8 = 3
    assertEquals(List.of(
        List.of("debug/.fingerprint/libc-0a23456789abcdef/lib-libc", "debug/deps/libc-0a23456789abcdef.d",
            "debug/deps/liblibc-0a23456789abcdef.rlib"),
        List.of("debug/build/libc-1b11111111111111/out/gen.rs", "debug/deps/libserde-0b00000000000000.rmeta"),
        List.of("jchef-state.json")), groups);
  }
}
