package com.readingroom.api.internal;

import com.readingroom.identity.Role;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The operators' endpoints ({@code /actuator}): a load balancer or orchestrator asks {@code health} (and its
 * {@code liveness} and {@code readiness} groups) without credentials and learns only up or down; the details, and the
 * Prometheus metrics, are for operators (role ADMIN, HTTP Basic, as a scraper sends it). Nothing here names content.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain managementSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.ADMIN_NAME))
                .httpBasic(basic -> basic.realmName("Reading Room operations"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
