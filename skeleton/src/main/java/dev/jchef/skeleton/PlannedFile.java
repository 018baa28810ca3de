package dev.jchef.skeleton;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/** A file the skeleton will hold: its path relative to the root ({@code /}-separated), its text. */
record PlannedFile(String path, String content) {

  byte[] bytes() {
    return content.getBytes(StandardCharsets.UTF_8);
  }

  String sha256() {
    return Hashing.sha256().hashBytes(bytes()).toString();
  }
}
