package com.readingroom.source.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessPolicy;
import com.readingroom.access.Catalog;
import com.readingroom.access.ReadableProduct;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.Disclosure;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.identity.Person;
import com.readingroom.source.Blame;
import com.readingroom.source.BlameLine;
import com.readingroom.source.CommitDiff;
import com.readingroom.source.CommitSummary;
import com.readingroom.source.FileContent;
import com.readingroom.source.FileDiff;
import com.readingroom.source.FileTooLargeException;
import com.readingroom.source.HistoryPage;
import com.readingroom.source.RawFile;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceNotFoundException;
import com.readingroom.source.SourceReader;
import com.readingroom.source.SourceRef;
import com.readingroom.source.TreeEntry;
import com.readingroom.source.TreeListing;
import com.readingroom.source.internal.Revisions.Resolution;
import com.readingroom.source.internal.Revisions.Target;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The choke point ({@link SourceReader}): decide, record, then return. Not transactional on purpose: the audit
 * record of a view goes through the ledger's writer, which answers only once the record is durable.
 */
@Service
@EnableConfigurationProperties(SourceProperties.class)
class GitSourceReader implements SourceReader {

    private static final int MAX_HISTORY_PAGE = 200;
    private static final int MAX_NAMED_FILES = 40;

    private final AccessPolicy policy;
    private final Catalog catalog;
    private final GitRepositories repositories;
    private final Revisions revisions;
    private final AuditLog auditLog;
    private final Refusals refusals;
    private final ReadingGuard guard;
    private final SourceProperties properties;
    private final Clock clock;

