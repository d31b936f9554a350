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

    /**
     * The one person with this email address (compared without case), for a sign-in whose provider vouches for the
     * address; empty when nobody or more than one person has it.
     */
    Optional<Person> findByEmail(String email);

    /**
     * Creates a person with a random first password, returned once so that it can be handed over.
     *
     * @throws IllegalArgumentException if the username is taken or a field is invalid
     */
    Invitation invite(String username, String displayName, String email, Long agencyId, java.util.Set<Role> roles);

    /** A new person and their first password; the password is not stored anywhere but as a hash. */
    record Invitation(Person person, String password) {}

    List<Person> list(int offset, int limit);

    int count();

    /**
     * Disables or re-enables an account; a disabled person cannot sign in and is refused on their next request.
     *
     * @throws IllegalArgumentException if there is no such person
     */
    Person setEnabled(String username, boolean enabled);

    /**
     * Replaces a person's roles.
     *
     * @throws IllegalArgumentException if there is no such person or no role is given
     */
    Person setRoles(String username, java.util.Set<Role> roles);

    /**
     * Sets a new random password, clears any lock, and returns the password once so that it can be handed over.
     *
     * @throws IllegalArgumentException if there is no such person
     */
    String resetPassword(String username);
}
