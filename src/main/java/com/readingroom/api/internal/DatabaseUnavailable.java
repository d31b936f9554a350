package com.readingroom.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails an API call closed, with a clear 503, when the database cannot be reached while the call is authenticated or
 * answered: no decision can be made and no record written, so nothing is shown. Once the database is back, calls are
 * served again (the connection pool reconnects by itself).
 */
class DatabaseUnavailable extends OncePerRequestFilter {

    static final String MESSAGE = "Reading Room cannot reach its database just now, so it can neither decide nor"
            + " record this call: nothing was shown. Please try again in a moment.";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (DataAccessException | TransactionException unavailable) {
            log.warn(
                    "API call {} failed closed: the database is unavailable ({})",
                    request.getRequestURI(),
                    unavailable.getMessage());
            if (response.isCommitted()) {
                throw unavailable;
            }
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Unavailable\",\"status\":503,\"detail\":\"" + MESSAGE
                            + "\"}");
        }
    }
}
