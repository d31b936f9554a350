package com.readingroom.ui;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.RouteAccessDeniedError;
import jakarta.annotation.security.PermitAll;

/**
 * A signed-in person refused a screen by its access rules (a reviewer opening the agreements, say) is recorded as
 * ACCESS_DENIED before being shown what an unknown address shows, so the screen's existence is not confirmed. Visitors
 * who are not signed in never get here: they are sent to the sign-in page.
 */
@PermitAll
public class ViewAccessDenied extends RouteAccessDeniedError {

    private final transient AuditLog auditLog;

    public ViewAccessDenied(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        // Recorded first: if the log cannot take it, the refusal still stands (the error propagates to the error
        // handler), it is only the record that is missing, and the person is told the service is unavailable.
        auditLog.append(AuditRecord.of(
                AuditAction.ACCESS_DENIED,
                "view /" + event.getLocation().getPath(),
                "refused by the screen's access rules"));
        return super.setErrorParameter(event, parameter);
    }
}
