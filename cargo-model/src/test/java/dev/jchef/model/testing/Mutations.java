package dev.jchef.model.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Malformed input for the fuzzing properties: a valid text's bytes with a few flipped, inserted,
 * deleted or cut off, or random bytes.
 */
public final class Mutations {
  /** Characters that matter to TOML and JSON syntax. */
  private static final String SYNTAX = "[]{}=\"'.,:\\\n#x0-+";

  private Mutations() {}

  /** {@code seed} mutated 1 to 8 times, or random bytes now and then. */
  public static Arbitrary<byte[]> of(List<byte[]> seeds) {
    Arbitrary<byte[]> mutated =
        Combinators.combine(
                Arbitraries.of(seeds),
                Arbitraries.integers().between(1, 8),
                Arbitraries.longs())
            .as(Mutations::mutate);
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    return Arbitraries.frequencyOf(Tuple.of(9, mutated), Tuple.of(1, random));
  }

  private static byte[] mutate(byte[] seed, int times, long randomSeed) {
    Random random = new Random(randomSeed);
    byte[] bytes = seed.clone();
    for (int i = 0; i < times && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(5)) {
        case 0 -> bytes[at] = (byte) random.nextInt(256);
        case 1 -> bytes[at] = (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length()));
        case 2 -> bytes = insert(bytes, at, (byte) SYNTAX.charAt(random.nextInt(SYNTAX.length())));
        case 3 -> bytes = delete(bytes, at);
        default -> bytes = Arrays.copyOf(bytes, at);
      }
    }
    return bytes;
  }

  private static byte[] insert(byte[] bytes, int at, byte value) {
    byte[] result = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, result, 0, at);
    result[at] = value;
    System.arraycopy(bytes, at, result, at + 1, bytes.length - at);
    return result;
  }

  private static byte[] delete(byte[] bytes, int at) {
    byte[] result = new byte[bytes.length - 1];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(bytes, at + 1, result, at, bytes.length - at - 1);
    return result;
  }
}
