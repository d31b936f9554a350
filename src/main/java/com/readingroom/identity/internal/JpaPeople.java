package com.readingroom.identity.internal;

import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.PersonChanged;
import com.readingroom.identity.Role;
import com.readingroom.shared.Pages;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
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

    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    JpaPeople(
            PersonRepository persons, PasswordEncoder passwordEncoder, Clock clock, ApplicationEventPublisher events) {
        this.persons = persons;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public Optional<Person> findByUsername(String username) {
        return persons.findByUsername(username).map(PersonEntity::toPerson);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Person> findByEmail(String email) {
        List<PersonEntity> found = persons.findByEmailIgnoreCase(email);
        return found.size() == 1 ? Optional.of(found.getFirst().toPerson()) : Optional.empty();
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
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
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Person create(NewPerson person) {
        if (person.username() == null || !USERNAME.matcher(person.username()).matches()) {
            throw new IllegalArgumentException("Username '" + person.username()
                    + "' is not valid: use 2 to 100 lower-case letters, digits, dots, dashes or underscores.");
        }
        if (persons.existsByUsername(person.username())) {
            throw new IllegalArgumentException("Username '" + person.username() + "' is already taken.");
        }
        if (person.displayName() == null || person.displayName().isBlank()) {
            throw new IllegalArgumentException("Give '" + person.username() + "' a display name.");
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
        if (person.roles() == null || person.roles().isEmpty()) {
            throw new IllegalArgumentException("Give '" + person.username() + "' at least one role.");
        }
        Person created = persons.save(entity).toPerson();
        events.publishEvent(new PersonChanged(
                created.username(), created.agencyId(), true, "created with roles " + created.roles(), false));
        return created;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Invitation invite(String username, String displayName, String email, Long agencyId, Set<Role> roles) {
        String password = randomPassword();
        return new Invitation(create(new NewPerson(username, displayName, email, agencyId, roles, password)), password);
    }

    @Override
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public List<Person> list(int offset, int limit) {
        return persons.findAll(Pages.of(offset, limit, Sort.by("username"))).stream()
                .map(PersonEntity::toPerson)
                .toList();
    }

    @Override
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public int count() {
        return Math.toIntExact(persons.count());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Person setEnabled(String username, boolean enabled) {
        PersonEntity person = load(username);
        person.setEnabled(enabled);
        events.publishEvent(new PersonChanged(
                username, person.toPerson().agencyId(), false, enabled ? "enabled" : "disabled", !enabled));
        return person.toPerson();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Person setRoles(String username, Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("Give '" + username + "' at least one role.");
        }
        PersonEntity person = load(username);
        person.setRoles(roles);
        events.publishEvent(
                new PersonChanged(username, person.toPerson().agencyId(), false, "roles set to " + roles, true));
        return person.toPerson();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public String resetPassword(String username) {
        PersonEntity person = load(username);
        String password = randomPassword();
        person.setPasswordHash(passwordEncoder.encode(password));
        person.recordSuccessfulLogin();
        events.publishEvent(new PersonChanged(username, person.toPerson().agencyId(), false, "password reset", true));
        return password;
    }

    private PersonEntity load(String username) {
        return persons.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("There is no person '" + username + "'."));
    }

    /** 16 characters from an alphabet without look-alikes, about 90 bits. */
    private String randomPassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
