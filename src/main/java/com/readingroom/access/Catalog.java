package com.readingroom.access;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The vendor's products and the repositories they are made of. */
public interface Catalog {

    /**
     * @throws IllegalArgumentException if the name is empty or taken
     */
    Product registerProduct(String name, String description);

    /**
     * Registers a git repository on disk as part of a product.
     *
     * @throws IllegalArgumentException if the name is invalid or taken, or the product does not exist
     */
    HostedRepository registerRepository(long productId, String name, String description, Path storagePath);

    Optional<Product> findProduct(String name);

    Optional<HostedRepository> findRepository(String name);

    List<Product> products();
}
