package com.readingroom.api.internal;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.identity.NotSignedInException;
import com.readingroom.search.SearchQueryException;
import com.readingroom.source.FileTooLargeException;
import com.readingroom.source.SourceNotFoundException;
import com.readingroom.source.SourceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What a tool receives when a read fails: an RFC 9457 problem whose detail a person understands (the policy's
 * reason, the query's mistake), never a stack trace. Refusals were recorded by the reader before they reach here.
 */
@RestControllerAdvice(assignableTypes = ReadApiController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException denied) {
        return problem(HttpStatus.FORBIDDEN, "Not granted", denied.getMessage());
    }

    @ExceptionHandler(RateLimit.RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimit.RateLimitedException limited) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, limited.getMessage());
        problem.setTitle("Too many calls");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(limited.retryAfterSeconds()))
                .body(problem);
    }

    /** A role that may not call a service at all (method security); recorded by the audit module's listener. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(org.springframework.security.access.AccessDeniedException denied) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", "This account may not do this.");
    }

    @ExceptionHandler(SourceNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(SourceNotFoundException missing) {
        return problem(HttpStatus.NOT_FOUND, "Not found", missing.getMessage());
    }

    @ExceptionHandler(FileTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(FileTooLargeException large) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "File too large", large.getMessage());
    }

    @ExceptionHandler(SearchQueryException.class)
    ResponseEntity<ProblemDetail> badQuery(SearchQueryException query) {
        ResponseEntity<ProblemDetail> answer =
                problem(HttpStatus.BAD_REQUEST, "Query not understood", query.getMessage());
        if (query.column() > 0) {
            answer.getBody().setProperty("column", query.column());
        }
        return answer;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", invalid.getMessage());
    }

    @ExceptionHandler(NotSignedInException.class)
    ResponseEntity<ProblemDetail> notSignedIn(NotSignedInException absent) {
        return problem(HttpStatus.UNAUTHORIZED, "Not signed in", absent.getMessage());
    }

    @ExceptionHandler({AuditUnavailableException.class, SourceUnavailableException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException unavailable) {
        log.warn("A read through the API failed closed: {}", unavailable.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", unavailable.getMessage());
    }

    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException unavailable) {
        log.warn("A read through the API failed closed: the database is unavailable ({})", unavailable.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", DatabaseUnavailable.MESSAGE);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException fault) {
        String reference = Long.toHexString(System.nanoTime());
        log.error("Unexpected error in the read API (reference {})", reference, fault);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error",
                "Something went wrong (reference " + reference + "). Nothing was shown; please try again.");
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
