package com.readingroom.access;

import java.time.Instant;
import java.util.List;

public record NewScope(
        long productId,
        List<String> includePaths,
        List<String> excludePaths,
        List<String> refPatterns,
        Instant validFrom,
        Instant validUntil) {

    /** A scope granting a whole product for the agreement's whole term. */
    public static NewScope wholeProduct(long productId) {
        return new NewScope(productId, List.of(), List.of(), List.of(), null, null);
    }
}
