package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.CommitDiff;
import com.readingroom.source.SourceReader;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** One commit: its message, author and date, and its changes to the files the person may read. */
@Route("commit/:repository/:commit")
@PageTitle("Commit · Reading Room")
@RolesAllowed(Role.REVIEWER_NAME)
public class CommitView extends SourceView {

    public CommitView(SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock) {
        super(reader, currentPerson, agencies, clock);
    }

    @Override
    void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event) {
        String commitId = event.getRouteParameters().get("commit").orElse("");
        CommitDiff diff = reader.commit(person, repository, commitId);
        add(new H2(diff.commit().subject()));
        Div header = new Div();
        header.setId("commit-header");
        header.add(new Paragraph(
                "Commit " + diff.commit().id() + " by " + diff.commit().author() + " on "
                        + Formats.dateTime(diff.commit().authored()) + " · in " + repository + ", on "
                        + Breadcrumb.describe(diff.ref())));
        if (diff.baseId() != null) {
            header.add(new Paragraph(
                    SourceLinks.commit("Parent " + diff.baseId().substring(0, 10), repository, diff.baseId())));
        }
        Pre message = new Pre(diff.commit().message().strip());
        message.setId("commit-message");
        message.getStyle().set("white-space", "pre-wrap");
        header.add(message);
        header.add(SourceLinks.tree(
                "Browse the files at this commit", repository, diff.commit().id(), ""));
        add(header);
        add(new DiffPanel(diff, diff.commit().id()));
    }
}
