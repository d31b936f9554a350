package com.readingroom.ui;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Web security of the browser (Vaadin form login); {@code /api/**} has its own chain, first, in the api module. Views
 * are deny-by-default; services enforce with method security, the UI only hides what a person cannot use.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(HttpSecurity http) throws Exception {
        // An error dispatch (e.g. the API's 401) renders the error response as it is; it must not turn into a redirect.
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                .permitAll()
                .requestMatchers("/styles/**")
                .permitAll());
        // Caching headers: see NoStoreHeaders (Spring Security's own cache-control header did not reach Vaadin's
        // pages).
        http.headers(headers -> headers.frameOptions(frame -> frame.deny())
                .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
