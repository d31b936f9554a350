package com.readingroom.source;

import com.readingroom.access.ReadableProduct;
import com.readingroom.identity.Person;
import java.util.List;

/**
 * The only way source content leaves the server: the choke point. Every method, in this order,
 *
 * <ol>
 *   <li>asks {@link com.readingroom.access.AccessPolicy} about the exact request at this instant (nothing is cached
 *       from one request to the next);
 *   <li>appends the audit event naming the agreement and scope that allowed it and what is disclosed (content hash,
 *       line count, the paths or commits listed), and waits until it is durable;
 *   <li>only then returns the content.
 * </ol>
 *
 * A refusal is audited too (ACCESS_DENIED, once) and thrown as {@link com.readingroom.access.AccessDeniedException}
 * whose message is fit to show; it says the same for a path that does not exist and for one that is not granted. If
 * the audit log cannot record, {@link com.readingroom.audit.AuditUnavailableException} is thrown and nothing is
 * shown. Listings (folders, histories, diffs, blame) hold only what the person may read.
 *
 * <p>The person must be the one signed in to the current request: the reader records its events as that person.
 */
public interface SourceReader {

    /**
     * The products and repositories the person may read now, each with the agreement that grants it: what an approved
     * tool lists first. Recorded (REPOSITORIES_VIEW); refused, and recorded, when the person may read nothing.
     */
    List<ReadableProduct> repositories(Person person);

    /** The branches and tags of a repository that the person may read, branches first. */
    List<SourceRef> refs(Person person, String repository);

    /** The readable entries of a folder, folders first. */
    TreeListing tree(Person person, RepoPath at);

    /** A file: text (decoded, the first part of a large one), or the kind and size of a binary one. */
    FileContent file(Person person, RepoPath at);

    /**
     * A file's whole bytes, for an approved tool: recorded as a file view with the hash of exactly those bytes.
     *
     * @throws FileTooLargeException when the file is larger than the configured maximum (nothing is recorded)
     */
    RawFile raw(Person person, RepoPath at);

    /** A page of the commits that touched the path (a file or a folder, the root for all) and something readable. */
    HistoryPage history(Person person, RepoPath at, int offset, int limit);

    /** A commit with its changes to readable files, against its first parent. */
    CommitDiff commit(Person person, String repository, String commitId);

    /** What changed between two revisions (e.g. release/1.0 and release/1.1) in readable files. */
    CommitDiff compare(Person person, String repository, String fromRevision, String toRevision);

    /** The file's lines with the commit that last changed each. */
    Blame blame(Person person, RepoPath at);
}
