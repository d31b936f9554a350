package com.readingroom.access.internal;

import com.readingroom.identity.CurrentPerson;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Used in method-security expressions: a reviewer may look at their own agency's agreements, never another's. */
@Component("agencyMembership")
class AgencyMembership {

    private final CurrentPerson currentPerson;

    AgencyMembership(CurrentPerson currentPerson) {
        this.currentPerson = currentPerson;
    }

    public boolean isOwnAgency(Long agencyId) {
        return currentPerson
                .get()
                .map(person -> Objects.equals(person.agencyId(), agencyId))
                .orElse(false);
    }
}
