package com.readingroom.identity;

import java.util.Set;

/** What it takes to create a person; the password is given in clear and hashed on the way in. */
public record NewPerson(
        String username, String displayName, String email, Long agencyId, Set<Role> roles, String password) {}
