package com.readingroom.ui;

import com.readingroom.access.AccessDeniedException;
import com.readingroom.access.Agencies;
import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.source.SourceNotFoundException;
import com.readingroom.source.SourceReader;
import com.readingroom.source.SourceRef;
import com.readingroom.source.SourceUnavailableException;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What every page that shows source shares: it asks the {@link SourceReader} afresh on every navigation (nothing is
 * kept from an earlier view), shows a refusal or a missing ref, path or commit as a clear message instead of content,
 * and lays the watermark over the page.
 */
@JavaScript("context://webjars/highlightjs/11.10.0/highlight.min.js")
@JavaScript("context://webjars/highlightjs/11.10.0/languages/powershell.min.js")
@JavaScript("context://webjars/highlightjs/11.10.0/languages/dos.min.js")
@JavaScript("context://webjars/highlightjs/11.10.0/languages/cmake.min.js")
@JavaScript("context://webjars/highlightjs/11.10.0/languages/x86asm.min.js")
@JavaScript("context://js/source-view.js")
@StyleSheet("context://webjars/highlightjs/11.10.0/styles/github.min.css")
abstract class SourceView extends VerticalLayout implements BeforeEnterObserver {

    final SourceReader reader;
    final CurrentPerson currentPerson;
    final Agencies agencies;
    final Clock clock;

    SourceView(SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock) {
        this.reader = reader;
        this.currentPerson = currentPerson;
        this.agencies = agencies;
        this.clock = clock;
        setWidthFull();
        addClassName("rr-source-view");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Person person = currentPerson.require();
        add(Watermark.of(person, agencies, clock.instant()));
        String repository = event.getRouteParameters().get("repository").orElse("");
        QueryParameters query = event.getLocation().getQueryParameters();
        try {
            show(person, repository, query, event);
        } catch (AccessDeniedException refused) {
            problem("source-refused", "Not available", refused.getMessage() + " This refusal has been recorded.");
        } catch (SourceNotFoundException | IllegalArgumentException missing) {
            problem("source-not-found", "Not found", missing.getMessage());
        } catch (AuditUnavailableException | SourceUnavailableException unavailable) {
            problem("source-unavailable", "Not shown", unavailable.getMessage());
        }
    }

    /** Asks the reader and lays out what it returned; a refusal thrown here becomes the page's message. */
    abstract void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event);

    /** The revision asked for, or the first branch or tag the person may read (the default branch when granted). */
    String revisionOr(Person person, String repository, QueryParameters query) {
        Optional<String> asked = first(query, "rev");
        if (asked.isPresent()) {
            return asked.get();
        }
        List<SourceRef> refs = reader.refs(person, repository);
        return refs.getFirst().name();
    }

    static Optional<String> first(QueryParameters query, String name) {
        return query.getSingleParameter(name).filter(value -> !value.isBlank());
    }

    void problem(String id, String title, String message) {
        Div box = new Div();
        box.setId(id);
        box.addClassName("rr-card");
        box.add(new H2(title), new Paragraph(message));
        Paragraph hint = new Paragraph("If you think you should be able to read this, ask your agency's contact or the"
                + " vendor's program office.");
        hint.addClassName("rr-muted");
        box.add(hint);
        add(box);
    }
}
