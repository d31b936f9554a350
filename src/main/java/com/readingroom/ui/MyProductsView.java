package com.readingroom.ui;

import com.readingroom.access.AccessPolicy;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.ReadableProduct;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.SourceReader;
import com.readingroom.source.SourceRef;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A reviewer's start: the products their agency's agreements let them read now, and until when. */
@Route("products")
@PageTitle("My products · Reading Room")
@Menu(order = 1, title = "My products", icon = "vaadin:records")
@RolesAllowed(Role.REVIEWER_NAME)
public class MyProductsView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentPerson currentPerson;
    private final AccessPolicy policy;
    private final Agreements agreements;
    private final Clock clock;
    private final SourceReader reader;

    public MyProductsView(
            CurrentPerson currentPerson, AccessPolicy policy, Agreements agreements, Clock clock, SourceReader reader) {
        this.reader = reader;
        this.currentPerson = currentPerson;
        this.policy = policy;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** Decided afresh on every navigation, also back to this same page: a suspension shows on the next click. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Person person = currentPerson.require();
        Instant now = clock.instant();
        List<ReadableProduct> readable = policy.readableProducts(person, now);

        add(new H2("My products"));
        if (readable.isEmpty()) {
            add(nothingReadable(person, agreements, now));
            return;
        }
        Paragraph intro = new Paragraph("What your agency's agreements let you read today. "
                + "Every file you open is recorded in the audit log.");
        intro.addClassName("rr-muted");
        add(intro);
        Div list = new Div();
        list.setId("readable-products");
        list.getStyle().set("display", "grid").set("gap", "var(--lumo-space-m)");
        readable.forEach(product -> list.add(card(person, product)));
        add(list);
    }

    private Div card(Person person, ReadableProduct readable) {
        Div card = new Div();
        card.addClassName("rr-card");
        card.getElement().setAttribute("data-product", readable.product().name());
        card.add(new H3(readable.product().name()));
        if (readable.product().description() != null) {
            card.add(new Paragraph(readable.product().description()));
        }
        UnorderedList repositories = new UnorderedList();
        for (HostedRepository repository : readable.repositories()) {
            RouterLink name = SourceLinks.tree(repository.name(), repository.name(), null, "");
            name.addClassName("rr-repository-name");
            ListItem item = new ListItem(name);
            if (repository.description() != null) {
                item.add(new Span(" — " + repository.description()));
            }
            item.add(grantedRefs(person, repository.name()));
            repositories.add(item);
        }
        card.add(repositories);
        if (!readable.includePaths().isEmpty()) {
            card.add(muted("Only: " + String.join(", ", readable.includePaths())));
        }
        if (!readable.excludePaths().isEmpty()) {
            card.add(muted("Never: " + String.join(", ", readable.excludePaths())));
        }
        if (!readable.refPatterns().isEmpty()) {
            card.add(muted("Refs: " + String.join(", ", readable.refPatterns())));
        }
        card.add(muted("Agreement " + readable.agreementReference() + " (" + readable.agreementTitle()
                + "), valid until " + Formats.date(readable.readableUntil())));
        return card;
    }

    /** The branches and tags the person may read, each a link into the repository at that ref. */
    private Div grantedRefs(Person person, String repository) {
        Div refs = new Div();
        refs.addClassName("rr-refs");
        refs.getElement().setAttribute("data-repository", repository);
        try {
            for (SourceRef ref : reader.refs(person, repository)) {
                RouterLink link = SourceLinks.tree(ref.shortName(), repository, ref.name(), "");
                link.getElement().setAttribute("data-ref", ref.name());
                link.getStyle().set("margin-right", "var(--lumo-space-s)");
                refs.add(link);
            }
        } catch (com.readingroom.access.AccessDeniedException
                | com.readingroom.source.SourceUnavailableException unreadable) {
            refs.add(muted(unreadable.getMessage()));
        }
        return refs;
    }

    /** Says why nothing is readable, so a reviewer whose agreement lapsed knows whom to ask. */
    private static Div nothingReadable(Person person, Agreements agreements, Instant now) {
        Div box = new Div();
        box.setId("no-readable-products");
        box.addClassName("rr-card");
        box.add(new Paragraph("No agreement in force grants you access to any product right now."));
        if (person.agencyId() != null) {
            for (Agreement agreement : agreements.ofAgency(person.agencyId())) {
                box.add(muted(explain(agreement, now)));
            }
        }
        box.add(muted("Ask your agency's contact or the vendor's program office about your agreement."));
        return box;
    }

    /** The agreement's own reason (the one the access policy gives), under its title. */
    static String explain(Agreement agreement, Instant now) {
        String why = agreement.whyNotInForceAt(now);
        return agreement.title() + " — "
                + (why != null
                        ? why
                        : "Agreement " + agreement.reference()
                                + " is in force, but none of its scopes grants anything today.");
    }

    private static Span muted(String text) {
        Span span = new Span(text);
        span.addClassName("rr-muted");
        span.getStyle().set("display", "block");
        return span;
    }
}
