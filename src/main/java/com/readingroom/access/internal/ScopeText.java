package com.readingroom.access.internal;

import com.readingroom.access.Scope;
import java.time.Instant;
import java.util.List;

/** A scope in words, for timelines and audit records. */
final class ScopeText {

    private ScopeText() {}

    static String describe(Scope scope) {
        return describe(
                scope.productName(),
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns(),
                scope.validFrom(),
                scope.validUntil());
    }

    static String describe(
            String product,
            List<String> includes,
            List<String> excludes,
            List<String> refs,
            Instant validFrom,
            Instant validUntil) {
        StringBuilder text = new StringBuilder(product);
        text.append(includes.isEmpty() ? " (all paths)" : " paths " + includes);
        if (!excludes.isEmpty()) {
            text.append(" except ").append(excludes);
        }
        text.append(refs.isEmpty() ? ", all refs" : ", refs " + refs);
        if (validFrom != null || validUntil != null) {
            text.append(", from ").append(validFrom == null ? "the agreement's start" : validFrom);
            text.append(" until ").append(validUntil == null ? "the agreement's end" : validUntil);
        }
        return text.toString();
    }
}
