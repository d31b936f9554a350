package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.identity.People;
import com.readingroom.identity.SecondFactor;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Web security of the browser: Vaadin's form login (then the second factor where the roles need it), agency smart
 * cards (X.509) and agencies' OpenID Connect providers; {@code /api/**} and {@code /actuator/**} have their own
 * chains, first, in the api module. Views
 * are deny-by-default; services enforce with method security, the UI only hides what a person cannot use.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@EnableConfigurationProperties(AgencySignIn.Properties.class)
class SecurityConfiguration {

    @Bean
    AgencySignIn agencySignIn(AgencySignIn.Properties properties, People people, Agencies agencies) {
        return new AgencySignIn(properties, people, agencies);
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserSecurity(
            HttpSecurity http,
            SessionRegistry sessions,
            AuthenticationConfiguration authentication,
            SecondFactor secondFactor,
            AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> certificateAccounts,
            ObjectProvider<ClientRegistrationRepository> providers,
            AgencySignIn agencySignIn)
            throws Exception {
        // Agencies' OpenID Connect providers, when any is configured: their people sign in there (AgencySignIn).
        if (providers.getIfAvailable() != null) {
            http.oauth2Login(oidc ->
                    oidc.loginPage("/login").userInfoEndpoint(userInfo -> userInfo.oidcUserService(agencySignIn)));
        }
        // Agency smart cards: a client certificate that the server's TLS trusts signs in the person assigned its
        // subject (identity.ClientCertificates); without TLS client authentication no certificate ever arrives.
        http.x509(x509 -> x509.x509PrincipalExtractor(
                        certificate -> certificate.getSubjectX500Principal().getName())
                .authenticationUserDetailsService(certificateAccounts));
        // The sign-in form checks the password with the application's accounts, then asks for the second factor
        // where the person's roles need one (a pending sign-in until then: SecondFactorView).
        AuthenticationManager passwords = authentication.getAuthenticationManager();
        // The login page is named here as well (Vaadin's LoginView): a form login configured without one would
        // switch on Spring Security's generated sign-in page.
        http.formLogin(form -> form.loginPage("/login")
                .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                    @Override
                    public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(
                                presented -> secondFactor.afterPassword(passwords.authenticate(presented)));
                        return filter;
                    }
                }));
        // An error dispatch (e.g. the API's 401) renders the error response as it is; it must not turn into a redirect.
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                .permitAll()
                .requestMatchers("/styles/**")
                .permitAll());
        // Caching and security headers of the browser's pages: see NoStoreHeaders (Spring Security's own header writers
        // did not reach Vaadin's pages).
        // A sign-in waiting for its second factor sees only the second-factor page (PendingSecondFactor).
        // Any number of sessions per person, but known (in the database: BrowserSessions), so that OpenSessions can
        // end them on every node; a new session id at sign-in.
        http.addFilterAfter(new PendingSecondFactor(), AnonymousAuthenticationFilter.class);
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                .maximumSessions(-1)
                .sessionRegistry(sessions)
                .expiredUrl("/login"));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }
}
