package com.readingroom.identity;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person behind the current request, read from the security context and then from the database. A call with a
 * personal access token yields the person bound to the token's agreement ({@link Person#throughAgreement}).
 */
@Component
public class CurrentPerson {

    private final People people;

    CurrentPerson(People people) {
        this.people = people;
    }

    public Optional<Person> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || SecondFactor.pending(authentication)) {
            // A sign-in waiting for its second factor is nobody yet.
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof MachinePrincipal machine) {
            // Read from the database when this very request was authenticated: no second lookup per call.
            return Optional.of(machine.person().throughAgreement(machine.agreementId()));
        }
        return people.findByUsername(authentication.getName()).filter(Person::enabled);
    }

    /** The name to record as whoever acts now: the signed-in person's, or {@code system} for background work. */
    public static String actorName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    /**
     * For services that take the person as an argument: they act only for the one signed in to this request.
     *
     * @throws NotSignedInException when nobody is signed in
     * @throws IllegalStateException when the person given is not the one signed in (a programming error)
     */
    public static void requireActingAs(Person person) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()
                || SecondFactor.pending(authentication)) {
            throw new NotSignedInException();
        }
        if (person == null || !person.username().equals(authentication.getName())) {
            throw new IllegalStateException("A service was asked to act for someone other than the person signed in.");
        }
    }

    /**
     * @throws NotSignedInException when no enabled person is signed in
     */
    public Person require() {
        return get().orElseThrow(NotSignedInException::new);
    }
}
