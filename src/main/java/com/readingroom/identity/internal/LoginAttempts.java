package com.readingroom.identity.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account after repeated failed sign-ins, and clears the count after a successful one. */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final PersonRepository persons;
    private final IdentityProperties properties;
    private final Clock clock;

    LoginAttempts(PersonRepository persons, IdentityProperties properties, Clock clock) {
        this.persons = persons;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        persons.findByUsername(event.getAuthentication().getName()).ifPresent(person -> {
            person.recordFailedLogin(clock.instant(), properties.maxFailedLogins(), properties.lockDuration());
            if (person.isLockedAt(clock.instant())) {
                log.warn(
                        "Account '{}' locked after {} failed sign-ins",
                        person.username(),
                        properties.maxFailedLogins());
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        persons.findByUsername(event.getAuthentication().getName()).ifPresent(PersonEntity::recordSuccessfulLogin);
    }
}
