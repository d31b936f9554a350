package com.readingroom.identity.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.readingroom.identity.NotSignedInException;
import com.readingroom.identity.PersonChanged;
import com.readingroom.identity.Role;
import com.readingroom.identity.SecondFactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RFC 6238 codes (30-second steps, six digits, HMAC-SHA1: what authenticator apps use) with java-otp. A code is
 * accepted one step early or late (clocks drift), and never twice: the step of the last accepted code is kept. A wrong
 * code counts like a wrong password towards the account's lock, and both outcomes are recorded.
 */
@Service
class TotpSecondFactor implements SecondFactor {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;

    private final JdbcTemplate jdbc;
    private final PersonRepository persons;
    private final UserDetailsService accounts;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TimeBasedOneTimePasswordGenerator codes = new TimeBasedOneTimePasswordGenerator(STEP);
    private final SecureRandom random = new SecureRandom();

    TotpSecondFactor(
            JdbcTemplate jdbc,
            PersonRepository persons,
            UserDetailsService accounts,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Authentication afterPassword(Authentication passwordChecked) {
        boolean required = properties.secondFactorRoles().stream()
                .map(Role::authority)
                .anyMatch(role -> passwordChecked.getAuthorities().stream()
                        .anyMatch(granted -> role.equals(granted.getAuthority())));
        if (!required) {
            return passwordChecked;
        }
        UsernamePasswordAuthenticationToken pending = UsernamePasswordAuthenticationToken.authenticated(
                passwordChecked.getPrincipal(), null, AuthorityUtils.createAuthorityList(PENDING_AUTHORITY));
        pending.setDetails(passwordChecked.getDetails());
        return pending;
    }

    @Override
    @Transactional
    public Optional<Enrollment> enrollment() {
        PersonEntity person = pendingPerson();
        Optional<Stored> stored = stored(person.id());
        if (stored.isPresent() && stored.get().confirmed()) {
            return Optional.empty();
        }
        String secret = stored.map(Stored::secret).orElseGet(() -> {
            byte[] bytes = new byte[SECRET_BYTES];
            random.nextBytes(bytes);
            String made = new Base32().encodeToString(bytes).replace("=", "");
            jdbc.update(
                    "insert into second_factor (person_id, secret, created_at) values (?, ?, ?)",
                    person.id(),
                    made,
                    Timestamp.from(clock.instant()));
            return made;
        });
        String label = encode(properties.totpIssuer() + ":" + person.username());
        return Optional.of(new Enrollment(
                secret,
                "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(properties.totpIssuer())
                        + "&algorithm=SHA1&digits=6&period=30"));
    }

    @Override
    @Transactional(noRollbackFor = WrongCodeException.class)
    public Authentication verify(String code) {
        Authentication pending = SecurityContextHolder.getContext().getAuthentication();
        PersonEntity person = pendingPerson();
        Stored stored = stored(person.id())
                .orElseThrow(() -> new WrongCodeException("No authenticator is set up for this account yet."));
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        long now = clock.instant().getEpochSecond() / STEP.toSeconds();
        for (long step = now - 1; step <= now + 1; step++) {
            if (step > stored.lastStep() && matches(stored.secret(), step, typed)) {
                jdbc.update(
                        "update second_factor set last_step = ?, confirmed_at = coalesce(confirmed_at, ?)"
                                + " where person_id = ?",
                        step,
                        Timestamp.from(clock.instant()),
                        person.id());
                UserDetails account = accounts.loadUserByUsername(person.username());
                UsernamePasswordAuthenticationToken full =
                        UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
                full.setDetails(pending.getDetails());
                events.publishEvent(new InteractiveAuthenticationSuccessEvent(full, SecondFactor.class));
                return full;
            }
        }
        // Counted and recorded like a wrong password (LoginAttempts locks the account after too many).
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(person.username(), null),
                new BadCredentialsException("wrong one-time code")));
        throw new WrongCodeException(
                "That code is not the current one (or was used already). Type the six digits your authenticator"
                        + " app shows now.");
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public void enroll(String username, String base32Secret) {
        PersonEntity person = persons.require(username);
        if (!new Base32().isInAlphabet(base32Secret) || new Base32().decode(base32Secret).length < 10) {
            throw new IllegalArgumentException("A one-time password secret is Base32 of at least 80 bits");
        }
        Optional<Stored> stored = stored(person.id());
        if (stored.isPresent()
                && stored.get().confirmed()
                && stored.get().secret().equals(base32Secret)) {
            return; // already so: a restart of the demo changes nothing
        }
        jdbc.update("delete from second_factor where person_id = ?", person.id());
        jdbc.update(
                "insert into second_factor (person_id, secret, created_at, confirmed_at) values (?, ?, ?, ?)",
                person.id(),
                base32Secret,
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()));
        events.publishEvent(new PersonChanged(username, person.agencyId(), false, "second factor set up", false));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public void reset(String username) {
        PersonEntity person = persons.require(username);
        jdbc.update("delete from second_factor where person_id = ?", person.id());
        events.publishEvent(new PersonChanged(
                username, person.agencyId(), false, "second factor removed: the next sign-in sets it up", true));
    }

    private record Stored(String secret, boolean confirmed, long lastStep) {}

    private Optional<Stored> stored(long personId) {
        List<Stored> rows = jdbc.query(
                "select secret, confirmed_at, last_step from second_factor where person_id = ?",
                (row, i) -> new Stored(row.getString(1), row.getTimestamp(2) != null, row.getLong(3)),
                personId);
        return rows.stream().findFirst();
    }

    private PersonEntity pendingPerson() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!SecondFactor.pending(authentication)) {
            throw new NotSignedInException();
        }
        return persons.findByUsername(authentication.getName()).orElseThrow(NotSignedInException::new);
    }

    private boolean matches(String secret, long step, String typed) {
        try {
            String expected = codes.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(secret), codes.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.toSeconds()));
            return MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), typed.getBytes(StandardCharsets.US_ASCII));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A stored one-time password secret is not a key", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
