package com.readingroom.support;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small property-based test runner: a property is checked against many inputs built from a seeded random source,
 * out of the pieces attackers use. A failure names the input, the try and the seed; {@code -Dreadingroom.fuzz.seed=S}
 * replays it. Each run takes a new seed unless one is given, so that runs add up to more inputs than one run tries.
 */
public final class Fuzz {

    private final Random random;

    private Fuzz(long seed) {
        this.random = new Random(seed);
    }

    /** Checks the property for {@code tries} inputs from the generator. */
    public static <T> void forAll(int tries, Function<Fuzz, T> generator, Consumer<T> property) {
        long seed = Long.getLong("readingroom.fuzz.seed", System.nanoTime());
        Fuzz fuzz = new Fuzz(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            T input = generator.apply(fuzz);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException failed) {
                throw new AssertionError(
                        "Fails for " + printable(String.valueOf(input)) + " (try " + attempt + " of " + tries
                                + "; replay with -Dreadingroom.fuzz.seed=" + seed + "): " + failed.getMessage(),
                        failed);
            }
        }
    }

    /** An integer from min to max, both included. */
    public int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    public String oneOf(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** One of the suppliers' values, each equally likely. */
    @SafeVarargs
    public final String either(Supplier<String>... makers) {
        return makers[random.nextInt(makers.length)].get();
    }

    /** A string of min to max characters from the alphabet (code points, so pairs stay whole). */
    public String chars(String alphabet, int min, int max) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        int length = between(min, max);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return out.toString();
    }

    /** min to max parts joined by the separator. */
    public String join(String separator, int min, int max, Supplier<String> part) {
        StringBuilder out = new StringBuilder();
        int count = between(min, max);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.append(separator);
            }
            out.append(part.get());
        }
        return out.toString();
    }

    private static String printable(String input) {
        StringBuilder out = new StringBuilder("\"");
        input.codePoints().limit(500).forEach(c -> {
            if (Character.isISOControl(c) || c == '"') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(input.length() > 500 ? "…\" (" + input.length() + " chars)" : "\"")
                .toString();
    }
}
