package com.readingroom.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;

/** The root: sends each person to the first area their role may use. */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        MenuConfiguration.getMenuEntries().stream()
                .map(MenuEntry::path)
                .filter(path -> !path.isEmpty())
                .findFirst()
                .ifPresentOrElse(event::forwardTo, () -> event.forwardTo(NoAreaView.class));
    }
}
