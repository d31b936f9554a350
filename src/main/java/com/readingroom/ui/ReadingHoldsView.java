package com.readingroom.ui;

import com.readingroom.identity.Role;
import com.readingroom.source.ReadingHold;
import com.readingroom.source.ReadingHolds;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * People whose reading the bulk-reading guard has paused. Program managers clear a hold with a reason; auditors see
 * the list (the slow-downs and holds themselves are in the audit log as READING_SLOWED and READING_HELD).
 */
@Route("reading-holds")
@PageTitle("Reading holds · Reading Room")
@Menu(order = 15, title = "Reading holds", icon = "vaadin:hand")
@RolesAllowed({Role.PROGRAM_MANAGER_NAME, Role.AUDITOR_NAME})
public class ReadingHoldsView extends VerticalLayout {

    private final ReadingHolds holds;
    private final boolean manager;
    private final Grid<ReadingHold> grid = new Grid<>();

    public ReadingHoldsView(ReadingHolds holds, AuthenticationContext authentication) {
        this.holds = holds;
        this.manager = authentication.hasRole(Role.PROGRAM_MANAGER.name());
        add(new H2("Reading holds"));
        Paragraph intro = new Paragraph("A reviewer who opens files faster than the agreed rate is slowed down and"
                + " auditors are alerted (READING_SLOWED in the audit log); one who keeps it up is held: no file opens"
                + " for them until a program manager clears the hold.");
        intro.addClassName("rr-muted");
        add(intro);
        grid.setId("reading-holds");
        grid.setAllRowsVisible(true);
        grid.addColumn(ReadingHold::username).setHeader("Person").setAutoWidth(true);
        grid.addColumn(hold -> Formats.dateTime(hold.heldAt()))
                .setHeader("Held since")
                .setAutoWidth(true);
        grid.addColumn(ReadingHold::reason).setHeader("Why").setFlexGrow(3);
        if (manager) {
            grid.addComponentColumn(this::clearButton)
                    .setKey("clear")
                    .setHeader("")
                    .setAutoWidth(true);
        }
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(holds.active());
    }

    private Button clearButton(ReadingHold hold) {
        Button clear = new Button("Clear…", click -> {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle("Let " + hold.username() + " read again");
            TextArea note = new TextArea("Why may the hold be cleared?");
            note.setId("clear-note");
            note.setWidthFull();
            dialog.add(note);
            Button confirm = new Button("Clear the hold", confirmed -> {
                if (Notices.attempt(() -> holds.clear(hold.id(), note.getValue()))) {
                    dialog.close();
                    Notices.success("The hold on " + hold.username() + " is cleared.");
                    refresh();
                }
            });
            confirm.setId("confirm-clear");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            dialog.getFooter().add(new Button("Cancel", cancel -> dialog.close()), confirm);
            dialog.open();
        });
        clear.setId("clear-hold-" + hold.id());
        clear.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return clear;
    }
}
