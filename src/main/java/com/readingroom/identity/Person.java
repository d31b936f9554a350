package com.readingroom.identity;

import java.util.Set;

/**
 * A person who signs in.
 *
 * @param agencyId the agency the person belongs to, or {@code null} for vendor staff
 */
public record Person(
        long id, String username, String displayName, String email, Long agencyId, Set<Role> roles, boolean enabled) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
