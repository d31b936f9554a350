package com.readingroom.ui;

import com.readingroom.identity.SecondFactor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a browser whose sign-in waits for its second factor to the second-factor page, whatever page it asks for
 * (after the password, Vaadin's sign-in goes to the page first asked for). Vaadin's own requests and assets pass: the
 * page itself needs them, and the services refuse a pending sign-in anyway.
 */
final class PendingSecondFactor extends OncePerRequestFilter {

    /** Session attribute: the page to show after the second factor. */
    static final String RETURN_TO = "readingroom.after-second-factor";

    private static final Set<String> ALLOWED = Set.of("/second-factor", "/login", "/logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        // Pages only (a browser asks for them as HTML): the second-factor page's own styles and scripts pass.
        boolean page = "GET".equals(request.getMethod())
                && accept != null
                && accept.contains("text/html")
                && request.getParameter("v-r") == null
                && !path.startsWith("/VAADIN/")
                && !NoStoreHeaders.isStaticAsset(path)
                && !ALLOWED.contains(path);
        if (page && SecondFactor.pending(SecurityContextHolder.getContext().getAuthentication())) {
            // The page asked for is shown once the code is right (a path of this application only).
            String query = request.getQueryString();
            request.getSession().setAttribute(RETURN_TO, path + (query == null ? "" : "?" + query));
            response.sendRedirect(request.getContextPath() + "/second-factor");
            return;
        }
        chain.doFilter(request, response);
    }
}
