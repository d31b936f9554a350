package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.identity.PersonChanged;
import com.readingroom.identity.SecondFactor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records sign-ins, failed sign-ins, sign-outs and changes to people. Listeners run synchronously in the publisher's
 * thread and transaction, so a change to a person cannot commit without its record.
 */
@Component
class SecurityAuditing {

    private final AuditLog auditLog;

    SecurityAuditing(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventListener
    public void onPersonChanged(PersonChanged event) {
        auditLog.append(new AuditRecord(
                event.created() ? AuditAction.PERSON_CREATED : AuditAction.PERSON_CHANGED,
                event.agencyId(),
                null,
                null,
                "person " + event.username(),
                event.change()));
    }

    @EventListener
    @Transactional
    public void onLogin(InteractiveAuthenticationSuccessEvent event) {
        auditLog.append(AuditRecord.of(
                AuditAction.LOGIN,
                "person " + event.getAuthentication().getName(),
                SecondFactor.pending(event.getAuthentication())
                        ? "password accepted; second factor pending"
                        : event.getGeneratedBy() == SecondFactor.class ? "second factor accepted" : null));
    }

    @EventListener
    @Transactional
    public void onLoginFailed(AbstractAuthenticationFailureEvent event) {
        auditLog.append(AuditRecord.of(
                AuditAction.LOGIN_FAILED,
                "username " + event.getAuthentication().getName(),
                event.getException().getClass().getSimpleName()));
    }

    @EventListener
    @Transactional
    public void onLogout(LogoutSuccessEvent event) {
        auditLog.append(AuditRecord.of(
                AuditAction.LOGOUT, "person " + event.getAuthentication().getName(), null));
    }
}
