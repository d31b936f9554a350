package com.readingroom.access;

import java.util.Arrays;
import java.util.List;

/**
 * A path pattern as a small nondeterministic automaton, run over the path in one pass: time proportional to the
 * path's length times the pattern's, whatever the pattern. (A backtracking regex takes exponential time on patterns
 * such as {@code **}{@code /**}{@code /**}{@code /x} or {@code *a*a*a*b} against a long path that almost matches; the
 * fuzz tests found that.) Matches exactly what the pattern's regular expression would: {@code *} = {@code [^/]*},
 * {@code ?} = {@code [^/]}, a {@code **} segment = {@code (?:[^/]+/)*}, or {@code .+} when it is the last one.
 */
final class GlobAutomaton {

    private static final int LITERAL = 0;
    private static final int ONE = 1; // ?
    private static final int ANY_RUN = 2; // *
    private static final int SEGMENTS_START = 3; // ** inside: epsilon past the loop, or a first non-'/' char
    private static final int SEGMENTS_BODY = 4; // ** inside: more non-'/' chars, or the '/' that ends a segment
    private static final int REST_START = 5; // ** at the end: a first char
    private static final int REST_BODY = 6; // ** at the end: more chars, or done

    private final int[] kinds;
    private final int[] literals;

    private GlobAutomaton(int[] kinds, int[] literals) {
        this.kinds = kinds;
        this.literals = literals;
    }

    /** For a whole pattern, from its segments. */
    static GlobAutomaton of(List<String> segments) {
        Builder builder = new Builder();
        int last = segments.size() - 1;
        for (int i = 0; i <= last; i++) {
            String segment = segments.get(i);
            if (segment.equals("**")) {
                builder.add(i == last ? REST_START : SEGMENTS_START, 0);
                builder.add(i == last ? REST_BODY : SEGMENTS_BODY, 0);
            } else {
                builder.segment(segment);
                if (i < last) {
                    builder.add(LITERAL, '/');
                }
            }
        }
        return builder.build();
    }

    /** For one segment's pattern ({@code *} and {@code ?} only), matched against one name. */
    static GlobAutomaton ofSegment(String segment) {
        Builder builder = new Builder();
        builder.segment(segment);
        return builder.build();
    }

    boolean matches(String input, boolean ignoreCase) {
        int states = kinds.length;
        boolean[] current = new boolean[states + 1];
        boolean[] next = new boolean[states + 1];
        close(current, 0);
        for (int at = 0; at < input.length(); ) {
            int c = input.codePointAt(at);
            at += Character.charCount(c);
            Arrays.fill(next, false);
            boolean any = false;
            for (int s = 0; s < states; s++) {
                if (!current[s]) {
                    continue;
                }
                int target = step(s, c, ignoreCase);
                if (target >= 0) {
                    close(next, target);
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            boolean[] swap = current;
            current = next;
            next = swap;
        }
        return current[states];
    }

    /** The state reached from {@code s} on {@code c}, or -1. */
    private int step(int s, int c, boolean ignoreCase) {
        return switch (kinds[s]) {
            case LITERAL -> same(literals[s], c, ignoreCase) ? s + 1 : -1;
            case ONE -> c != '/' ? s + 1 : -1;
            case ANY_RUN -> c != '/' ? s : -1;
            case SEGMENTS_START -> c != '/' ? s + 1 : -1;
            case SEGMENTS_BODY -> c != '/' ? s : s - 1;
            case REST_START -> s + 1;
            case REST_BODY -> s;
            default -> throw new IllegalStateException("state kind " + kinds[s]);
        };
    }

    /** Adds a state and every state it reaches without reading a character. */
    private void close(boolean[] set, int s) {
        while (s <= kinds.length && !set[s]) {
            set[s] = true;
            if (s == kinds.length) {
                return;
            }
            switch (kinds[s]) {
                case ANY_RUN, REST_BODY -> s = s + 1;
                case SEGMENTS_START -> s = s + 2;
                default -> {
                    return;
                }
            }
        }
    }

    /** As {@link java.util.regex.Pattern} compares with CASE_INSENSITIVE and UNICODE_CASE. */
    private static boolean same(int expected, int c, boolean ignoreCase) {
        return expected == c || ignoreCase && fold(expected) == fold(c);
    }

    private static int fold(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static final class Builder {
        private int[] kinds = new int[16];
        private int[] literals = new int[16];
        private int size;

        void segment(String segment) {
            segment.codePoints().forEach(c -> {
                if (c == '*') {
                    if (size == 0 || kinds[size - 1] != ANY_RUN) {
                        add(ANY_RUN, 0); // "**" inside a segment is one run, as in the regex
                    }
                } else if (c == '?') {
                    add(ONE, 0);
                } else {
                    add(LITERAL, c);
                }
            });
        }

        void add(int kind, int literal) {
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                literals = Arrays.copyOf(literals, size * 2);
            }
            kinds[size] = kind;
            literals[size] = literal;
            size++;
        }

        GlobAutomaton build() {
            return new GlobAutomaton(Arrays.copyOf(kinds, size), Arrays.copyOf(literals, size));
        }
    }
}
