package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.identity.ClientCertificates;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.identity.SecondFactor;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everyone who signs in: a program manager invites people (a first password is shown once), disables them, resets
 * their password and sets their roles.
 */
@Route("people")
@PageTitle("People · Reading Room")
@Menu(order = 13, title = "People", icon = "vaadin:users")
@RolesAllowed(Role.PROGRAM_MANAGER_NAME)
public class PeopleView extends VerticalLayout {

    private static final Agency VENDOR = new Agency(-1, "Vendor staff (no agency)", null, null, null);

    private final People people;
    private final Agencies agencies;
    private final Grid<Person> grid = new Grid<>(Person.class, false);
    private final ClientCertificates certificates;
    private final SecondFactor secondFactor;

    public PeopleView(People people, Agencies agencies, ClientCertificates certificates, SecondFactor secondFactor) {
        this.people = people;
        this.agencies = agencies;
        this.certificates = certificates;
        this.secondFactor = secondFactor;
        setSizeFull();
        Map<Long, String> agencyNames =
                agencies.list(0, 500).stream().collect(Collectors.toMap(Agency::id, Agency::name));
        grid.setId("people");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Person::username).setHeader("Username").setAutoWidth(true);
        grid.addColumn(Person::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(person ->
                        person.agencyId() == null ? "Vendor" : agencyNames.getOrDefault(person.agencyId(), "?"))
                .setHeader("Agency")
                .setAutoWidth(true);
        grid.addColumn(person ->
                        person.roles().stream().sorted().map(MainLayout::label).collect(Collectors.joining(", ")))
                .setHeader("Roles")
                .setAutoWidth(true);
        grid.addColumn(person -> person.enabled() ? "enabled" : "disabled")
                .setHeader("Account")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setItems(query -> people.list(query.getOffset(), query.getLimit()).stream(), query -> people.count());

        Button invite = new Button("Invite person", event -> openInviteDialog());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        invite.setId("invite-person");
        HorizontalLayout header = new HorizontalLayout(new H2("People"), invite);
        header.setAlignItems(Alignment.BASELINE);
        add(header, grid);
    }

    private HorizontalLayout actions(Person person) {
        Button toggle = new Button(person.enabled() ? "Disable" : "Enable", event -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    (person.enabled() ? "Disable " : "Enable ") + person.username(),
                    person.enabled()
                            ? "They are refused on their next click and cannot sign in again."
                            : "They can sign in again.",
                    person.enabled() ? "Disable" : "Enable",
                    confirmed -> {
                        if (Notices.attempt(() -> people.setEnabled(person.username(), !person.enabled()))) {
                            grid.getDataProvider().refreshAll();
                        }
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        Button reset = new Button("Reset password", event -> {
            ConfirmDialog confirm = new ConfirmDialog(
                    "Reset the password of " + person.username(),
                    "Their current password stops working at once.",
                    "Reset",
                    confirmed -> {
                        String[] password = new String[1];
                        if (Notices.attempt(() -> password[0] = people.resetPassword(person.username()))) {
                            showPasswordOnce(person.username(), password[0]);
                        }
                    });
            confirm.setCancelable(true);
            confirm.open();
        });
        Button roles = new Button("Roles", event -> openRolesDialog(person));
        Button signIn = new Button("Sign-in", event -> openSignInDialog(person));
        for (Button button : new Button[] {toggle, reset, roles, signIn}) {
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(toggle, reset, roles, signIn);
    }

    /** How the person signs in besides the password: a smart card's certificate, the authenticator app. */
    private void openSignInDialog(Person person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Sign-in of " + person.username());
        TextField subject = new TextField("Client certificate subject (smart card)");
        subject.setId("certificate-subject");
        subject.setPlaceholder("CN=…, O=…, C=…");
        subject.setHelperText("The card signs this person in when the server trusts its certificate authority.");
        subject.setWidth("32em");
        Button assign = new Button("Assign", event -> {
            if (Notices.attempt(() -> certificates.assign(person.username(), subject.getValue()))) {
                Notices.success("Certificate subject assigned to " + person.username());
                dialog.close();
            }
        });
        Button removeCard = new Button("Remove certificate", event -> {
            if (Notices.attempt(() -> certificates.remove(person.username()))) {
                dialog.close();
            }
        });
        Button resetFactor = new Button("Remove authenticator", event -> {
            if (Notices.attempt(() -> secondFactor.reset(person.username()))) {
                Notices.success(person.username() + " sets up an authenticator at the next sign-in");
                dialog.close();
            }
        });
        resetFactor.setId("reset-second-factor");
        dialog.add(new VerticalLayout(subject, new HorizontalLayout(assign, removeCard), resetFactor));
        dialog.getFooter().add(new Button("Close", event -> dialog.close()));
        dialog.open();
    }

    private void openRolesDialog(Person person) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Roles of " + person.username());
        CheckboxGroup<Role> roles = roleChoice();
        roles.setValue(person.roles());
        dialog.add(roles);
        Button save = new Button("Save", event -> {
            if (Notices.attempt(() -> people.setRoles(person.username(), roles.getValue()))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    private void openInviteDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a person");
        TextField username = new TextField("Username");
        username.setId("person-username");
        username.setHelperText("lower-case letters, digits, dots, dashes");
        TextField name = new TextField("Name");
        name.setId("person-name");
        EmailField email = new EmailField("E-mail");
        ComboBox<Agency> agency = new ComboBox<>("Agency");
        agency.setId("person-agency");
        java.util.List<Agency> choices = new java.util.ArrayList<>(agencies.list(0, 500));
        choices.addFirst(VENDOR);
        agency.setItems(choices);
        agency.setItemLabelGenerator(Agency::name);
        agency.setValue(VENDOR);
        CheckboxGroup<Role> roles = roleChoice();
        roles.setId("person-roles");
        roles.setValue(EnumSet.of(Role.REVIEWER));
        dialog.add(new FormLayout(username, name, email, agency, roles));
        Button save = new Button("Invite", event -> {
            Long agencyId = Optional.ofNullable(agency.getValue())
                    .filter(chosen -> chosen != VENDOR)
                    .map(Agency::id)
                    .orElse(null);
            Set<Role> chosenRoles = roles.getValue();
            People.Invitation[] invitation = new People.Invitation[1];
            if (Notices.attempt(() -> invitation[0] = people.invite(
                    username.getValue().strip(), name.getValue(), email.getValue(), agencyId, chosenRoles))) {
                dialog.close();
                grid.getDataProvider().refreshAll();
                showPasswordOnce(invitation[0].person().username(), invitation[0].password());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("person-save");
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    private static CheckboxGroup<Role> roleChoice() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(MainLayout::label);
        return roles;
    }

    /** The only time a password is ever shown: it is stored as a hash and cannot be shown again. */
    private static void showPasswordOnce(String username, String password) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Password for " + username);
        Span secret = new Span(password);
        secret.setId("one-time-password");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-xl)");
        dialog.add(
                new Paragraph("Hand this password to " + username
                        + " through a separate channel. It is shown only now and cannot be shown again."),
                secret);
        dialog.getFooter().add(new Button("Done", event -> dialog.close()));
        dialog.open();
    }
}
