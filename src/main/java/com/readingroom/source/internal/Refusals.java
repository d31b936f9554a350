package com.readingroom.source.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessDeniedException;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.Disclosure;
import com.readingroom.source.RepoPath;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How the source module refuses: one ACCESS_DENIED record with the policy's reason, then the exception whose message
 * is that reason. Shared by the reader and the notes, so that every refusal is recorded the same way.
 */
@Component
class Refusals {

    private final AuditLog auditLog;

    Refusals(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Records the refusal of {@code attempted} at {@code at}, then returns the exception to throw. */
    AccessDeniedException deny(AccessDecision decision, AuditAction attempted, RepoPath at) {
        auditLog.append(new AuditRecord(
                AuditAction.ACCESS_DENIED,
                decision.agencyId(),
                decision.agreementReference(),
                decision.scopeId(),
                attempted.name() + " " + at.repository() + (at.path().isEmpty() ? "" : ":" + printable(at.path())),
                decision.reason(),
                new Disclosure(
                        at.repository(), at.revision(), null, printable(at.path()), null, null, null, List.of())));
        return new AccessDeniedException(decision);
    }

    /** Control characters in a refused path are kept visible but harmless in the record. */
    static String printable(String path) {
        StringBuilder out = new StringBuilder();
        path.codePoints().limit(1024).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
