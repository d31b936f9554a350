package com.readingroom.access;

import java.nio.file.Path;

/**
 * A git repository registered as part of a product.
 *
 * @param name unique across the installation; the first segment of a scope's path patterns
 * @param storagePath where the (bare) repository lives on disk
 */
public record HostedRepository(
        long id, long productId, String productName, String name, String description, Path storagePath) {}
