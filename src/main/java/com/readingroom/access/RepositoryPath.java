package com.readingroom.access;

import java.util.regex.Pattern;

/**
 * Normalises a path inside a repository before any decision is made on it, so that no two spellings of one path can
 * be judged differently. The result is {@code a/b/c} (no leading or trailing slash) or the empty string for the
 * repository's root.
 *
 * <p>Normalised: one leading and one trailing slash. Rejected with a message: {@code .} and {@code ..} segments,
 * empty segments ({@code a//b}), backslashes, control characters including NUL, and percent-encoded sequences (a path
 * reaches the policy decoded exactly once; a {@code %2e%2e} still in it is an attempt to be decoded twice).
 */
public final class RepositoryPath {

    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final int MAX_LENGTH = 4096;

    private RepositoryPath() {}

    /**
     * @param raw the path as requested; {@code null} or empty means the root
     * @throws InvalidPathException saying what is wrong with the path
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isEmpty() || raw.equals("/")) {
            return "";
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidPathException(
                    raw.substring(0, 64) + "…", "it is longer than " + MAX_LENGTH + " characters");
        }
        if (raw.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidPathException(printable(raw), "it contains a control character");
        }
        if (raw.indexOf('\\') >= 0) {
            throw new InvalidPathException(raw, "it contains a backslash; paths use '/'");
        }
        if (PERCENT_ENCODED.matcher(raw).find()) {
            throw new InvalidPathException(raw, "it contains a percent-encoded sequence");
        }
        String path = raw.startsWith("/") ? raw.substring(1) : raw;
        path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidPathException(raw, "it has an empty, '.' or '..' segment");
            }
        }
        return path;
    }

    private static String printable(String raw) {
        StringBuilder out = new StringBuilder();
        raw.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return out.toString();
    }

    /** A path the policy refuses to judge. */
    public static final class InvalidPathException extends IllegalArgumentException {

        InvalidPathException(String path, String why) {
            super("The path '" + path + "' is not valid: " + why + ".");
        }
    }
}
