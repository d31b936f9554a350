package com.readingroom.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Shown to a signed-in person whose roles give them no area (for example an account without a role yet). */
@Route("no-area")
@PageTitle("No area · Reading Room")
@PermitAll
public class NoAreaView extends VerticalLayout {

    public NoAreaView() {
        add(
                new H2("Nothing to show for your account"),
                new Paragraph("Your account has no role in Reading Room yet. "
                        + "Ask the vendor's program office to assign one."));
    }
}
