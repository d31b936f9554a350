package com.readingroom.access;

import java.time.Instant;
import java.util.List;

/**
 * A grant inside an agreement: one product, optionally narrowed.
 *
 * @param includePaths globs relative to the product ({@code <repository>/<path>}); empty means the whole product
 * @param excludePaths globs relative to the product that are never readable, whatever the includes say
 * @param refPatterns ref globs such as {@code refs/tags/release/*}; empty means every ref
 * @param validFrom a narrower start than the agreement's, or {@code null}
 * @param validUntil a narrower end than the agreement's, or {@code null}
 */
public record Scope(
        long id,
        long productId,
        String productName,
        List<String> includePaths,
        List<String> excludePaths,
        List<String> refPatterns,
        Instant validFrom,
        Instant validUntil) {

    public Scope {
        includePaths = List.copyOf(includePaths);
        excludePaths = List.copyOf(excludePaths);
        refPatterns = List.copyOf(refPatterns);
    }

    public boolean isInForceAt(Instant instant) {
        return (validFrom == null || !instant.isBefore(validFrom))
                && (validUntil == null || instant.isBefore(validUntil));
    }

    /** Whether this scope can grant anything in the named repository of its product. */
    public boolean coversRepository(String repositoryName) {
        return includePaths.isEmpty()
                || includePaths.stream().anyMatch(glob -> PathGlob.compile(glob).mayMatchWithin(repositoryName));
    }
}
