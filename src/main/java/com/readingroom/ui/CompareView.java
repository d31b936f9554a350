package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.source.CommitDiff;
import com.readingroom.source.SourceReader;
import com.readingroom.source.SourceRef;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/** What changed between two granted refs (e.g. release/1.0 and release/1.1), in the files the person may read. */
@Route("compare/:repository")
@PageTitle("Compare · Reading Room")
@RolesAllowed(Role.REVIEWER_NAME)
public class CompareView extends SourceView {

    public CompareView(SourceReader reader, CurrentPerson currentPerson, Agencies agencies, Clock clock) {
        super(reader, currentPerson, agencies, clock);
    }

    @Override
    void show(Person person, String repository, QueryParameters query, BeforeEnterEvent event) {
        List<SourceRef> refs = reader.refs(person, repository);
        String to = first(query, "to").orElse(refs.getFirst().name());
        String from = first(query, "from").orElse(refs.size() > 1 ? refs.get(1).name() : to);
        add(new H2("Compare in " + repository));

        Select<String> fromPicker = picker("from-ref", "From", refs, from);
        Select<String> toPicker = picker("to-ref", "To", refs, to);
        Button compare = new Button(
                "Compare",
                click -> UI.getCurrent()
                        .navigate(
                                CompareView.class,
                                new RouteParameters("repository", repository),
                                SourceLinks.query("from", fromPicker.getValue(), "to", toPicker.getValue())));
        compare.setId("compare");
        HorizontalLayout pickers = new HorizontalLayout(fromPicker, toPicker, compare);
        pickers.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(pickers);

        CommitDiff diff = reader.compare(person, repository, from, to);
        add(new DiffPanel(diff, diff.commit().id()));
    }

    /**
     * A picker of the granted refs with {@code value} chosen; a value that is not one of them (a commit id) is
     * offered too.
     */
    static Select<String> picker(String id, String label, List<SourceRef> refs, String value) {
        Select<String> picker = new Select<>();
        picker.setId(id);
        picker.setLabel(label);
        List<String> names = refs.stream().map(SourceRef::name).toList();
        picker.setItems(
                names.contains(value)
                        ? names
                        : java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(value))
                                .toList());
        picker.setItemLabelGenerator(Breadcrumb::describe);
        picker.setValue(value);
        return picker;
    }
}
