package com.readingroom.access;

import com.readingroom.identity.Person;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides who may read what. Every answer is computed from the agreements as they stand at the
 * given instant: nothing is cached across requests, so a suspension takes effect on the very next request.
 *
 * <h2>The rules</h2>
 *
 * <ol>
 *   <li>Only an enabled reviewer of an active agency reads source, and only through agreements of that agency.
 *   <li>An agreement grants at an instant when it is ACTIVE, has started and has not ended; a scope additionally only
 *       within its own window, if it has one.
 *   <li>Paths and refs are normalised and checked first ({@link RepositoryPath}, {@link RefName}); what cannot be
 *       normalised is denied, never matched raw.
 *   <li>Of the scopes in force for the repository's product, those whose ref patterns match the ref (no patterns: all
 *       refs) are the candidates.
 *   <li><b>Excludes win.</b> If any candidate excludes the path, it is denied, whatever any include says, in the same
 *       or another scope or agreement. Excludes match case-insensitively, so a case variant cannot slip past one.
 *   <li>Otherwise the path is allowed by the first candidate (by agreement reference, then scope) that includes it (no
 *       includes: the whole product). Includes match case-sensitively, as git paths are.
 *   <li>A person never learns of a repository outside their grants: an unknown repository and one of a product they
 *       are not granted get the same reason.
 * </ol>
 *
 * Paths in scopes are relative to the product: {@code <repository>/<path in the repository>}.
 */
public interface AccessPolicy {

    /** The decision for reading a file (blob) at a path. */
    AccessDecision decide(Person person, String repository, String ref, String path, Instant instant);

    /** The decision for listing a folder: allowed when the folder can hold something the person may read. */
    AccessDecision decideTree(Person person, String repository, String ref, String directory, Instant instant);

    /**
     * Decisions for many paths of one repository at one ref, all at one instant, with the agreements read once: for
     * filtering a single listing (a folder, a diff, a history) inside one request. Each answer is exactly what
     * {@link #decide} or {@link #decideTree} would give at that instant. Never keep it beyond the request.
     */
    PathDecisions decisionsFor(Person person, String repository, String ref, Instant instant);

    /** See {@link #decisionsFor}. */
    interface PathDecisions {

        AccessDecision file(String path);

        AccessDecision tree(String directory);

        /**
         * The repository decided about, as read for these decisions; empty when it does not exist. For a caller that
         * has an ALLOW in hand and must not read the catalogue a second time; never to tell a person what exists.
         */
        Optional<HostedRepository> repository();
    }

    /**
     * The products, and the repositories within them, that the person may read at the instant, each with the
     * agreement that grants it. Empty for anyone who is not a reviewer of an agency with an agreement in force.
     */
    List<ReadableProduct> readableProducts(Person person, Instant instant);

    /** Of the given full ref names of a repository, those the person may read at the instant, in the given order. */
    List<String> readableRefs(Person person, String repository, Collection<String> refs, Instant instant);

    /**
     * Everything the person may read at the instant, structured for filtering an index inside its query. Each
     * {@link ReadingGrant.PathRule} it yields allows exactly the files {@link #decide} would allow at that instant.
     */
    ReadingGrant readingGrant(Person person, Instant instant);

    /** Why the person can or cannot read the path: for program managers and auditors. */
    Explanation explain(Person person, String repository, String ref, String path, Instant instant);
}
