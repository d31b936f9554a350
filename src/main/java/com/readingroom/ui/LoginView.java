package com.readingroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Reading Room")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(ObjectProvider<ClientRegistrationRepository> providers) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage()
                .setMessage("Check your username and password. After five failed attempts the account is locked "
                        + "for 15 minutes.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);

        Paragraph notice = new Paragraph("Every file you open here is recorded in an audit log, "
                + "with your name, your agency and the agreement that allows it.");
        notice.addClassName("rr-muted");
        notice.setMaxWidth("28em");
        add(new H1("Reading Room"), login);
        // One link per agency's identity provider, when configured (a full page load: the provider's redirect).
        if (providers.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object each : registrations) {
                ClientRegistration registration = (ClientRegistration) each;
                Anchor provider = new Anchor(
                        "oauth2/authorization/" + registration.getRegistrationId(),
                        "Sign in with " + registration.getClientName());
                provider.setRouterIgnore(true);
                provider.setId("sign-in-" + registration.getRegistrationId());
                add(provider);
            }
        }
        add(notice);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
