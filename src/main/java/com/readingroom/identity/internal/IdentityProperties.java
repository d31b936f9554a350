package com.readingroom.identity.internal;

import com.readingroom.identity.Role;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins consecutive failures after which an account is locked
 * @param lockDuration how long a locked account stays locked
 * @param secondFactorRoles the roles whose browser sign-in needs a one-time password after the password
 * @param totpIssuer the name authenticator apps show next to the account
 */
@ConfigurationProperties("readingroom.identity")
record IdentityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue({"PROGRAM_MANAGER", "AUDITOR"}) Set<Role> secondFactorRoles,
        @DefaultValue("Reading Room") String totpIssuer) {}
