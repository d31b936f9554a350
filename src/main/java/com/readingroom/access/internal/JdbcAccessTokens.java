package com.readingroom.access.internal;

import com.readingroom.access.AccessToken;
import com.readingroom.access.AccessTokens;
import com.readingroom.access.Agreement;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.MachinePrincipal;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tokens in the database, kept as the SHA-256 of the secret: a stolen database yields no usable token. A secret is
 * {@code rrpat_} and 40 characters of base64url (240 random bits), so hashing it unsalted is safe: there is nothing
 * to guess.
 */
@Service
class JdbcAccessTokens implements AccessTokens {

    private static final String PREFIX = "rrpat_";
    private static final Pattern SECRET = Pattern.compile("rrpat_[A-Za-z0-9_-]{40}");
    private static final int HINT_LENGTH = 10;
    private static final int MAX_NAME = 100;
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS = "t.id, t.name, t.agreement_id, a.reference, t.hint, t.created_at,"
            + " t.expires_at, t.revoked_at, t.last_used_at";

    private final JdbcTemplate jdbc;
    private final CurrentPerson currentPerson;
    private final GrantFacts facts;
    private final AuditLog auditLog;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    JdbcAccessTokens(JdbcTemplate jdbc, CurrentPerson currentPerson, GrantFacts facts, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.currentPerson = currentPerson;
        this.facts = facts;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('REVIEWER')")
    public List<Agreement> machineAgreements() {
        Person person = browserPerson();
        Instant now = clock.instant();
        return person.agencyId() == null
                ? List.of()
                : facts.agency(person.agencyId()).agreements().stream()
                        .filter(agreement -> agreement.machineAccess() && agreement.isInForceAt(now))
                        .toList();
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('REVIEWER')")
    public IssuedToken issue(long agreementId, String name, int days) {
        Person person = browserPerson();
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > MAX_NAME) {
            throw new IllegalArgumentException("Name the token (1 to " + MAX_NAME + " characters), e.g. the tool.");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("A token expires after 1 to " + MAX_DAYS + " days.");
        }
        Agreement agreement = machineAgreements().stream()
                .filter(candidate -> candidate.id() == agreementId)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Tokens are made only for an agreement of your agency that is in force and allows machine"
                                + " access."));
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofDays(days));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    var insert = connection.prepareStatement(
                            "insert into access_token (person_id, agreement_id, name, token_hash, hint, created_at,"
                                    + " expires_at) values (?, ?, ?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    insert.setLong(1, person.id());
                    insert.setLong(2, agreementId);
                    insert.setString(3, label);
                    insert.setString(4, hash(secret));
                    insert.setString(5, secret.substring(0, HINT_LENGTH));
                    insert.setTimestamp(6, Timestamp.from(now));
                    insert.setTimestamp(7, Timestamp.from(expires));
                    return insert;
                },
                key);
        long id = key.getKeyAs(Long.class);
        auditLog.append(new AuditRecord(
                AuditAction.TOKEN_CREATED,
                person.agencyId(),
                agreement.reference(),
                null,
                "token " + id + " of " + person.username(),
                "'" + label + "' (" + secret.substring(0, HINT_LENGTH) + "…), expires " + expires));
        return new IssuedToken(find(id), secret);
    }

    @Override
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('REVIEWER')")
    public List<AccessToken> mine() {
        return jdbc.query(
                "select " + COLUMNS + " from access_token t join agreement a on a.id = t.agreement_id"
                        + " where t.person_id = ? order by t.id desc",
                JdbcAccessTokens::token,
                browserPerson().id());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('REVIEWER')")
    public AccessToken revoke(long tokenId) {
        Person person = browserPerson();
        AccessToken token = mine().stream()
                .filter(candidate -> candidate.id() == tokenId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("You have no token with id " + tokenId + "."));
        if (token.revokedAt() != null) {
            return token;
        }
        jdbc.update(
                "update access_token set revoked_at = ? where id = ? and revoked_at is null",
                Timestamp.from(clock.instant()),
                tokenId);
        auditLog.append(new AuditRecord(
                AuditAction.TOKEN_REVOKED,
                person.agencyId(),
                token.agreementReference(),
                null,
                "token " + tokenId + " of " + person.username(),
                "'" + token.name() + "' (" + token.hint() + "…)"));
        return find(tokenId);
    }

    @Override
    @Transactional
    public MachinePrincipal authenticate(String secret) {
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new InvalidTokenException("This is not a Reading Room access token.");
        }
        List<Presented> found = jdbc.query(
                "select t.id, t.agreement_id, t.expires_at, t.revoked_at, t.last_used_at, p.id as person_id,"
                        + " p.username, p.display_name, p.email, p.agency_id, p.enabled"
                        + " from access_token t join person p on p.id = t.person_id where t.token_hash = ?",
                (rs, row) -> new Presented(
                        rs.getLong("id"),
                        rs.getLong("agreement_id"),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at")),
                        rs.getLong("person_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        rs.getObject("agency_id", Long.class),
                        rs.getBoolean("enabled")),
                hash(secret));
        if (found.isEmpty()) {
            throw new InvalidTokenException("Unknown access token.");
        }
        Presented token = found.getFirst();
        Instant now = clock.instant();
        if (token.revokedAt() != null) {
            throw new InvalidTokenException(
                    "Access token " + token.id() + " was revoked on " + token.revokedAt() + ".");
        }
        if (!now.isBefore(token.expiresAt())) {
            throw new InvalidTokenException("Access token " + token.id() + " expired on " + token.expiresAt() + ".");
        }
        if (!token.enabled()) {
            throw new InvalidTokenException("The account of access token " + token.id() + " is disabled.");
        }
        // Kept to the minute: a busy tool does not write a row per call.
        if (token.lastUsedAt() == null || !now.isBefore(token.lastUsedAt().plus(LAST_USED_PRECISION))) {
            jdbc.update(
                    "update access_token set last_used_at = ? where id = ?",
                    Timestamp.from(now.truncatedTo(ChronoUnit.MINUTES)),
                    token.id());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.query(
                "select role from person_role where person_id = ?",
                (ResultSet rs) -> {
                    roles.add(Role.valueOf(rs.getString("role")));
                },
                token.personId());
        Person owner = new Person(
                token.personId(), token.username(), token.displayName(), token.email(), token.agencyId(), roles, true);
        return new MachinePrincipal(owner, token.id(), token.agreementId());
    }

    /** Only a person in a browser manages tokens: a token's own call cannot make or revoke one. */
    private Person browserPerson() {
        Person person = currentPerson.require();
        if (person.throughAgreementId() != null || !person.hasRole(Role.REVIEWER)) {
            throw new IllegalStateException("Access tokens are managed by their reviewer, signed in to Reading Room.");
        }
        return person;
    }

    private AccessToken find(long id) {
        return jdbc.queryForObject(
                "select " + COLUMNS + " from access_token t join agreement a on a.id = t.agreement_id where t.id = ?",
                JdbcAccessTokens::token,
                id);
    }

    private static AccessToken token(ResultSet rs, int row) throws SQLException {
        return new AccessToken(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("agreement_id"),
                rs.getString("reference"),
                rs.getString("hint"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    private record Presented(
            long id,
            long agreementId,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt,
            long personId,
            String username,
            String displayName,
            String email,
            Long agencyId,
            boolean enabled) {}
}
