package com.readingroom.api.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.MachinePrincipal;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Per-token rate limit of the read API: a bucket per token, in this node's memory, holding a minute's calls and refilled
 * continuously at that rate (so a steady tool at the limit is never refused, and no minute's boundary lets two minutes'
 * calls through at once). A refused call is audited (RATE_LIMITED) and answered 429 with {@code Retry-After}.
 */
@Component
@EnableConfigurationProperties(ApiProperties.class)
class RateLimit implements HandlerInterceptor, WebMvcConfigurer {

    private final ApiProperties properties;
    private final AuditLog auditLog;
    private final CurrentPerson currentPerson;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(ApiProperties properties, AuditLog auditLog, CurrentPerson currentPerson) {
        this.properties = properties;
        this.auditLog = auditLog;
        this.currentPerson = currentPerson;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/repos", "/api/v1/repos/**", "/api/v1/search");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof MachinePrincipal machine)) {
            return true;
        }
        ConsumptionProbe probe =
                buckets.computeIfAbsent(machine.tokenId(), id -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            return true;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        String limit = properties.requestsPerMinute() + " calls a minute";
        auditLog.append(new AuditRecord(
                AuditAction.RATE_LIMITED,
                currentPerson.get().map(person -> person.agencyId()).orElse(null),
                null,
                null,
                "token " + machine.tokenId() + " of " + machine.username(),
                request.getMethod() + " " + request.getRequestURI() + " refused: above " + limit));
        throw new RateLimitedException(
                "This token made more than " + limit + ". Try again in " + retryAfter + " s.", retryAfter);
    }

    private Bucket newBucket() {
        int perMinute = properties.requestsPerMinute();
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** A call above the token's rate; recorded before it is thrown. */
    static class RateLimitedException extends RuntimeException {

        private final long retryAfterSeconds;

        RateLimitedException(String message, long retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