    GitSourceReader(
            AccessPolicy policy,
            Catalog catalog,
            GitRepositories repositories,
            Revisions revisions,
            AuditLog auditLog,
            Refusals refusals,
            ReadingGuard guard,
            SourceProperties properties,
            Clock clock) {
        this.policy = policy;
        this.catalog = catalog;
        this.repositories = repositories;
        this.revisions = revisions;
        this.auditLog = auditLog;
        this.refusals = refusals;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<ReadableProduct> repositories(Person person) {
        CurrentPerson.requireActingAs(person);
        Instant now = clock.instant();
        List<ReadableProduct> products = policy.readableProducts(person, now);
        RepoPath at = RepoPath.root("*", null);
        if (products.isEmpty()) {
            String refusal = policy.readingGrant(person, now).refusal();
            throw refusals.deny(
                    new AccessDecision(
                            AccessDecision.Outcome.DENY,
                            refusal == null ? "No agreement of your agency grants reading source now." : refusal,
                            null,
                            null,
                            null,
                            person.agencyId(),
                            null,
                            null,
                            "",
                            now),
                    AuditAction.REPOSITORIES_VIEW,
                    at);
        }
        List<String> listed = products.stream()
                .flatMap(product -> product.repositories().stream()
                        .map(repository -> product.product().name() + "/" + repository.name() + " "
                                + product.agreementReference()))
                .toList();
        List<String> agreements = products.stream()
                .map(ReadableProduct::agreementReference)
                .distinct()
                .toList();
        auditLog.append(new AuditRecord(
                AuditAction.REPOSITORIES_VIEW,
                person.agencyId(),
                agreements.size() == 1 ? agreements.getFirst() : null,
                null,
                "readable repositories",
                listed.size() + " repositories listed, granted by " + String.join(", ", agreements),
                new Disclosure(
                        null,
                        null,
                        null,
                        null,
                        null,
                        GitReads.sha256(String.join("\n", listed)),
                        listed.size(),
                        List.of())));
        return products;
    }

    @Override
    public List<SourceRef> refs(Person person, String repository) {
        CurrentPerson.requireActingAs(person);
        Instant now = clock.instant();
        RepoPath at = RepoPath.root(repository, null);
        List<SourceRef> readable = new ArrayList<>();
        AccessDecision allowedBy = null;
        var hosted = catalog.findRepository(repository);
        if (hosted.isPresent()) {
            Repository git = repositories.open(hosted.get());
            try (RevWalk walk = new RevWalk(git)) {
                List<Ref> refs = Revisions.refsOf(git);
                java.util.Set<String> names = java.util.Set.copyOf(policy.readableRefs(
                        person, repository, refs.stream().map(Ref::getName).toList(), now));
                for (Ref ref : refs) {
                    if (names.contains(ref.getName())) {
                        RevCommit commit = walk.parseCommit(ref.getObjectId());
                        readable.add(new SourceRef(
                                ref.getName(),
                                commit.name(),
                                commit.getCommitterIdent().getWhenAsInstant()));
                    }
                }
                if (!readable.isEmpty()) {
                    allowedBy = policy.decideTree(
                            person, repository, readable.getFirst().name(), "", now);
                }
            } catch (IOException e) {
                throw Revisions.unreadable(hosted.get(), e);
            }
        }
        if (allowedBy == null || !allowedBy.allowed()) {
            AccessDecision denial = allowedBy != null
                    ? allowedBy
                    : policy.decideTree(person, repository, Constants.R_HEADS + "main", "", now);
            throw refusals.deny(denial, AuditAction.REFS_VIEW, at);
        }
        List<String> listed =
                readable.stream().map(ref -> ref.name() + " " + ref.commitId()).toList();
        record(
                allowedBy,
                AuditAction.REFS_VIEW,
                "refs of " + repository,
                listed.size() + " branches and tags listed",
                new Disclosure(
                        repository,
                        null,
                        null,
                        null,
                        null,
                        GitReads.sha256(String.join("\n", listed)),
                        listed.size(),
                        List.of()));
        return readable;
    }

    @Override
    public TreeListing tree(Person person, RepoPath at) {
        Resolved resolved = resolve(person, at, Target.TREE, AuditAction.TREE_VIEW);
        try {
            String path = resolved.decision().path();
            GitReads.Found found = requireFolder(resolved, path);
            List<TreeEntry> entries = GitReads.tree(resolved.git(), found.id(), path, resolved.decisions());
            if (entries.isEmpty() && !path.isEmpty()) {
                // Everything in it is excluded: answer as for a folder that is not there, so nothing is learnt.
                throw new SourceNotFoundException(
                        "There is no folder '" + path + "' at " + Revisions.shortName(resolved.ref()) + ".");
            }
            entries = GitReads.withLastCommits(resolved.git(), resolved.commit(), path, entries, resolved.decisions());
            List<String> listed = entries.stream()
                    .map(entry -> entry.path()
                            + (entry.lastCommit() == null
                                    ? ""
                                    : " " + entry.lastCommit().id()))
                    .toList();
            record(
                    resolved,
                    AuditAction.TREE_VIEW,
                    "folder",
                    entries.size() + " entries listed",
                    disclosure(resolved, path, found.id().name(), String.join("\n", listed), entries.size()));
            return new TreeListing(
                    at.withPath(path), resolved.ref(), resolved.commit().name(), entries);
        } catch (IOException e) {
            throw Revisions.unreadable(resolved.hosted(), e);
        }
    }

    @Override
    public FileContent file(Person person, RepoPath at) {
        guard.beforeFileView(person);
        Resolved resolved = resolve(person, at, Target.FILE, AuditAction.FILE_VIEW);
        try {
            String path = resolved.decision().path();
            GitReads.Found found = requireFile(resolved, path);
            FileContent content = GitReads.file(
                    resolved.git(),
                    at.withPath(path),
                    resolved.ref(),
                    resolved.commit(),
                    found,
                    properties.maxFileSize().toBytes());
            String detail = switch (content.kind()) {
                case TEXT -> content.lines() + " lines shown" + (content.truncated() ? " (first part only)" : "");
                case BINARY -> "binary file: size and type only";
                case SYMLINK -> "symbolic link: its target only";
                case SUBMODULE -> "submodule: the pinned commit only";
            };
            recordFileView(resolved, path, found, detail, content.sha256(), content.lines());
            guard.afterFileView(person);
            return content;
        } catch (IOException e) {
            throw Revisions.unreadable(resolved.hosted(), e);
        }
    }

    @Override
    public RawFile raw(Person person, RepoPath at) {
        guard.beforeFileView(person);
        Resolved resolved = resolve(person, at, Target.FILE, AuditAction.FILE_VIEW);
        try {
            String path = resolved.decision().path();
            GitReads.Found found = requireFile(resolved, path);
            if (found.mode() == FileMode.GITLINK) {
                throw new SourceNotFoundException("'" + path + "' is a submodule: it has no bytes of its own.");
            }
            GitReads.Bytes bytes = GitReads.readWhole(
                    resolved.git(), found.id(), properties.maxRawFileSize().toBytes());
            if (!bytes.complete()) {
                throw new FileTooLargeException("'" + path + "' has " + bytes.size() + " bytes; files are handed out"
                        + " whole up to " + properties.maxRawFileSize().toMegabytes() + " MB.");
            }
            byte[] data = bytes.data(); // complete: exactly the file
            String sha256 = GitReads.sha256(data, data.length);
            recordFileView(resolved, path, found, "raw bytes: " + data.length + " bytes", sha256, null);
            guard.afterFileView(person);
            return new RawFile(
                    at.withPath(path),
                    resolved.ref(),
                    resolved.commit().name(),
                    found.id().name(),
                    data,
                    sha256);
        } catch (IOException e) {
            throw Revisions.unreadable(resolved.hosted(), e);
        }
    }

    @Override
    public HistoryPage history(Person person, RepoPath at, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_HISTORY_PAGE) {
            throw new IllegalArgumentException(
                    "A history page starts at 0 or later and holds 1 to " + MAX_HISTORY_PAGE + " commits.");
        }
        Resolved resolved = resolve(person, at, Target.TREE, AuditAction.HISTORY_VIEW);
        try {
            String path = resolved.decision().path();
            GitReads.Found found = GitReads.find(resolved.git(), resolved.commit(), path);
            if (found == null) {
                throw new SourceNotFoundException(
                        "There is no '" + path + "' at " + Revisions.shortName(resolved.ref()) + ".");
            }
            if (!found.isTree() && !resolved.decisions().file(path).allowed()) {
                throw refusals.deny(resolved.decisions().file(path), AuditAction.HISTORY_VIEW, at);
            }
            List<CommitSummary> commits =
                    GitReads.history(resolved.git(), resolved.commit(), path, resolved.decisions(), offset, limit);
            if (commits.isEmpty() && offset == 0 && found.isTree() && !path.isEmpty()) {
                // A folder holding only excluded files: answer as for one that is not there (as the tree does).
                throw new SourceNotFoundException(
                        "There is no '" + path + "' at " + Revisions.shortName(resolved.ref()) + ".");
            }
            boolean more = commits.size() > limit;
            List<CommitSummary> page = more ? commits.subList(0, limit) : commits;
            List<String> ids = page.stream().map(CommitSummary::id).toList();
            record(
                    resolved,
                    AuditAction.HISTORY_VIEW,
                    "history",
                    page.size() + " commits listed from " + offset,
                    disclosure(resolved, path, null, String.join("\n", ids), page.size()));
            return new HistoryPage(
                    at.withPath(path), resolved.ref(), resolved.commit().name(), page, offset, more);
        } catch (IOException e) {
            throw Revisions.unreadable(resolved.hosted(), e);
        }
    }

