package com.readingroom.api.internal;

import com.readingroom.access.AccessTokens;
import com.readingroom.identity.MachinePrincipal;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security of {@code /api/**}: stateless, no cookies read, so no cross-site request can ride a browser session
 * (which is why CSRF tokens are not needed here). Approved tools present personal access tokens ({@code Authorization:
 * Bearer rrpat_…}, RFC 6750); vendor staff's tools (the audit API) use HTTP Basic with their account. The source read
 * API answers token calls only: a password alone never reads source by machine. A browser that holds Basic
 * credentials would send them with a forged cross-site request too, so a request that changes something and that a
 * browser marks as coming from another site is refused (and, once its caller is known, recorded).
 */
@Configuration
@SecurityScheme(name = ApiSecurityConfiguration.TOKEN_SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer")
class ApiSecurityConfiguration {

    static final String TOKEN_SCHEME = "personal-access-token";
    /** Held only by a call authenticated with a personal access token. */
    static final String MACHINE_ACCESS = "MACHINE_ACCESS";

    private static final String MACHINE = "machine";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager tokenAuthentication) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(ApiSecurityConfiguration::crossSiteChange)
                        .denyAll()
                        .requestMatchers("/api/v1/repos", "/api/v1/repos/**")
                        .hasAuthority(MACHINE_ACCESS)
                        .requestMatchers("/api/v1/search")
                        .hasAuthority(MACHINE_ACCESS)
                        .anyRequest()
                        .authenticated())
                .httpBasic(basic -> basic.realmName("Reading Room"))
                .oauth2ResourceServer(
                        server -> server.opaqueToken(token -> token.authenticationManager(tokenAuthentication)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                // Answers are data, never pages: nothing in them may run, be framed or leak a referrer.
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'; sandbox"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(new DatabaseUnavailable(), BearerTokenAuthenticationFilter.class)
                .build();
    }

    /**
     * Checks a presented token with {@link AccessTokens}. A failure is published (and so audited as LOGIN_FAILED)
     * under the token's first characters only: the secret itself never reaches the log.
     */
    @Bean
    AuthenticationManager tokenAuthentication(AccessTokens tokens, AuthenticationEventPublisher events) {
        OpaqueTokenIntrospector introspector = secret -> {
            MachinePrincipal machine;
            try {
                machine = tokens.authenticate(secret);
            } catch (AccessTokens.InvalidTokenException invalid) {
                throw new BadOpaqueTokenException(invalid.getMessage());
            }
            List<GrantedAuthority> authorities = new ArrayList<>();
            machine.person().roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            authorities.add(new SimpleGrantedAuthority(MACHINE_ACCESS));
            return new DefaultOAuth2AuthenticatedPrincipal(machine.username(), Map.of(MACHINE, machine), authorities);
        };
        OpaqueTokenAuthenticationProvider provider = new OpaqueTokenAuthenticationProvider(introspector);
        provider.setAuthenticationConverter((secret, principal) -> UsernamePasswordAuthenticationToken.authenticated(
                principal.<MachinePrincipal>getAttribute(MACHINE), null, principal.getAuthorities()));
        return presented -> {
            try {
                return provider.authenticate(presented);
            } catch (AuthenticationException failed) {
                events.publishAuthenticationFailure(
                        failed, UsernamePasswordAuthenticationToken.unauthenticated("token " + hint(presented), null));
                throw failed;
            }
        };
    }

    /**
     * A request that may change something (not GET, HEAD or OPTIONS) which a browser says another site made: by the
     * fetch metadata it sends ({@code Sec-Fetch-Site}), or else by an {@code Origin} that is not this server's. Tools
     * send neither header.
     */
    static boolean crossSiteChange(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String hint(org.springframework.security.core.Authentication presented) {
        String secret = presented instanceof BearerTokenAuthenticationToken bearer ? bearer.getToken() : "";
        return secret.length() <= 10 ? "(malformed)" : secret.substring(0, 10) + "…";
    }
}
