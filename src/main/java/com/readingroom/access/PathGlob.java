package com.readingroom.access;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * Compiled patterns by their text. A pattern's meaning never changes, so this holds no decision: the policy still
     * reads the scopes afresh on every request. It only spares rebuilding automata for every path of a listing.
     */
    private static final Map<String, PathGlob> COMPILED = new ConcurrentHashMap<>();

    private static final int MAX_COMPILED = 10_000;

    private final String glob;
    private final List<String> segments;
    private final GlobAutomaton automaton;

    private PathGlob(String glob, List<String> segments) {
        this.glob = glob;
        this.segments = segments;
        this.automaton = GlobAutomaton.of(segments);
    }

    /**
     * @throws IllegalArgumentException with a message saying what is wrong with the pattern
     */
    public static PathGlob compile(String glob) {
        PathGlob compiled = glob == null ? null : COMPILED.get(glob);
        if (compiled != null) {
            return compiled;
        }
        compiled = parse(glob);
        if (COMPILED.size() >= MAX_COMPILED) {
            COMPILED.clear();
        }
        COMPILED.put(glob, compiled);
        return compiled;
    }

    private static PathGlob parse(String glob) {
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
        return new PathGlob(glob, segments);
    }

    /** Whether a normalised path matches the whole pattern. */
    public boolean matches(String normalisedPath) {
        return automaton.matches(normalisedPath, false);
    }

    /**
     * Whether a normalised path matches, ignoring case. Excludes are matched this way, so that a case variant of an
     * excluded path ({@code SECRETS/key.pem}) can never slip past the exclude, whatever the storage's case rules.
     */
    public boolean matchesIgnoringCase(String normalisedPath) {
        return automaton.matches(normalisedPath, true);
    }

    /**
     * Whether some path strictly below the directory {@code dir} could match (used to decide whether a folder may be
     * listed: it may if it can hold something granted).
     */
    public boolean mayMatchUnder(String dir) {
        List<String> dirSegments = dir.isEmpty() ? List.of() : List.of(dir.split("/"));
        for (int i = 0; i < dirSegments.size(); i++) {
            if (i >= segments.size()) {
                return false;
            }
            String segment = segments.get(i);
            if (segment.equals("**")) {
                return true;
            }
            if (!GlobAutomaton.ofSegment(segment).matches(dirSegments.get(i), false)) {
                return false;
            }
        }
        return segments.size() > dirSegments.size();
    }

    /**
     * Whether every path below the directory {@code dir} matches, ignoring case (used to hide a folder that an exclude
     * covers whole). Conservative: answers {@code false} when it cannot be sure, and the folder's entries are then
     * judged one by one.
     */
    public boolean coversEverythingUnder(String dir) {
        if (!segments.getLast().equals("**")) {
            return false;
        }
        List<String> prefix = segments.subList(0, segments.size() - 1);
        List<String> dirSegments = dir.isEmpty() ? List.of() : List.of(dir.split("/"));
        if (prefix.contains("**") || prefix.size() > dirSegments.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!GlobAutomaton.ofSegment(prefix.get(i)).matches(dirSegments.get(i), true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether some path whose first segment is {@code name} could match (used to see which repositories a scope reaches). */
    public boolean mayMatchWithin(String name) {
        String first = segments.getFirst();
        return first.equals("**") || GlobAutomaton.ofSegment(first).matches(name, false);
    }

    @Override
    public String toString() {
        return glob;
    }
}
