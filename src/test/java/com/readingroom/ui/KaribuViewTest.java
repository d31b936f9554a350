package com.readingroom.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Browserless UI tests on the real Spring context and demo data. Karibu fakes the servlet environment, so Spring
 * Security's filters do not run: a test signs a person in by putting their authentication where the filters would.
 */
@SpringBootTest
@ActiveProfiles("test")
abstract class KaribuViewTest {

    private static Routes routes;

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("com.readingroom.ui");
    }

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(org.springframework.security.core.context.SecurityContextHolderStrategy::clearContext);
    }

    /** Signs a demo person in, with the roles stored for them, and opens the root as the browser would after login. */
    void signInAs(String username) {
        Person person = people.findByUsername(username).orElseThrow();
        List<String> roles = person.roles().stream().map(Role::name).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                username,
                null,
                person.roles().stream()
                        .map(role -> new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                role.authority()))
                        .toList());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        // Vaadin installs its own strategy per application context, and sets the static one to the newest context's:
        // with several cached contexts in one test JVM, this context's method security reads its own.
        context.getBeanProvider(org.springframework.security.core.context.SecurityContextHolderStrategy.class)
                .ifAvailable(strategy -> strategy.getContext().setAuthentication(authentication));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> roles.contains(role));
        UI.getCurrent().navigate("");
    }
}
