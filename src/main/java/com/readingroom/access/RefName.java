package com.readingroom.access;

import java.util.regex.Pattern;

/**
 * Checks a git ref name before a decision is made on it. Only full names are judged ({@code refs/heads/main},
 * {@code refs/tags/release/1.0}): a short name could mean a branch or a tag, and the two may be granted differently.
 * The rules are git's own ({@code git check-ref-format}), applied without JGit so that the policy stays pure.
 */
public final class RefName {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x20\\x7f~^:?*\\[\\\\]");

    private RefName() {}

    /**
     * @throws InvalidRefException saying what is wrong with the ref name
     */
    public static String check(String ref) {
        if (ref == null || ref.isEmpty()) {
            throw new InvalidRefException(String.valueOf(ref), "it is empty");
        }
        if (!ref.startsWith("refs/heads/") && !ref.startsWith("refs/tags/")) {
            throw new InvalidRefException(ref, "give the full name of a branch or tag, e.g. 'refs/tags/release/1.0'");
        }
        if (FORBIDDEN.matcher(ref).find()
                || ref.contains("..")
                || ref.contains("//")
                || ref.contains("@{")
                || ref.endsWith("/")
                || ref.endsWith(".")
                || ref.endsWith(".lock")
                || ref.contains("/.")) {
            throw new InvalidRefException(ref, "it is not a well-formed git ref name");
        }
        return ref;
    }

    /** A ref name the policy refuses to judge. */
    public static final class InvalidRefException extends IllegalArgumentException {

        InvalidRefException(String ref, String why) {
            super("The ref '" + ref + "' is not valid: " + why + ".");
        }
    }
}
