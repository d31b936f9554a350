package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every refusal by Spring Security (a service method a role may not call, a request a person may not make) becomes an
 * ACCESS_DENIED record: someone trying what they may not is exactly what auditors look for.
 */
@Configuration(proxyBeanMethods = false)
class DenialAuditing {

    private final AuditLog auditLog;

    DenialAuditing(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Makes Spring Security publish its authorization denials as events (it does not by default). */
    @Bean
    static AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** Its own transaction: the refused call's transaction, if any, is about to be rolled back. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onDenied(AuthorizationDeniedEvent<?> event) {
        Authentication who = event.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            // Not a person's refusal but a visitor sent to the sign-in page; recording each would let anyone flood the
            // log.
            return;
        }
        Object subject = event.getSource();
        String target = subject instanceof MethodInvocation invocation
                ? "service " + invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                        + invocation.getMethod().getName()
                : "request " + describe(subject);
        auditLog.append(AuditRecord.of(AuditAction.ACCESS_DENIED, target, "refused by method or web security"));
    }

    private static String describe(Object subject) {
        if (subject instanceof jakarta.servlet.http.HttpServletRequest request) {
            return request.getMethod() + " " + request.getRequestURI();
        }
        return subject == null ? "?" : subject.getClass().getSimpleName();
    }
}