    @Override
    public CommitDiff commit(Person person, String repository, String commitId) {
        RepoPath at = RepoPath.root(repository, commitId);
        if (!at.isCommitId()) {
            throw new IllegalArgumentException("'" + commitId + "' is not a full commit id (40 hexadecimal digits).");
        }
        Resolved resolved = resolve(person, at, Target.TREE, AuditAction.DIFF_VIEW);
        RevCommit commit = resolved.commit();
        try (RevWalk walk = new RevWalk(resolved.git())) {
            RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            List<FileDiff> files = GitDiffs.diff(
                    resolved.git(),
                    parent == null ? null : parent.getTree(),
                    commit.getTree(),
                    resolved.decisions(),
                    resolved.decisions(),
                    properties.maxDiffLines());
            if (files.isEmpty()) {
                // Its message or author would tell about files the person may not read.
                throw refusals.deny(
                        withReason(
                                resolved.decision(),
                                "Commit " + commit.abbreviate(10).name() + " changes nothing you may read."),
                        AuditAction.DIFF_VIEW,
                        at);
            }
            CommitDiff diff = new CommitDiff(
                    repository,
                    resolved.ref(),
                    GitReads.summary(commit),
                    parent == null ? null : parent.name(),
                    null,
                    files);
            recordDiff(resolved, diff, "commit " + commit.name());
            return diff;
        } catch (IOException e) {
            throw Revisions.unreadable(resolved.hosted(), e);
        }
    }

