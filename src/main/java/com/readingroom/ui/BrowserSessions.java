package com.readingroom.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser sessions shared by every node through the database (see {@link NodeLocalSessions}). Spring Boot configures
 * Spring Session JDBC from {@code server.servlet.session.*}; here its repository gets Vaadin's state kept on the node,
 * and Spring Security's registry of sessions reads the database, so that a session ended on one node ends on all.
 */
@Configuration(proxyBeanMethods = false)
class BrowserSessions {

    private static final Logger log = LoggerFactory.getLogger(BrowserSessions.class);

    /** Wraps Boot's JDBC session repository, so that the session filter and the registry both use the wrapper. */
    @Bean
    static BeanPostProcessor nodeLocalSessionState() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new NodeLocalSessions(jdbc) : bean;
            }
        };
    }

    /**
     * Sends the cookie of a session as soon as a browser request creates it. Spring Session sends it when it sees the
     * response commit, but a page that Vaadin renders behind Spring MVC's forward commits unseen: a session made
     * there (the sign-in page's, for its CSRF token) never reached the browser, and the page could not start.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionCookieAtCreation(CookieSerializer cookies) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new CookieAtCreation(cookies));
        // Inside Spring Session's filter, so that the sessions it sees are the database's.
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * With an agency's OpenID Connect provider the session cookie is {@code SameSite=Lax}: the provider's redirect back
     * is a navigation from another site, which a {@code Strict} cookie would not come with (the sign-in could not
     * finish). Without a provider it stays as configured ({@code Strict}).
     */
    @Bean
    DefaultCookieSerializerCustomizer laxWithIdentityProviders(ObjectProvider<ClientRegistrationRepository> providers) {
        return serializer -> {
            if (providers.getIfAvailable() != null) {
                serializer.setSameSite("Lax");
            }
        };
    }

    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    LocalStateSweep localStateSweep(FindByIndexNameSessionRepository<?> sessions) {
        return new LocalStateSweep((NodeLocalSessions) sessions);
    }

    private static final class CookieAtCreation extends OncePerRequestFilter {

        private final CookieSerializer cookies;

        CookieAtCreation(CookieSerializer cookies) {
            this.cookies = cookies;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(
                    new HttpServletRequestWrapper(request) {
                        private boolean sent;

                        @Override
                        public HttpSession getSession() {
                            return getSession(true);
                        }

                        @Override
                        public HttpSession getSession(boolean create) {
                            HttpSession session = super.getSession(create);
                            if (session != null && session.isNew() && !sent && !response.isCommitted()) {
                                cookies.writeCookieValue(new CookieSerializer.CookieValue(
                                        (HttpServletRequest) getRequest(), response, session.getId()));
                                sent = true;
                            }
                            return session;
                        }
                    },
                    response);
        }
    }

    /** Frees this node's UI state of sessions that ended on another node or expired. */
    static final class LocalStateSweep {

        private final NodeLocalSessions sessions;

        LocalStateSweep(NodeLocalSessions sessions) {
            this.sessions = sessions;
        }

        @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
        void sweep() {
            int forgotten = sessions.forgetEnded();
            if (forgotten > 0) {
                log.debug("Forgot the UI state of {} ended session(s); {} remain", forgotten, sessions.localSessions());
            }
        }
    }
}
