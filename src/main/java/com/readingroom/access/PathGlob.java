package com.readingroom.access;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A path pattern of a scope, matched against normalised repository paths ({@code a/b/c}, no leading slash).
 *
 * <p>Syntax, as in {@code .gitignore} and Ant: {@code *} and {@code ?} match within one segment, a segment that is
 * exactly {@code **} matches any number of segments ({@code src/**} = everything under {@code src};
 * {@code **}{@code /*.pfx} = every {@code .pfx} file). Everything else is literal and matching is case-sensitive,
 * as git paths are. Patterns that could be read two ways ({@code ..}, {@code .}, empty segments, backslashes,
 * a leading slash, control characters) are rejected when compiled rather than guessed at.
 */
public final class PathGlob {

    private final String glob;
    private final List<String> segments;
    private final Pattern regex;

    private PathGlob(String glob, List<String> segments, Pattern regex) {
        this.glob = glob;
        this.segments = segments;
        this.regex = regex;
    }

    /**
     * @throws IllegalArgumentException with a message saying what is wrong with the pattern
     */
    public static PathGlob compile(String glob) {
        if (glob == null || glob.isBlank()) {
            throw new IllegalArgumentException("A path pattern must not be empty.");
        }
        if (glob.startsWith("/")) {
            throw new IllegalArgumentException(
                    "Path pattern '" + glob + "' starts with '/': write it relative, e.g. 'office-word/src/**'.");
        }
        if (glob.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("Path pattern '" + glob + "' contains a backslash: use '/'.");
        }
        if (glob.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Path pattern '" + glob + "' contains a control character.");
        }
        List<String> segments = List.of(glob.split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "Path pattern '" + glob + "' has an empty, '.' or '..' segment, which is not allowed.");
            }
        }
        return new PathGlob(glob, segments, Pattern.compile(toRegex(segments)));
    }

    private static String toRegex(List<String> segments) {
        StringBuilder regex = new StringBuilder();
        int last = segments.size() - 1;
        for (int i = 0; i <= last; i++) {
            String segment = segments.get(i);
            if (segment.equals("**")) {
                regex.append(i == last ? ".+" : "(?:[^/]+/)*");
            } else {
                regex.append(segmentRegex(segment));
                if (i < last) {
                    regex.append('/');
                }
            }
        }
        return regex.toString();
    }

    private static String segmentRegex(String segment) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }

    /** Whether a normalised path matches the whole pattern. */
    public boolean matches(String normalisedPath) {
        return regex.matcher(normalisedPath).matches();
    }

    /** Whether some path whose first segment is {@code name} could match (used to see which repositories a scope reaches). */
    public boolean mayMatchWithin(String name) {
        String first = segments.getFirst();
        return first.equals("**") || Pattern.matches(segmentRegex(first), name);
    }

    @Override
    public String toString() {
        return glob;
    }
}
