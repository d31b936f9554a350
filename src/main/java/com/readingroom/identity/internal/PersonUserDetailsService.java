package com.readingroom.identity.internal;

import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts for form login and HTTP Basic. */
@Service
class PersonUserDetailsService implements UserDetailsService {

    private final PersonRepository persons;
    private final Clock clock;

    PersonUserDetailsService(PersonRepository persons, Clock clock) {
        this.persons = persons;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        PersonEntity person =
                persons.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return User.withUsername(person.username())
                .password(person.passwordHash())
                .disabled(!person.enabled())
                .accountLocked(person.isLockedAt(clock.instant()))
                .authorities(person.roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .toList())
                .build();
    }
}