    @Override
    public CommitDiff compare(Person person, String repository, String fromRevision, String toRevision) {
        Resolved from = resolve(person, RepoPath.root(repository, fromRevision), Target.TREE, AuditAction.DIFF_VIEW);
        Resolved to = resolve(person, RepoPath.root(repository, toRevision), Target.TREE, AuditAction.DIFF_VIEW);
        try {
            List<FileDiff> files = GitDiffs.diff(
                    to.git(),
                    from.commit().getTree(),
                    to.commit().getTree(),
                    from.decisions(),
                    to.decisions(),
                    properties.maxDiffLines());
            CommitDiff diff = new CommitDiff(
                    repository,
                    to.ref(),
                    GitReads.summary(to.commit()),
                    from.commit().name(),
                    from.ref(),
                    files);
            recordDiff(to, diff, "compare " + Revisions.shortName(from.ref()) + ".." + Revisions.shortName(to.ref()));
            return diff;
        } catch (IOException e) {
            throw Revisions.unreadable(to.hosted(), e);
        }
    }

    @Override
    public Blame blame(Person person, RepoPath at) {
        Resolved resolved = resolve(person, at, Target.FILE, AuditAction.BLAME_VIEW);
        try {
            String path = resolved.decision().path();
            GitReads.Found found = requireFile(resolved, path);
            GitReads.Bytes head = GitReads.read(
                    resolved.git(), found.id(), properties.maxFileSize().toBytes());
            if (!head.complete()
                    || !TextDecoding.hasUtf16Bom(head.data(), head.length())
                            && org.eclipse.jgit.diff.RawText.isBinary(head.data(), head.length(), true)) {
                throw new SourceNotFoundException("Blame is shown only for text files up to "
                        + properties.maxFileSize().toKilobytes() + " KB; open the file instead.");
            }
            Blame blame = GitReads.blame(resolved.git(), at.withPath(path), resolved.ref(), resolved.commit());
            String shown = String.join(
                    "\n", blame.lines().stream().map(BlameLine::text).toList());
            record(
                    resolved,
                    AuditAction.BLAME_VIEW,
                    "blame",
                    blame.lines().size() + " lines with their commits",
                    disclosure(
                            resolved,
                            path,
                            found.id().name(),
                            shown,
                            blame.lines().size()));
            return blame;
        } catch (IOException e) {
            throw Revisions.unreadable(resolved.hosted(), e);
        }
    }

    private static GitReads.Found requireFile(Resolved resolved, String path) throws IOException {
        GitReads.Found found = GitReads.find(resolved.git(), resolved.commit(), path);
        if (found == null || found.isTree()) {
            throw new SourceNotFoundException(
                    found == null
                            ? "There is no file '" + path + "' at " + Revisions.shortName(resolved.ref()) + "."
                            : "'" + path + "' is a folder.");
        }
        return found;
    }

