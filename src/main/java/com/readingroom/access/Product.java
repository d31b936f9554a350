package com.readingroom.access;

import java.util.List;

/** What the vendor ships, made of one or more repositories. */
public record Product(long id, String name, String description, List<HostedRepository> repositories) {

    public Product {
        repositories = List.copyOf(repositories);
    }
}
