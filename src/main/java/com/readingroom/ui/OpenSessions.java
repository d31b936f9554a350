package com.readingroom.ui;

import com.readingroom.access.AgreementStatus;
import com.readingroom.access.AgreementStatusChanged;
import com.readingroom.identity.People;
import com.readingroom.identity.PersonChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a person's browser sessions when what they signed in with no longer holds: their password was reset, their
 * account disabled or their roles changed, or their agency's agreement was terminated. Acts once the change has
 * committed; the session's next request is sent to the sign-in page.
 */
@Component
class OpenSessions {

    private static final Logger log = LoggerFactory.getLogger(OpenSessions.class);

    private final SessionRegistry registry;
    private final People people;

    OpenSessions(SessionRegistry registry, People people) {
        this.registry = registry;
        this.people = people;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPersonChanged(PersonChanged change) {
        if (change.endsSessions()) {
            end(change.username(), change.change());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAgreementStatusChanged(AgreementStatusChanged change) {
        if (change.status() == AgreementStatus.TERMINATED) {
            people.membersOf(change.agencyId())
                    .forEach(person -> end(person.username(), "agreement " + change.reference() + " terminated"));
        }
    }

    /** Marks every session of the person expired; how many there were. */
    int end(String username, String why) {
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(username, false)) {
            session.expireNow();
            ended++;
        }
        if (ended > 0) {
            log.info("Ended {} session(s) of {}: {}", ended, username, why);
        }
        return ended;
    }
}
