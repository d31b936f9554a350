package com.readingroom.access;

import java.time.Instant;
import java.util.List;

/**
 * A product a person may read now, with the repositories the grant reaches and the agreement that grants it.
 *
 * @param readableUntil when the grant ends (the earlier of the agreement's and the scope's end)
 * @param includePaths the scope's path restriction, empty when the whole product is granted
 */
public record ReadableProduct(
        Product product,
        List<HostedRepository> repositories,
        String agreementReference,
        String agreementTitle,
        Instant readableUntil,
        List<String> includePaths,
        List<String> excludePaths,
        List<String> refPatterns) {

    public ReadableProduct {
        repositories = List.copyOf(repositories);
        includePaths = List.copyOf(includePaths);
        excludePaths = List.copyOf(excludePaths);
        refPatterns = List.copyOf(refPatterns);
    }
}
