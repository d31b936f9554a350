package com.readingroom.access;

import java.util.List;
import java.util.Optional;

/**
 * Everything a person may read at one instant, in the form an index needs to filter inside its own query: per
 * repository, the scopes in force that reach it. {@link #rule} turns them into the decision for one ref, with exactly
 * the rules of {@link AccessPolicy#decide} (a test holds the two together). Like every decision, it is made for one
 * request and never kept.
 *
 * @param agencyId the person's agency, or {@code null}
 * @param refusal why the person may read nothing at all, or {@code null}
 * @param repositories the repositories reached by some scope in force, in agreement order
 */
public record ReadingGrant(Long agencyId, String refusal, List<ReadableRepository> repositories) {

    public ReadingGrant {
        repositories = List.copyOf(repositories);
    }

    public static ReadingGrant refused(Long agencyId, String reason) {
        return new ReadingGrant(agencyId, reason, List.of());
    }

    public boolean readsNothing() {
        return repositories.isEmpty();
    }

    public Optional<ReadableRepository> repository(String name) {
        return repositories.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The rule for files of the repository at the ref; empty when no scope in force grants that ref. */
    public Optional<PathRule> rule(String repository, String ref) {
        return repository(repository).flatMap(r -> r.rule(ref));
    }

    /**
     * A repository and the scopes in force that reach it.
     *
     * @param scopes in agreement order, as the policy considers them
     */
    public record ReadableRepository(String name, String product, List<GrantingScope> scopes) {

        public ReadableRepository {
            scopes = List.copyOf(scopes);
        }

        public Optional<PathRule> rule(String ref) {
            try {
                RefName.check(ref);
            } catch (IllegalArgumentException invalid) {
                return Optional.empty();
            }
            List<GrantingScope> candidates = scopes.stream()
                    .filter(scope -> ScopeRules.grantsRef(scope.refPatterns(), ref))
                    .toList();
            return candidates.stream().noneMatch(GrantingScope::grants)
                    ? Optional.empty()
                    : Optional.of(new PathRule(name, candidates));
        }
    }

    /**
     * One scope of one agreement in force, as far as reading is concerned.
     *
     * @param grants whether its includes grant; {@code false} for a scope of another agreement than the one a
     *     machine-access token reads through, whose excludes still win
     */
    public record GrantingScope(
            long agreementId,
            String agreementReference,
            long scopeId,
            List<String> refPatterns,
            List<String> includePaths,
            List<String> excludePaths,
            boolean grants) {

        public GrantingScope {
            refPatterns = List.copyOf(refPatterns);
            includePaths = List.copyOf(includePaths);
            excludePaths = List.copyOf(excludePaths);
        }
    }

    /**
     * Which files of one repository at one ref may be read: excludes of any candidate win, then the first candidate
     * that includes the path grants it. A value: two rules with the same candidates decide the same, so an index may
     * cache what a rule admits per segment.
     */
    public record PathRule(String repository, List<GrantingScope> candidates) {

        public PathRule {
            candidates = List.copyOf(candidates);
        }

        /** Whether the file at the repository path may be read. */
        public boolean allows(String path) {
            return grantingScope(path).isPresent();
        }

        /** The scope that grants the file, as the policy would name it; empty when the file may not be read. */
        public Optional<GrantingScope> grantingScope(String rawPath) {
            String path;
            try {
                path = RepositoryPath.normalise(rawPath);
            } catch (IllegalArgumentException invalid) {
                return Optional.empty();
            }
            if (path.isEmpty()) {
                return Optional.empty();
            }
            String productPath = repository + "/" + path;
            for (GrantingScope scope : candidates) {
                if (ScopeRules.excludedBy(scope.excludePaths(), productPath).isPresent()) {
                    return Optional.empty();
                }
            }
            return candidates.stream()
                    .filter(scope -> scope.grants() && ScopeRules.includes(scope.includePaths(), productPath))
                    .findFirst();
        }
    }
}
