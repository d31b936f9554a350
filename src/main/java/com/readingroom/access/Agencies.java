package com.readingroom.access;

import java.util.List;
import java.util.Optional;

/** The agencies that read under agreements. */
public interface Agencies {

    /**
     * @throws IllegalArgumentException if the name is empty or taken, or the country is not a two-letter code
     */
    Agency create(String name, String country, String contact);

    /**
     * Activates or deactivates an agency; the people of an inactive agency read nothing.
     *
     * @throws IllegalArgumentException if there is no such agency
     */
    Agency setStatus(long agencyId, AgencyStatus status);

    Optional<Agency> find(long id);

    Optional<Agency> findByName(String name);

    List<Agency> list(int offset, int limit);

    int count();
}
