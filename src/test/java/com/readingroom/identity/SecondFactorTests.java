package com.readingroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.access.Agencies;
import com.readingroom.source.SourceFixture;
import com.readingroom.support.DemoSecondFactor;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The second factor of program managers and auditors: a password alone gives a pending sign-in that no service
 * accepts; the current code of the person's authenticator completes it, once; wrong codes are recorded and lock the
 * account like wrong passwords.
 */
@SpringBootTest(properties = "readingroom.test.context=second-factor")
@ActiveProfiles("test")
class SecondFactorTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    AuthenticationConfiguration authentication;

    @Autowired
    People people;

    @Autowired
    CurrentPerson currentPerson;

    @Autowired
    Agencies agencies;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPasswordAloneIsAPendingSignInThatNoServiceAccepts() throws Exception {
        Authentication pending = signInWithPassword("pm", "readingroom");

        assertThat(SecondFactor.pending(pending)).isTrue();
        assertThat(pending.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly(SecondFactor.PENDING_AUTHORITY);
        assertThat(currentPerson.get()).as("nobody is signed in yet").isEmpty();
        assertThatThrownBy(() -> agencies.list(0, 10)).isInstanceOf(AuthorizationDeniedException.class);
        assertThat(secondFactor.enrollment())
                .as("the demo manager's authenticator is set up")
                .isEmpty();

        Authentication full = secondFactor.verify(DemoSecondFactor.code("pm"));
        assertThat(full.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_PROGRAM_MANAGER")
                .doesNotContain(SecondFactor.PENDING_AUTHORITY);

        Authentication reviewer = signInWithPassword("nato.reviewer", "readingroom");
        assertThat(SecondFactor.pending(reviewer))
                .as("reviewers need no second factor")
                .isFalse();
    }

    @Test
    void aNewAuditorEnrolsWithTheFirstCodeAndNoCodeWorksTwice() throws Exception {
        SourceFixture.asManager(() -> people.create(new NewPerson(
                "new.auditor", "New Auditor", "new.auditor@example.test", null, Set.of(Role.AUDITOR), PASSWORD)));
        signInWithPassword("new.auditor", PASSWORD);

        SecondFactor.Enrollment enrollment = secondFactor.enrollment().orElseThrow();
        assertThat(enrollment.uri())
                .startsWith("otpauth://totp/Reading%20Room%3Anew.auditor?secret=" + enrollment.secret())
                .contains("issuer=Reading%20Room");
        assertThat(secondFactor.enrollment().orElseThrow().secret())
                .as("the same secret until it is confirmed")
                .isEqualTo(enrollment.secret());
        long failedBefore = events("LOGIN_FAILED");
        assertThatThrownBy(() -> secondFactor.verify("000000"))
                .isInstanceOf(SecondFactor.WrongCodeException.class)
                .hasMessageContaining("six digits");
        assertThat(events("LOGIN_FAILED")).isEqualTo(failedBefore + 1);

        String code = DemoSecondFactor.at(enrollment.secret(), Instant.now());
        assertThat(secondFactor.verify(code).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_AUDITOR");

        signInWithPassword("new.auditor", PASSWORD);
        assertThat(secondFactor.enrollment()).as("confirmed now").isEmpty();
        assertThatThrownBy(() -> secondFactor.verify(code))
                .as("a code is used once")
                .isInstanceOf(SecondFactor.WrongCodeException.class);
    }

    @Test
    void wrongCodesLockTheAccountLikeWrongPasswords() throws Exception {
        SourceFixture.asManager(() -> people.create(new NewPerson(
                "guessed.manager",
                "Guessed Manager",
                "guessed@example.test",
                null,
                Set.of(Role.PROGRAM_MANAGER),
                PASSWORD)));
        signInWithPassword("guessed.manager", PASSWORD);
        secondFactor.enrollment();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> secondFactor.verify("123456")).isInstanceOf(SecondFactor.WrongCodeException.class);
        }
        SecurityContextHolder.clearContext();
        assertThatThrownBy(() -> signInWithPassword("guessed.manager", PASSWORD))
                .isInstanceOf(LockedException.class);
    }

    /** As the sign-in form does: the password, then the second-factor gate; the result is this thread's sign-in. */
    private Authentication signInWithPassword(String username, String password) throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        Authentication result = secondFactor.afterPassword(
                manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password)));
        SecurityContextHolder.getContext().setAuthentication(result);
        return result;
    }

    private long events(String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ?", Long.class, action);
    }
}
