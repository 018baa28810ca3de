package dev.jchef.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeTest {
  @Test
  void theRustFunctionAnswers() {
    assertEquals(42, Native.answer());
  }
}
