package com.readingroom.identity;

import java.util.List;
import java.util.Optional;

/** The people who may sign in. */
public interface People {

    Optional<Person> findByUsername(String username);

    List<Person> membersOf(long agencyId);

    /**
     * Creates a person.
     *
     * @throws IllegalArgumentException if the username is taken or a field is invalid
     */
    Person create(NewPerson person);

    boolean exists(String username);
}
