package dev.jchef.cook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record beside the units: read back as written; anything unreadable vouches for nothing. */
class LayerSourceRecordTest {
  @TempDir Path profile;

  @Test
  void readsBackWhatItWrote() {
    LayerSourceRecord record =
        new LayerSourceRecord(
            new TreeMap<>(
                Map.of(
                    "crates/model",
                    new LayerSourceRecord.Entry(
                        new TreeMap<>(Map.of("crates/model/src/lib.rs", "ab12", "data/words.txt", ContentHash.MISSING)),
                        List.of("model-0123456789abcdef"),
                        Instant.parse("2026-12-06T12:00:00.123456789Z")))));

    record.write(profile);

    assertEquals(record, LayerSourceRecord.read(profile));
    assertFalse(Files.exists(profile.resolve(LayerSourceRecord.FILE_NAME + ".jchef-tmp")));
  }

  @Test
  void anEmptyRecordRemovesTheFile() {
    new LayerSourceRecord(new TreeMap<>(Map.of("a", new LayerSourceRecord.Entry(new TreeMap<>(), List.of("a-0123456789abcdef"), Instant.EPOCH))))
        .write(profile);

    new LayerSourceRecord(new TreeMap<>()).write(profile);

    assertFalse(Files.exists(profile.resolve(LayerSourceRecord.FILE_NAME)));
  }

  @Test
  void aTruncatedForeignOrFutureRecordVouchesForNothing() throws IOException {
    for (String text :
        List.of(
            "{\"format\": 1, \"packages\": {\"a\": {\"files\": {",
            "not json",
            "{\"format\": 2, \"packages\": {\"a\": {\"files\": {}, \"units\": [], \"recorded\": \"2026-12-06T12:00:00Z\"}}}",
            "{\"format\": 1, \"packages\": {\"a\": {\"files\": {}, \"units\": [], \"recorded\": \"yesterday\"}}}")) {
      Files.writeString(profile.resolve(LayerSourceRecord.FILE_NAME), text);

      assertEquals(new LayerSourceRecord(new TreeMap<>()), LayerSourceRecord.read(profile), text);
    }
  }
}
