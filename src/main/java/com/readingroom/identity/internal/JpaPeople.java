package com.readingroom.identity.internal;

import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaPeople implements People {

    /** Lower-case, digits, dots, dashes, underscores: safe in URLs, logs and audit records. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");

    private final PersonRepository persons;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    JpaPeople(PersonRepository persons, PasswordEncoder passwordEncoder, Clock clock) {
        this.persons = persons;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    public Optional<Person> findByUsername(String username) {
        return persons.findByUsername(username).map(PersonEntity::toPerson);
    }

    @Override
    public List<Person> membersOf(long agencyId) {
        return persons.findByAgencyIdOrderByUsername(agencyId).stream()
                .map(PersonEntity::toPerson)
                .toList();
    }

    @Override
    public boolean exists(String username) {
        return persons.existsByUsername(username);
    }

    @Override
    @Transactional
    public Person create(NewPerson person) {
        if (person.username() == null || !USERNAME.matcher(person.username()).matches()) {
            throw new IllegalArgumentException("Username '" + person.username()
                    + "' is not valid: use 2 to 100 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (persons.existsByUsername(person.username())) {
            throw new IllegalArgumentException("Username '" + person.username() + "' is already taken.");
        }
        if (person.password() == null || person.password().length() < 8) {
            throw new IllegalArgumentException("A password needs at least 8 characters.");
        }
        PersonEntity entity = new PersonEntity(
                person.username(),
                person.displayName(),
                person.email(),
                passwordEncoder.encode(person.password()),
                person.agencyId(),
                person.roles(),
                clock.instant());
        return persons.save(entity).toPerson();
    }
}
