package com.readingroom.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

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

    @Bean
    <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    @Bean
    LocalStateSweep localStateSweep(FindByIndexNameSessionRepository<?> sessions) {
        return new LocalStateSweep((NodeLocalSessions) sessions);
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