    private static GitReads.Found requireFolder(Resolved resolved, String path) throws IOException {
        GitReads.Found found = GitReads.find(resolved.git(), resolved.commit(), path);
        if (found == null || !found.isTree()) {
            throw new SourceNotFoundException(
                    "There is no folder '" + path + "' at " + Revisions.shortName(resolved.ref()) + ".");
        }
        return found;
    }

    private Resolved resolve(Person person, RepoPath at, Target target, AuditAction action) {
        CurrentPerson.requireActingAs(person);
        Instant now = clock.instant();
        if (at.revision() == null || at.revision().isBlank()) {
            throw refusals.deny(policy.decideTree(person, at.repository(), "", at.path(), now), action, at);
        }
        Resolution resolution = revisions.resolve(person, at, target, now);
        if (resolution.denied() != null) {
            throw refusals.deny(resolution.denied(), action, at);
        }
        return resolution.allowed();
    }

    /** A file's view, shown in the browser or handed to a tool: what was read and the hash of what left. */
    private void recordFileView(
            Resolved resolved, String path, GitReads.Found found, String detail, String sha256, Integer lines) {
        record(
                resolved,
                AuditAction.FILE_VIEW,
                "file",
                detail,
                new Disclosure(
                        resolved.hosted().name(),
                        resolved.ref(),
                        resolved.commit().name(),
                        path,
                        found.id().name(),
                        sha256,
                        lines,
                        List.of()));
    }

    private void recordDiff(Resolved resolved, CommitDiff diff, String target) {
        StringBuilder shown = new StringBuilder();
        List<String> paths = new ArrayList<>();
        int lines = 0;
        for (FileDiff file : diff.files()) {
            paths.add(resolved.hosted().name() + ":" + file.path());
            shown.append(file.change()).append(' ').append(file.path()).append('\n');
            for (FileDiff.Line line : file.lines()) {
                shown.append(line.text()).append('\n');
            }
            lines += file.lines().size();
        }
        record(
                resolved,
                AuditAction.DIFF_VIEW,
                target,
                diff.files().size() + " files, " + lines + " diff lines shown",
                new Disclosure(
                        resolved.hosted().name(),
                        resolved.ref(),
                        diff.commit().id(),
                        null,
                        null,
                        GitReads.sha256(shown.toString()),
                        lines,
                        paths));
    }

    private void record(Resolved resolved, AuditAction action, String what, String detail, Disclosure disclosure) {
        record(
                resolved.decision(),
                action,
                what + " " + resolved.hosted().name() + ":" + disclosurePath(disclosure),
                detail,
                disclosure);
    }

    private void record(
            AccessDecision decision, AuditAction action, String target, String detail, Disclosure disclosure) {
        auditLog.append(new AuditRecord(
                action,
                decision.agencyId(),
                decision.agreementReference(),
                decision.scopeId(),
                target,
                detail,
                disclosure));
    }

    private static Disclosure disclosure(Resolved resolved, String path, String blob, String shown, int lines) {
        return new Disclosure(
                resolved.hosted().name(),
                resolved.ref(),
                resolved.commit().name(),
                path,
                blob,
                GitReads.sha256(shown),
                lines,
                List.of());
    }

    private static String disclosurePath(Disclosure disclosure) {
        return disclosure.path() == null || disclosure.path().isEmpty() ? "/" : disclosure.path();
    }

    private static AccessDecision withReason(AccessDecision decision, String reason) {
        return new AccessDecision(
                AccessDecision.Outcome.DENY,
                reason,
                decision.agreementId(),
                decision.agreementReference(),
                decision.scopeId(),
                decision.agencyId(),
                decision.repository(),
                decision.ref(),
                decision.path(),
                decision.instant());
    }
}
