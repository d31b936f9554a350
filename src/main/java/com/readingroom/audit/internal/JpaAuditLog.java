package com.readingroom.audit.internal;

import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JpaAuditLog implements AuditLog {

    private static final int MAX_TEXT = 4000;

    private final AuditEventRepository events;
    private final Clock clock;

    JpaAuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction, so that the record and the change it describes commit or fail together. */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public long append(AuditRecord record) {
        AuditEventEntity saved = events.save(new AuditEventEntity(
                clock.instant(),
                actor(),
                record.agencyId(),
                record.agreement(),
                record.scopeId(),
                record.action(),
                clip(record.target()),
                clip(record.detail())));
        return saved.id();
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
