package com.readingroom.identity.internal;

import com.readingroom.identity.ClientCertificates;
import com.readingroom.identity.PersonChanged;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons by the subject of their client certificate, compared in the canonical form of X.500 names (so that case and
 * spacing of the certificate's encoding do not matter). The account found is the local one: disabled or locked, it
 * does not sign in.
 */
@Service
class CertificateAccounts
        implements ClientCertificates, AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final JdbcTemplate jdbc;
    private final PersonRepository persons;
    private final PersonUserDetailsService accounts;
    private final ApplicationEventPublisher events;

    CertificateAccounts(
            JdbcTemplate jdbc,
            PersonRepository persons,
            PersonUserDetailsService accounts,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.accounts = accounts;
        this.events = events;
    }

    /** The canonical form of a subject as the TLS layer gives it ({@link X500Principal#getName()}) or typed. */
    static String canonical(String subject) {
        try {
            return new X500Principal(subject).getName(X500Principal.CANONICAL);
        } catch (IllegalArgumentException notAName) {
            throw new IllegalArgumentException("'" + subject + "' is not an X.500 name such as CN=…, O=…, C=…");
        }
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        List<String> usernames = jdbc.queryForList(
                "select username from person where certificate_subject = ?",
                String.class,
                canonical(String.valueOf(token.getPrincipal())));
        if (usernames.isEmpty()) {
            throw new UsernameNotFoundException("No account has this certificate's subject");
        }
        return accounts.loadUserByUsername(usernames.getFirst());
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public void assign(String username, String subject) {
        PersonEntity person = persons.require(username);
        try {
            jdbc.update("update person set certificate_subject = ? where id = ?", canonical(subject), person.id());
        } catch (DuplicateKeyException taken) {
            throw new IllegalArgumentException("Another account already has the certificate subject " + subject);
        }
        events.publishEvent(
                new PersonChanged(username, person.agencyId(), false, "client certificate " + subject, true));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public void remove(String username) {
        PersonEntity person = persons.require(username);
        jdbc.update("update person set certificate_subject = null where id = ?", person.id());
        events.publishEvent(new PersonChanged(username, person.agencyId(), false, "client certificate removed", true));
    }
}
