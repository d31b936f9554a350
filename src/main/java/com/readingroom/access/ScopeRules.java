package com.readingroom.access;

import java.util.List;
import java.util.Optional;

/**
 * How one scope's patterns apply to one product path and ref. {@link AccessPolicy} decides with these rules, and the
 * program manager's preview counts with them, so that the preview shows exactly what the policy will allow.
 */
public final class ScopeRules {

    private ScopeRules() {}

    /** No ref patterns grant every ref; otherwise one must match. */
    public static boolean grantsRef(List<String> refPatterns, String ref) {
        return refPatterns.isEmpty()
                || refPatterns.stream()
                        .anyMatch(pattern -> PathGlob.compile(pattern).matches(ref));
    }

    /** No includes grant the whole product; otherwise one must match, case-sensitively. */
    public static boolean includes(List<String> includePaths, String productPath) {
        return includePaths.isEmpty()
                || includePaths.stream()
                        .anyMatch(pattern -> PathGlob.compile(pattern).matches(productPath));
    }

    /** The first exclude that matches the path, case-insensitively. */
    public static Optional<String> excludedBy(List<String> excludePaths, String productPath) {
        return excludePaths.stream()
                .filter(pattern -> PathGlob.compile(pattern).matchesIgnoringCase(productPath))
                .findFirst();
    }

    /** Whether a scope, taken alone, grants a file (the product path is {@code <repository>/<path>}). */
    public static boolean grantsFile(List<String> includePaths, List<String> excludePaths, String productPath) {
        return includes(includePaths, productPath)
                && excludedBy(excludePaths, productPath).isEmpty();
    }
}
