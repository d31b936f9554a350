package com.readingroom.access;

import java.util.List;
import java.util.Optional;

/** The agencies that read under agreements. */
public interface Agencies {

    /**
     * @throws IllegalArgumentException if the name is empty or taken, or the country is not a two-letter code
     */
    Agency create(String name, String country, String contact);

    Optional<Agency> find(long id);

    Optional<Agency> findByName(String name);

    List<Agency> list(int offset, int limit);

    int count();
}
