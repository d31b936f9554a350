package com.readingroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.source.SourceFixture;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-in against guessing: an account locks after repeated failures, an unknown name is answered like a wrong
 * password (same exception, about the same time: the password check runs either way), and a password reset ends the
 * person's open sessions.
 */
@SpringBootTest(properties = "readingroom.test.context=sign-in")
@ActiveProfiles("test")
class SignInHardeningTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    AuthenticationConfiguration authentication;

    @Autowired
    People people;

    @Autowired
    SessionRegistry sessions;

    @Autowired
    FindByIndexNameSessionRepository<?> sessionStore;

    @Test
    void anAccountLocksAfterFiveFailuresEvenForTheRightPassword() throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        create("lock.target");
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> manager.authenticate(login("lock.target", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> manager.authenticate(login("lock.target", PASSWORD)))
                .isInstanceOf(AuthenticationException.class)
                .isNotInstanceOf(BadCredentialsException.class);
    }

    @Test
    void anUnknownNameIsAnsweredLikeAWrongPasswordAndInAboutTheSameTime() throws Exception {
        AuthenticationManager manager = authentication.getAuthenticationManager();
        int rounds = 12;
        for (int i = 0; i < rounds + 2; i++) {
            create("timing.target." + i); // one failure each: none of them comes near its lockout
        }
        long[] unknown = new long[rounds];
        long[] wrong = new long[rounds];
        for (int i = 0; i < rounds + 2; i++) {
            long a = timeFailure(manager, "nobody.here." + i);
            long b = timeFailure(manager, "timing.target." + i);
            if (i >= 2) { // the first two warm up
                unknown[i - 2] = a;
                wrong[i - 2] = b;
            }
        }
        double ratio = median(unknown) / (double) median(wrong);
        assertThat(ratio).as("median time unknown name / wrong password").isBetween(0.6, 1.6);
    }

    @Test
    void aPasswordResetEndsThePersonsOpenSessions() {
        create("session.target");
        String id = signedInSession(sessionStore, "session.target");
        assertThat(sessions.getSessionInformation(id).isExpired()).isFalse();

        SourceFixture.asManager(() -> people.resetPassword("session.target"));

        assertThat(sessions.getSessionInformation(id).isExpired()).isTrue();
    }

    /** A browser session as the database keeps it (every node reads it from there); its id. */
    private static <S extends Session> String signedInSession(FindByIndexNameSessionRepository<S> store, String name) {
        S session = store.createSession();
        session.setAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                        User.withUsername(name).password("x").roles("AUDITOR").build(),
                        null,
                        AuthorityUtils.createAuthorityList("ROLE_AUDITOR"))));
        store.save(session);
        return session.getId();
    }

    private long timeFailure(AuthenticationManager manager, String username) {
        long before = System.nanoTime();
        try {
            manager.authenticate(login(username, "not the password"));
        } catch (BadCredentialsException expected) {
            return System.nanoTime() - before;
        }
        throw new AssertionError(username + " signed in with a wrong password");
    }

    private void create(String username) {
        if (!people.exists(username)) {
            SourceFixture.asManager(() -> people.create(new NewPerson(
                    username, username, username + "@example.test", null, Set.of(Role.AUDITOR), PASSWORD)));
        }
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
