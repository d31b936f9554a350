package com.readingroom.demo;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.Catalog;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.access.Product;
import com.readingroom.identity.NewPerson;
import com.readingroom.identity.People;
import com.readingroom.identity.Role;
import com.readingroom.identity.SecondFactor;
import com.readingroom.shared.ClusterLocks;
import com.readingroom.shared.ReadingRoomProperties;
import com.readingroom.source.ImportedRepository;
import com.readingroom.source.SampleImportException;
import com.readingroom.source.SampleRepositories;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Loads the demo installation at start: the sample repositories, the products Windows and Office, three agencies,
 * the demo accounts (password {@value #DEMO_PASSWORD}) and their agreements. Each piece is created only when
 * missing, so restarts neither duplicate nor change anything.
 */
@Component
@ConditionalOnBooleanProperty("readingroom.demo.enabled")
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "readingroom";
    static final String DEMO_TOTP_PM = "RRDEMOPMTOTPSECRETKEY234";
    static final String DEMO_TOTP_AUDITOR = "RRDEMOAUDITORTOTPKEY2345";
    static final String NATO = "NATO NCI Agency";
    static final String CYBER = "Cyber Assurance Directorate";
    static final String NORDIC = "Nordic Software Assurance Board";

    private static final String SETUP_LOCK = "demo-installation";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final ReadingRoomProperties properties;
    private final SampleRepositories samples;
    private final SampleCatalog sampleCatalog;
    private final Catalog catalog;
    private final Agencies agencies;
    private final Agreements agreements;
    private final People people;
    private final Clock clock;
    private final ClusterLocks locks;
    private final SecondFactor secondFactor;

    DemoData(
            ReadingRoomProperties properties,
            SampleRepositories samples,
            SampleCatalog sampleCatalog,
            Catalog catalog,
            Agencies agencies,
            Agreements agreements,
            People people,
            Clock clock,
            ClusterLocks locks,
            SecondFactor secondFactor) {
        this.properties = properties;
        this.samples = samples;
        this.sampleCatalog = sampleCatalog;
        this.catalog = catalog;
        this.agencies = agencies;
        this.agreements = agreements;
        this.people = people;
        this.clock = clock;
        this.locks = locks;
        this.secondFactor = secondFactor;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContext previous = SecurityContextHolder.getContext();
        // The demo loader acts as the vendor's program office; services check roles even for it.
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "system:demo-data", null, AuthorityUtils.createAuthorityList(Role.PROGRAM_MANAGER.authority())));
        SecurityContextHolder.setContext(system);
        try {
            // Nodes starting together on a new database: one loads, the others wait and then find everything there.
            locks.whileHolding(SETUP_LOCK, Duration.ofMinutes(10), Duration.ofMinutes(10), () -> {
                load();
                return null;
            });
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void load() {
        Path samplesDir = properties.samplesDir();
        List<ImportedRepository> imported = samples.importAll(samplesDir, properties.repositoriesDir());
        Map<String, ImportedRepository> byName =
                imported.stream().collect(Collectors.toMap(ImportedRepository::name, Function.identity()));
        for (SampleCatalog.SampleProduct sample : sampleCatalog.read(samplesDir)) {
            Product product = catalog.findProduct(sample.name())
                    .orElseGet(() -> catalog.registerProduct(sample.name(), sample.description()));
            for (String repositoryName : sample.repositories()) {
                ImportedRepository repository = byName.get(repositoryName);
                if (repository == null) {
                    throw new SampleImportException("catalog.json names repository '" + repositoryName + "', but "
                            + samplesDir + " has no such sample.");
                }
                boolean registered = product.repositories().stream()
                        .anyMatch(existing -> existing.name().equals(repositoryName));
                if (!registered) {
                    catalog.registerRepository(
                            product.id(), repositoryName, repository.description(), repository.path());
                }
            }
        }
        loadAgenciesPeopleAndAgreements();
        log.info(
                "Demo data ready: {} products, {} repositories",
                catalog.products().size(),
                imported.size());
    }

    private void loadAgenciesPeopleAndAgreements() {
        Instant now = clock.instant();
        Agency nato = agency(NATO, "BE", "reading-room@ncia.example");
        Agency cyber = agency(CYBER, "FR", "source-review@cad.example");
        Agency nordic = agency(NORDIC, "SE", "granskning@nsab.example");

        // Known authenticator secrets, so that the demo's program manager and auditor can sign in (README).
        if (person("pm", "Paula Mendes", null, Role.PROGRAM_MANAGER)) {
            secondFactor.enroll("pm", DEMO_TOTP_PM);
        }
        if (person("auditor", "Arjun Rao", null, Role.AUDITOR)) {
            secondFactor.enroll("auditor", DEMO_TOTP_AUDITOR);
        }
        person("operator", "Olga Ortiz", null, Role.ADMIN);
        person("nato.reviewer", "Anna Verbeek", nato.id(), Role.REVIEWER);
        person("cyber.reviewer", "Jonas Keller", cyber.id(), Role.REVIEWER);
        person("expired.reviewer", "Sigrid Lund", nordic.id(), Role.REVIEWER);

        long windows = product("Windows");
        long office = product("Office");
        agreement(
                new NewAgreement(
                        "RR-2026-001",
                        nato.id(),
                        "Windows and Office Word source review",
                        "The agency may read the granted source for security assessment only. No copies.",
                        now.minus(Duration.ofDays(30)),
                        now.plus(Duration.ofDays(365))),
                List.of(
                        NewScope.wholeProduct(windows),
                        new NewScope(office, List.of("office-word/src/**"), List.of(), List.of(), null, null)),
                true);
        agreement(
                new NewAgreement(
                        "RR-2026-014",
                        cyber.id(),
                        "Office security assessment",
                        "Read access to the Office product for the 2026 assurance programme.",
                        now.minus(Duration.ofDays(10)),
                        now.plus(Duration.ofDays(180))),
                List.of(NewScope.wholeProduct(office)),
                false);
        agreement(
                new NewAgreement(
                        "RR-2025-007",
                        nordic.id(),
                        "Windows kernel evaluation (concluded)",
                        "Evaluation of the Windows kernel for the 2025 procurement.",
                        now.minus(Duration.ofDays(400)),
                        now.minus(Duration.ofDays(35))),
                List.of(NewScope.wholeProduct(windows)),
                false);
    }

    private Agency agency(String name, String country, String contact) {
        return agencies.findByName(name).orElseGet(() -> agencies.create(name, country, contact));
    }

    /** Creates the person unless they exist; whether they were created now. */
    private boolean person(String username, String displayName, Long agencyId, Role role) {
        if (people.exists(username)) {
            return false;
        }
        people.create(new NewPerson(
                username, displayName, username + "@readingroom.example", agencyId, Set.of(role), DEMO_PASSWORD));
        return true;
    }

    private long product(String name) {
        return catalog.findProduct(name)
                .orElseThrow(() -> new SampleImportException("catalog.json has no product named '" + name + "'."))
                .id();
    }

    private void agreement(NewAgreement draft, List<NewScope> scopes, boolean machineAccess) {
        if (agreements.findByReference(draft.reference()).isPresent()) {
            return;
        }
        Agreement agreement = agreements.createDraft(draft);
        for (NewScope scope : scopes) {
            agreements.addScope(agreement.id(), scope);
        }
        agreements.activate(agreement.id());
        if (machineAccess) {
            agreements.allowMachineAccess(agreement.id(), true);
        }
    }
}
