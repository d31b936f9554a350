package com.readingroom.access.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessDecision.Outcome;
import com.readingroom.access.AccessPolicy;
import com.readingroom.access.AgencyStatus;
import com.readingroom.access.Agreement;
import com.readingroom.access.Explanation;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.PathGlob;
import com.readingroom.access.Product;
import com.readingroom.access.ReadableProduct;
import com.readingroom.access.ReadingGrant;
import com.readingroom.access.RefName;
import com.readingroom.access.RepositoryPath;
import com.readingroom.access.Scope;
import com.readingroom.access.ScopeRules;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides from the agreements of the person's agency, read afresh on every call (see {@link AccessPolicy} for the
 * rules). Every evaluation goes through {@link #evaluate}, which can also write down its steps for
 * {@link #explain}: the explanation is the decision, never a second implementation of it.
 */
@Service
@Transactional(readOnly = true)
class AgreementBasedAccessPolicy implements AccessPolicy {

    private enum Kind {
        FILE,
        TREE
    }

    private final GrantFacts facts;
    private final JpaCatalog catalog;

    AgreementBasedAccessPolicy(GrantFacts facts, JpaCatalog catalog) {
        this.facts = facts;
        this.catalog = catalog;
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public AccessDecision decide(Person person, String repository, String ref, String path, Instant instant) {
        return evaluate(facts(person, repository, instant), ref, path, Kind.FILE, null);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public AccessDecision decideTree(Person person, String repository, String ref, String directory, Instant instant) {
        return evaluate(facts(person, repository, instant), ref, directory, Kind.TREE, null);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public PathDecisions decisionsFor(Person person, String repository, String ref, Instant instant) {
        Facts facts = facts(person, repository, instant);
        return new PathDecisions() {
            @Override
            public AccessDecision file(String path) {
                return evaluate(facts, ref, path, Kind.FILE, null);
            }

            @Override
            public AccessDecision tree(String directory) {
                return evaluate(facts, ref, directory, Kind.TREE, null);
            }

            @Override
            public Optional<HostedRepository> repository() {
                return facts.repository();
            }
        };
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public Explanation explain(Person person, String repository, String ref, String path, Instant instant) {
        List<String> steps = new ArrayList<>();
        AccessDecision decision = evaluate(facts(person, repository, instant), ref, path, Kind.FILE, steps);
        return new Explanation(decision, steps);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<String> readableRefs(Person person, String repository, Collection<String> refs, Instant instant) {
        Facts facts = facts(person, repository, instant);
        return refs.stream()
                .filter(ref -> evaluate(facts, ref, "", Kind.TREE, null).allowed())
                .toList();
    }

    @Override
    public List<ReadableProduct> readableProducts(Person person, Instant instant) {
        GrantFacts.AgencyGrants grants = grantsOf(person);
        if (refusePerson(person, grants, new Trace(null)).isPresent()) {
            return List.of();
        }
        List<ReadableProduct> readable = new ArrayList<>();
        for (Agreement agreement : inForce(grants.agreements(), instant)) {
            if (!grantsThrough(person, agreement)) {
                continue;
            }
            for (Scope scope : agreement.scopes()) {
                if (!scope.isInForceAt(instant)) {
                    continue;
                }
                catalog.findProduct(scope.productId())
                        .map(product -> toReadable(product, agreement, scope))
                        .filter(product -> !product.repositories().isEmpty())
                        .ifPresent(readable::add);
            }
        }
        return List.copyOf(readable);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public ReadingGrant readingGrant(Person person, Instant instant) {
        GrantFacts.AgencyGrants grants = grantsOf(person);
        Optional<String> refused = refusePerson(person, grants, new Trace(null));
        if (refused.isPresent()) {
            return ReadingGrant.refused(person.agencyId(), refused.get());
        }
        Map<String, ReadingGrant.ReadableRepository> byName = new LinkedHashMap<>();
        for (Agreement agreement : inForce(grants.agreements(), instant)) {
            for (Scope scope : agreement.scopes()) {
                if (!scope.isInForceAt(instant)) {
                    continue;
                }
                ReadingGrant.GrantingScope granting = new ReadingGrant.GrantingScope(
                        agreement.id(),
                        agreement.reference(),
                        scope.id(),
                        scope.refPatterns(),
                        scope.includePaths(),
                        scope.excludePaths(),
                        grantsThrough(person, agreement));
                for (HostedRepository repository : facts.repositoriesOf(scope.productId())) {
                    if (!scope.coversRepository(repository.name())) {
                        continue;
                    }
                    byName.compute(repository.name(), (name, known) -> {
                        List<ReadingGrant.GrantingScope> scopes =
                                new ArrayList<>(known == null ? List.of() : known.scopes());
                        scopes.add(granting);
                        return new ReadingGrant.ReadableRepository(name, repository.productName(), scopes);
                    });
                }
            }
        }
        // Repositories reached only by the excludes of agreements a token does not read through are not readable.
        List<ReadingGrant.ReadableRepository> readable = byName.values().stream()
                .filter(repository -> repository.scopes().stream().anyMatch(ReadingGrant.GrantingScope::grants))
                .toList();
        if (readable.isEmpty()) {
            return ReadingGrant.refused(person.agencyId(), "No agreement of your agency grants reading source now.");
        }
        return new ReadingGrant(person.agencyId(), null, readable);
    }

    /** What a decision reads from the database, read once per call (or once per {@link PathDecisions}). */
    private Facts facts(Person person, String repositoryName, Instant instant) {
        GrantFacts.AgencyGrants grants = grantsOf(person);
        Optional<String> personRefused = refusePerson(person, grants, new Trace(null));
        if (personRefused.isPresent()) {
            return new Facts(person, repositoryName, instant, personRefused, Optional.empty(), List.of());
        }
        return new Facts(
                person,
                repositoryName,
                instant,
                personRefused,
                facts.repository(repositoryName),
                sorted(grants.agreements()));
    }

    /** The person's agency and its agreements, read once for the request; none for vendor staff. */
    private GrantFacts.AgencyGrants grantsOf(Person person) {
        return person.agencyId() == null
                ? new GrantFacts.AgencyGrants(Optional.empty(), List.of())
                : facts.agency(person.agencyId());
    }

    private AccessDecision evaluate(Facts facts, String ref, String rawPath, Kind kind, List<String> steps) {
        Trace trace = new Trace(steps);
        Person person = facts.person();
        String repositoryName = facts.repositoryName();
        Instant instant = facts.instant();
        Request request = new Request(person, repositoryName, ref, rawPath, instant);
        if (facts.personRefused().isPresent()) {
            trace.add(facts.personRefused().get());
            return request.deny(facts.personRefused().get(), rawPath);
        }
        String path;
        try {
            path = RepositoryPath.normalise(rawPath);
            RefName.check(ref);
        } catch (IllegalArgumentException invalid) {
            trace.add(invalid.getMessage());
            return request.deny(invalid.getMessage(), rawPath);
        }
        String notGranted = "No agreement of your agency grants access to repository '" + repositoryName + "'.";
        Optional<HostedRepository> repository = facts.repository();
        if (repository.isEmpty()) {
            trace.add("There is no repository named '" + repositoryName + "'.");
            return request.deny(notGranted, path);
        }
        long productId = repository.get().productId();
        String productPath = path.isEmpty() ? repositoryName : repositoryName + "/" + path;
        trace.add("Product path: '" + productPath + "' in product "
                + repository.get().productName() + ", ref " + ref + ".");

        List<Candidate> candidates = new ArrayList<>();
        Reason strongest = null;
        for (Agreement agreement : facts.agreements()) {
            List<Scope> reaching = agreement.scopes().stream()
                    .filter(scope -> scope.productId() == productId && scope.coversRepository(repositoryName))
                    .toList();
            if (reaching.isEmpty()) {
                trace.add("Agreement " + agreement.reference() + " has no scope reaching this repository.");
                continue;
            }
            String notInForce = agreement.whyNotInForceAt(instant);
            if (notInForce != null) {
                trace.add(notInForce);
                strongest = Reason.stronger(strongest, new Reason(rank(agreement, instant), notInForce));
                continue;
            }
            for (Scope scope : reaching) {
                String label = "Agreement " + agreement.reference() + ", scope " + scope.id();
                if (!scope.isInForceAt(instant)) {
                    String why = label + " is only in force from " + orStart(scope.validFrom()) + " until "
                            + orEnd(scope.validUntil()) + ".";
                    trace.add(why);
                    strongest = Reason.stronger(strongest, new Reason(1, why));
                    continue;
                }
                if (!scope.refPatterns().isEmpty()
                        && scope.refPatterns().stream()
                                .noneMatch(pattern -> PathGlob.compile(pattern).matches(ref))) {
                    String why = "Ref " + ref + " is not granted: agreement " + agreement.reference() + " grants only "
                            + String.join(", ", scope.refPatterns()) + ".";
                    trace.add(label + ": " + why);
                    strongest = Reason.stronger(strongest, new Reason(0, why));
                    continue;
                }
                trace.add(label + " is in force for ref " + ref + ".");
                candidates.add(new Candidate(agreement, scope, grantsThrough(person, agreement)));
            }
        }
        if (candidates.stream().noneMatch(Candidate::grants)) {
            if (strongest == null && !candidates.isEmpty()) {
                strongest = new Reason(
                        0,
                        "Your access token reads only through agreement " + boundReference(person, facts.agreements())
                                + ", which does not grant this.");
            }
            return request.deny(strongest == null ? notGranted : strongest.text(), path);
        }
        for (Candidate candidate : candidates) {
            Optional<String> exclude = ScopeRules.excludedBy(candidate.scope().excludePaths(), productPath);
            if (exclude.isEmpty() && kind == Kind.TREE) {
                exclude = candidate.scope().excludePaths().stream()
                        .filter(pattern -> PathGlob.compile(pattern).coversEverythingUnder(productPath))
                        .findFirst();
            }
            if (exclude.isPresent()) {
                String why = "The path '" + path + "' is excluded by pattern '" + exclude.get() + "' of agreement "
                        + candidate.agreement().reference() + ".";
                trace.add(why + " Excludes win over includes.");
                return request.deny(why, path);
            }
        }
        for (Candidate candidate : candidates) {
            if (!candidate.grants()) {
                continue;
            }
            if (includes(candidate.scope(), productPath, kind)) {
                trace.add("Allowed by agreement " + candidate.agreement().reference() + ", scope "
                        + candidate.scope().id() + ".");
                return request.allow(candidate, path);
            }
            trace.add("Agreement " + candidate.agreement().reference() + ", scope "
                    + candidate.scope().id() + " includes only "
                    + String.join(", ", candidate.scope().includePaths()) + ".");
        }
        return request.deny(
                "The path '" + path + "' is outside what your agreements grant in repository '" + repositoryName + "'.",
                path);
    }

    private static boolean includes(Scope scope, String productPath, Kind kind) {
        if (scope.includePaths().isEmpty()) {
            return true;
        }
        return scope.includePaths().stream()
                .map(PathGlob::compile)
                .anyMatch(include -> kind == Kind.FILE
                        ? include.matches(productPath)
                        : include.matches(productPath) || include.mayMatchUnder(productPath));
    }

    private Optional<String> refusePerson(Person person, GrantFacts.AgencyGrants grants, Trace trace) {
        String refusal = null;
        if (!person.enabled()) {
            refusal = "Your account is disabled.";
        } else if (!person.hasRole(Role.REVIEWER)) {
            refusal = "Only reviewers read source; this account has the roles " + person.roles() + ".";
        } else if (person.agencyId() == null) {
            refusal = "Your account belongs to no agency, and only agencies hold agreements.";
        } else if (grants.status().isEmpty() || grants.status().get() != AgencyStatus.ACTIVE) {
            refusal = "Your agency is not active in Reading Room.";
        } else if (person.throughAgreementId() != null) {
            refusal = refuseMachineAccess(person.throughAgreementId(), grants.agreements());
        }
        if (refusal != null) {
            trace.add(refusal);
        }
        return Optional.ofNullable(refusal);
    }

    /** An approved tool reads only through an agreement of the person's agency that allows machine access. */
    private static String refuseMachineAccess(long agreementId, List<Agreement> agreements) {
        Optional<Agreement> bound = bound(agreementId, agreements);
        if (bound.isEmpty()) {
            return "Your access token's agreement is not one of your agency's.";
        }
        if (!bound.get().machineAccess()) {
            return "Agreement " + bound.get().reference() + " does not allow machine access (approved tools).";
        }
        return null;
    }

    private static List<Agreement> inForce(List<Agreement> agreements, Instant instant) {
        return sorted(agreements).stream()
                .filter(agreement -> agreement.isInForceAt(instant))
                .toList();
    }

    private static List<Agreement> sorted(List<Agreement> agreements) {
        return agreements.stream()
                .sorted(Comparator.comparing(Agreement::reference))
                .toList();
    }

    private static String orStart(Instant instant) {
        return instant == null ? "the agreement's start" : instant.toString();
    }

    private static String orEnd(Instant instant) {
        return instant == null ? "the agreement's end" : instant.toString();
    }

    private static ReadableProduct toReadable(Product product, Agreement agreement, Scope scope) {
        List<HostedRepository> reached = product.repositories().stream()
                .filter(repository -> scope.coversRepository(repository.name()))
                .toList();
        Instant until = scope.validUntil() != null && scope.validUntil().isBefore(agreement.validUntil())
                ? scope.validUntil()
                : agreement.validUntil();
        return new ReadableProduct(
                product,
                reached,
                agreement.reference(),
                agreement.title(),
                until,
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns());
    }

    /**
     * When nothing grants, the reason shown is the one closest to granting: a ref not granted by a scope in force,
     * then a scope's own window, then a suspended, expired, terminated, not yet started, and last a draft agreement.
     */
    private static int rank(Agreement agreement, Instant instant) {
        return switch (agreement.statusAt(instant)) {
            case SUSPENDED -> 2;
            case EXPIRED -> 3;
            case TERMINATED -> 4;
            case ACTIVE -> 5;
            case DRAFT -> 6;
        };
    }

    private record Reason(int rank, String text) {

        static Reason stronger(Reason current, Reason candidate) {
            return current == null || candidate.rank() < current.rank() ? candidate : current;
        }
    }

    /** @param grants whether its includes grant (see {@link #grantsThrough}); its excludes always count */
    private record Candidate(Agreement agreement, Scope scope, boolean grants) {}

    /**
     * Whether the agreement's includes grant the person: every agreement of the agency for a person in a browser,
     * only the token's own for an approved tool's call.
     */
    private static boolean grantsThrough(Person person, Agreement agreement) {
        return person.throughAgreementId() == null || person.throughAgreementId() == agreement.id();
    }

    private static String boundReference(Person person, List<Agreement> agreements) {
        return bound(person.throughAgreementId(), agreements)
                .map(Agreement::reference)
                .orElse("?");
    }

    /** The agreement a token's call reads through, among the agency's. */
    private static Optional<Agreement> bound(long agreementId, List<Agreement> agreements) {
        return agreements.stream()
                .filter(agreement -> agreement.id() == agreementId)
                .findFirst();
    }

    private record Facts(
            Person person,
            String repositoryName,
            Instant instant,
            Optional<String> personRefused,
            Optional<HostedRepository> repository,
            List<Agreement> agreements) {}

    /** Collects the steps of an evaluation when an explanation was asked for; otherwise does nothing. */
    private record Trace(List<String> steps) {

        void add(String step) {
            if (steps != null) {
                steps.add(step);
            }
        }
    }

    private record Request(Person person, String repository, String ref, String rawPath, Instant instant) {

        AccessDecision deny(String reason, String path) {
            return new AccessDecision(
                    Outcome.DENY, reason, null, null, null, person.agencyId(), repository, ref, path, instant);
        }

        AccessDecision allow(Candidate candidate, String path) {
            return new AccessDecision(
                    Outcome.ALLOW,
                    "Allowed by agreement " + candidate.agreement().reference() + ".",
                    candidate.agreement().id(),
                    candidate.agreement().reference(),
                    candidate.scope().id(),
                    person.agencyId(),
                    repository,
                    ref,
                    path,
                    instant);
        }
    }
}
