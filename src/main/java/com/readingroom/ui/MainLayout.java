package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The frame around every view: side navigation built from the {@code @Menu} views the signed-in person may open (so
 * each role sees only its own areas), and who is signed in, for which agency, on every page.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentPerson currentPerson, Agencies agencies, AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("Reading Room");
        brand.addClassName("rr-brand");
        addToNavbar(new DrawerToggle(), brand);

        SideNav navigation = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            navigation.addItem(item);
        }
        navigation.setId("main-navigation");

        Div person = new Div();
        person.addClassName("rr-person");
        person.setId("signed-in-person");
        currentPerson.get().ifPresent(signedIn -> {
            person.add(detail(signedIn.displayName(), "rr-person-name"));
            person.add(detail(roles(signedIn), "rr-person-detail"));
            String agency = signedIn.agencyId() == null
                    ? "Vendor staff"
                    : agencies.find(signedIn.agencyId()).map(Agency::name).orElse("Unknown agency");
            Span agencyName = detail(agency, "rr-person-detail");
            agencyName.setId("signed-in-agency");
            person.add(agencyName);
        });
        Button signOut = new Button("Sign out", event -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        signOut.setId("sign-out");
        person.add(signOut);

        addToDrawer(new Scroller(navigation), person);
    }

    private static Span detail(String text, String className) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }

    private static String roles(Person person) {
        return person.roles().stream().sorted().map(MainLayout::label).collect(Collectors.joining(", "));
    }

    static String label(Role role) {
        return switch (role) {
            case REVIEWER -> "Reviewer";
            case AUDITOR -> "Auditor";
            case PROGRAM_MANAGER -> "Program manager";
            case ADMIN -> "Administrator";
        };
    }
}
