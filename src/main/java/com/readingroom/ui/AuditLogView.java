package com.readingroom.ui;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditEntry;
import com.readingroom.audit.AuditFilter;
import com.readingroom.audit.AuditTrail;
import com.readingroom.identity.Role;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The audit log for auditors: filter it, read any event with its inclusion proof and checkpoint, export the filtered
 * events as CSV or as a verifiable bundle, and verify the whole log.
 */
@Route("audit")
@PageTitle("Audit log · Reading Room")
@Menu(order = 20, title = "Audit log", icon = "vaadin:list-select")
@RolesAllowed(Role.AUDITOR_NAME)
public class AuditLogView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(AuditLogView.class);

    private final AuditTrail trail;
    private final Clock clock;
    private final SecurityContextHolderStrategy securityContexts;
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final ComboBox<Agency> agency = new ComboBox<>("Agency");
    private final TextField agreement = new TextField("Agreement");
    private final TextField person = new TextField("Person");
    private final Select<AuditAction> action = new Select<>();
    private final Select<Product> product = new Select<>();
    private final TextField repository = new TextField("Repository");
    private final TextField pathPrefix = new TextField("Path starts with");
    private final Select<AuditFilter.Outcome> outcome = new Select<>();
    private final DatePicker since = Formats.datePicker("From (UTC)", null);
    private final DatePicker until = Formats.datePicker("Before (UTC)", null);
    private final VerticalLayout detail = new VerticalLayout();
    private final ProgressBar progress = new ProgressBar();
    private final Span verification = new Span();

    public AuditLogView(
            AuditTrail trail,
            Agencies agencies,
            Catalog catalog,
            Clock clock,
            SecurityContextHolderStrategy securityContexts) {
        this.trail = trail;
        this.clock = clock;
        this.securityContexts = securityContexts;
        product.setLabel("Product");
        product.setItems(catalog.products());
        product.setItemLabelGenerator(item -> item == null ? "" : item.name());
        product.setEmptySelectionAllowed(true);
        product.setId("filter-product");
        setSizeFull();
        Map<Long, String> agencyNames =
                agencies.list(0, 500).stream().collect(Collectors.toMap(Agency::id, Agency::name));
        agency.setItems(agencies.list(0, 500));
        agency.setItemLabelGenerator(Agency::name);
        agency.setClearButtonVisible(true);
        action.setLabel("Action");
        action.setItems(AuditAction.values());
        action.setEmptySelectionAllowed(true);
        action.setId("filter-action");
        outcome.setLabel("Outcome");
        outcome.setItems(AuditFilter.Outcome.values());
        outcome.setEmptySelectionAllowed(true);
        outcome.setId("filter-outcome");
        repository.setClearButtonVisible(true);
        pathPrefix.setClearButtonVisible(true);
        agreement.setClearButtonVisible(true);
        person.setClearButtonVisible(true);
        for (var field :
                new HasValue<?, ?>[] {agency, agreement, person, action, repository, pathPrefix, outcome, since, until
                }) {
            field.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        }

        grid.setId("audit-events");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> Formats.dateTime(entry.at()))
                .setHeader("Time (UTC)")
                .setAutoWidth(true)
                .setSortable(true)
                .setSortProperty("seq")
                .setKey("time");
        grid.addColumn(AuditEntry::actor).setHeader("Person").setAutoWidth(true);
        grid.addColumn(entry -> entry.agencyId() == null ? "" : agencyNames.getOrDefault(entry.agencyId(), "?"))
                .setHeader("Agency")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::agreement).setHeader("Agreement").setAutoWidth(true);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEntry::target).setHeader("Target");
        grid.setItems(
                query ->
                        trail
                                .find(filter(), newestFirst(query.getSortOrders()), query.getOffset(), query.getLimit())
                                .stream(),
                query -> trail.count(filter()));
        grid.asSingleSelect().addValueChangeListener(event -> showDetail(event.getValue()));

        Anchor csv = download("Export CSV", "audit-log.csv", "text/csv", trail::exportCsv);
        csv.setId("export-csv");
        Anchor bundle =
                download("Export verifiable bundle", "audit-bundle.zip", "application/zip", trail::exportBundle);
        bundle.setId("export-bundle");
        Button verify = new Button("Verify the whole log", event -> verifyInBackground());
        verify.setId("verify-log");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        progress.setVisible(false);
        progress.setWidth("12em");
        verification.setId("verification-result");

        HorizontalLayout filters = new HorizontalLayout(
                agency, agreement, person, action, outcome, product, repository, pathPrefix, since, until);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout(csv, bundle, verify, progress, verification);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph key = new Paragraph("Log verifier key: " + trail.verifierKey());
        key.setId("verifier-key");
        key.addClassName("rr-muted");

        detail.setPadding(false);
        detail.add(new Paragraph("Select an event to see its exact record and its proof."));
        SplitLayout split = new SplitLayout(grid, detail);
        split.setSplitterPosition(65);
        split.setSizeFull();
        Paragraph health = health(trail);
        add(new H2("Audit log"), health, key, charts(trail, agencyNames), filters, actions, split);
    }

    /** Events per day per agency, refusals per day and the most read files, over the last two weeks. */
    private Details charts(AuditTrail trail, Map<Long, String> agencyNames) {
        AuditTrail.Summary summary = trail.summarize(clock.instant().minus(Duration.ofDays(14)));
        SortedMap<String, Map<String, Long>> perDay = new TreeMap<>();
        summary.eventsPerDayAndAgency()
                .forEach((day, counts) ->
                        counts.forEach((agencyId, count) -> perDay.computeIfAbsent(day, key -> new HashMap<>())
                                .merge(
                                        agencyId == null ? "Vendor staff" : agencyNames.getOrDefault(agencyId, "?"),
                                        count,
                                        Long::sum)));
        SortedMap<String, Map<String, Long>> denied = new TreeMap<>();
        summary.deniedPerDay().forEach((day, count) -> denied.put(day, Map.of("Refusals", count)));
        Div charts = new Div();
        charts.setId("audit-charts");
        charts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)");
        charts.add(
                new Svg(SvgCharts.stackedBars("Events per day, by agency", perDay)),
                new Svg(SvgCharts.stackedBars("Refusals per day", denied)),
                new Svg(SvgCharts.horizontalBars("Most viewed files", summary.topFiles())));
        Details details = new Details("Charts of the last 14 days", charts);
        return details;
    }

    /** The last whole-log verification: an alert when it failed, which stays until the log verifies again. */
    private static Paragraph health(AuditTrail trail) {
        Paragraph health = new Paragraph();
        health.setId("ledger-health");
        trail.lastVerification()
                .ifPresentOrElse(
                        last -> {
                            if (last.intact()) {
                                health.setText("Last verification " + Formats.dateTime(last.at()) + ": intact ("
                                        + last.events() + " events, " + last.checkpoints() + " checkpoints).");
                                health.addClassName("rr-muted");
                            } else {
                                health.setText("ALERT — the audit log failed verification on "
                                        + Formats.dateTime(last.at()) + " at event " + last.firstBadIndex() + ": "
                                        + last.problem());
                                health.getStyle()
                                        .set("color", "var(--lumo-error-text-color)")
                                        .set("font-weight", "600");
                            }
                        },
                        () -> {
                            health.setText("The log has not been verified yet; it is verified every 15 minutes.");
                            health.addClassName("rr-muted");
                        });
        return health;
    }

    private AuditFilter filter() {
        return new AuditFilter(
                agency.getValue() == null ? null : agency.getValue().id(),
                blankToNull(agreement.getValue()),
                blankToNull(person.getValue()),
                action.getValue(),
                repositories(),
                blankToNull(pathPrefix.getValue()),
                outcome.getValue(),
                Formats.startOf(since.getValue()),
                Formats.startOf(until.getValue()));
    }

    private void showDetail(AuditEntry entry) {
        detail.removeAll();
        if (entry == null) {
            return;
        }
        Pre leaf = new Pre(entry.leaf());
        leaf.setId("event-leaf");
        leaf.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all");
        detail.add(new Span("Event " + entry.seq() + " — its leaf bytes in the Merkle tree:"), leaf);
        trail.prove(entry.seq())
                .ifPresentOrElse(
                        proven -> {
                            Pre proof = new Pre(String.join("\n", proven.proof()));
                            Pre checkpoint = new Pre(proven.checkpoint());
                            checkpoint.setId("event-checkpoint");
                            detail.add(new Details("Inclusion proof", proof), new Details("Checkpoint", checkpoint));
                        },
                        () -> detail.add(new Paragraph(
                                "No checkpoint covers this event yet; one is issued within " + "a minute.")));
    }

    private void verifyInBackground() {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        progress.setIndeterminate(true);
        verification.setText("Verifying…");
        ui.setPollInterval(500);
        // The auditor's security context goes with the work, through the application's own strategy (Vaadin's).
        DelegatingSecurityContextRunnable work = new DelegatingSecurityContextRunnable(
                () -> {
                    try {
                        showVerification(
                                ui,
                                trail.verify(checked -> ui.access(
                                        () -> verification.setText("Verifying… " + checked + " events checked"))));
                    } catch (RuntimeException failed) {
                        log.error("The audit log verification could not run", failed);
                        ui.access(() -> {
                            progress.setVisible(false);
                            ui.setPollInterval(-1);
                            verification.setText("The verification could not run: " + failed.getMessage());
                        });
                    }
                },
                securityContexts.getContext());
        work.setSecurityContextHolderStrategy(securityContexts);
        Thread.ofVirtual().name("audit-verification").start(work);
    }

    private void showVerification(UI ui, AuditTrail.Verification result) {
        ui.access(() -> {
            progress.setVisible(false);
            ui.setPollInterval(-1);
            verification.setText(
                    result.intact()
                            ? "Intact: " + result.events() + " events, " + result.checkpoints()
                                    + " checkpoints verified."
                            : "NOT INTACT at event " + result.firstBadIndex() + ": " + result.problem());
            verification
                    .getStyle()
                    .set("color", result.intact() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        });
    }

    private Anchor download(String text, String fileName, String type, BiConsumer<AuditFilter, OutputStream> export) {
        DownloadHandler handler = event -> {
            event.setFileName(fileName);
            event.setContentType(type);
            try (OutputStream out = event.getOutputStream()) {
                export.accept(filter(), out);
            }
        };
        Anchor anchor = new Anchor(handler, text);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }

    /** Newest first unless the person sorted the time column ascending. */
    private static boolean newestFirst(List<QuerySortOrder> orders) {
        return orders.isEmpty() || orders.getFirst().getDirection() != SortDirection.ASCENDING;
    }

    /** A repository typed in narrows the product chosen; a product alone means all of its repositories. */
    private List<String> repositories() {
        String typed = blankToNull(repository.getValue());
        if (typed != null) {
            return List.of(typed);
        }
        return product.getValue() == null
                ? List.of()
                : product.getValue().repositories().stream()
                        .map(HostedRepository::name)
                        .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
