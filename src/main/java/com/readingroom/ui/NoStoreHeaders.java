package com.readingroom.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Nothing that may carry source is ever stored by a browser or a proxy: every response but the static assets (the
 * Vaadin bundle, WebJars, our CSS and scripts) is {@code Cache-Control: no-store}, set before anything is written and
 * kept even if a later layer tries to set its own caching headers. Every view must reach the server, be checked and be
 * audited. (With Vaadin's security configuration, Spring Security's own cache-control header was seen missing.)
 *
 * <p>For the same reason the browser's security headers are set here, and only here, on every page, request and asset
 * of the browser application: the content security policy, no framing, no sniffing, referrers only to this origin.
 * The API has its own (stricter) headers in its security chain.
 */
@Configuration(proxyBeanMethods = false)
class NoStoreHeaders {

    static final String NO_STORE = "no-store, no-cache, max-age=0, must-revalidate";

    private static final List<String> STATIC_PREFIXES =
            List.of("/VAADIN/build/", "/VAADIN/static/", "/webjars/", "/styles/", "/js/", "/icons/", "/images/");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noStoreFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * What a page may load and run. Vaadin's client needs inline and evaluated scripts (its bootstrap, executeJs) and
     * inline styles; everything else is this origin only, and nothing may frame the portal, post a form elsewhere or
     * load a plugin. Source is shown as text, never as markup, so a file cannot bring a script in.
     */
    static final String BROWSER_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final java.util.Map<String, String> SECURITY_HEADERS = java.util.Map.of(
            "Content-Security-Policy", BROWSER_CSP,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin");

    static boolean isStaticAsset(String path) {
        return STATIC_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/favicon.ico");
    }

    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/")) {
                SECURITY_HEADERS.forEach(response::setHeader);
            }
            if (isStaticAsset(path)) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("Cache-Control", NO_STORE);
            response.setHeader("Pragma", "no-cache");
            response.setDateHeader("Expires", 0);
            chain.doFilter(request, new KeepNoStore(response));
        }
    }

    /** Ignores any later attempt to make the response cacheable. */
    private static final class KeepNoStore extends HttpServletResponseWrapper {

        KeepNoStore(HttpServletResponse response) {
            super(response);
        }

        /** Caching headers, and the security headers once set: what a later layer may not loosen. */
        private boolean caching(String name) {
            String header = name.toLowerCase(Locale.ROOT);
            boolean security =
                    SECURITY_HEADERS.keySet().stream().anyMatch(header::equalsIgnoreCase) && containsHeader(name);
            return security
                    || header.equals("cache-control")
                    || header.equals("expires")
                    || header.equals("pragma")
                    || header.equals("etag")
                    || header.equals("last-modified");
        }

        @Override
        public void setHeader(String name, String value) {
            if (!caching(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!caching(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!caching(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!caching(name)) {
                super.addDateHeader(name, date);
            }
        }
    }
}
