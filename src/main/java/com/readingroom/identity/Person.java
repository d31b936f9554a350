package com.readingroom.identity;

import java.util.Set;

/**
 * A person who signs in.
 *
 * @param agencyId the agency the person belongs to, or {@code null} for vendor staff
 * @param throughAgreementId for a call of an approved tool with a personal access token, the one agreement the token
 *     reads through (the access policy then grants only what that agreement grants, and only while it allows machine
 *     access); {@code null} for a person in a browser
 */
public record Person(
        long id,
        String username,
        String displayName,
        String email,
        Long agencyId,
        Set<Role> roles,
        boolean enabled,
        Long throughAgreementId) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public Person(
            long id,
            String username,
            String displayName,
            String email,
            Long agencyId,
            Set<Role> roles,
            boolean enabled) {
        this(id, username, displayName, email, agencyId, roles, enabled, null);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** The same person, acting through one agreement only: a machine-access token's call. */
    public Person throughAgreement(long agreementId) {
        return new Person(id, username, displayName, email, agencyId, roles, enabled, agreementId);
    }
}
