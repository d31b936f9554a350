package com.readingroom.source.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessDecision.Outcome;
import com.readingroom.access.AccessPolicy;
import com.readingroom.access.AccessPolicy.PathDecisions;
import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.identity.Person;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceNotFoundException;
import com.readingroom.source.SourceUnavailableException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.stereotype.Component;

/**
 * Turns a request into an allowed {@link Resolved} or a denial: asks the policy first, and only then looks into the
 * repository, so that what does not exist and what is not granted look the same. A commit id is allowed through a
 * granted branch or tag that contains it.
 */
@Component
class Revisions {

    /** What a view needs to be allowed for its path: a file, or a folder (something under it readable). */
    enum Target {
        FILE,
        TREE
    }

    private final AccessPolicy policy;
    private final Catalog catalog;
    private final GitRepositories repositories;

    Revisions(AccessPolicy policy, Catalog catalog, GitRepositories repositories) {
        this.policy = policy;
        this.catalog = catalog;
        this.repositories = repositories;
    }

    /**
     * @return the allowed request, or the denial (its decision) to audit and throw
     * @throws SourceNotFoundException when allowed, but the ref or commit is not there
     */
    Resolution resolve(Person person, RepoPath at, Target target, Instant now) {
        return at.isCommitId() ? resolveCommit(person, at, target, now) : resolveRef(person, at, target, now);
    }

    /** Either an allowed request or a denial. */
    record Resolution(Resolved allowed, AccessDecision denied) {}

    private Resolution resolveRef(Person person, RepoPath at, Target target, Instant now) {
        String ref = at.revision();
        PathDecisions decisions = policy.decisionsFor(person, at.repository(), ref, now);
        AccessDecision decision = decide(decisions, at.path(), target);
        if (!decision.allowed()) {
            return new Resolution(null, decision);
        }
        HostedRepository hosted = decisions.repository().orElseThrow();
        Repository git = repositories.open(hosted);
        try (RevWalk walk = new RevWalk(git)) {
            Ref found = git.getRefDatabase().exactRef(ref);
            if (found == null || found.getObjectId() == null) {
                throw new SourceNotFoundException(
                        "There is no branch or tag '" + shortName(ref) + "' in repository '" + at.repository() + "'.");
            }
            RevCommit commit = walk.parseCommit(found.getObjectId());
            return new Resolution(new Resolved(hosted, git, ref, commit, decision, decisions), null);
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException notACommit) {
            throw new SourceNotFoundException("'" + shortName(ref) + "' does not point at a commit.");
        } catch (IOException e) {
            throw unreadable(hosted, e);
        }
    }

    private Resolution resolveCommit(Person person, RepoPath at, Target target, Instant now) {
        Optional<HostedRepository> hosted = catalog.findRepository(at.repository());
        if (hosted.isEmpty()) {
            // The policy's own answer for a repository that is not granted, so that both read alike.
            return new Resolution(
                    null, policy.decideTree(person, at.repository(), Constants.R_HEADS + "main", "", now));
        }
        Repository git = repositories.open(hosted.get());
        try (RevWalk walk = new RevWalk(git)) {
            List<Ref> refs = refsOf(git);
            List<String> names = refs.stream().map(Ref::getName).toList();
            List<String> readable = policy.readableRefs(person, at.repository(), names, now);
            if (readable.isEmpty()) {
                String any = names.isEmpty() ? Constants.R_HEADS + "main" : names.getFirst();
                return new Resolution(null, policy.decideTree(person, at.repository(), any, "", now));
            }
            RevCommit commit;
            try {
                commit = walk.parseCommit(ObjectId.fromString(at.revision()));
            } catch (MissingObjectException | org.eclipse.jgit.errors.IncorrectObjectTypeException unknown) {
                return new Resolution(null, notOnReadableRef(person, at, now));
            }
            AccessDecision firstDenial = null;
            for (String ref : readable) {
                Ref found = git.getRefDatabase().exactRef(ref);
                RevCommit tip = walk.parseCommit(found.getObjectId());
                if (!tip.equals(commit) && !walk.isMergedInto(commit, tip)) {
                    continue;
                }
                PathDecisions decisions = policy.decisionsFor(person, at.repository(), ref, now);
                AccessDecision decision = decide(decisions, at.path(), target);
                if (decision.allowed()) {
                    return new Resolution(new Resolved(hosted.get(), git, ref, commit, decision, decisions), null);
                }
                firstDenial = firstDenial == null ? decision : firstDenial;
            }
            return new Resolution(null, firstDenial != null ? firstDenial : notOnReadableRef(person, at, now));
        } catch (IOException e) {
            throw unreadable(hosted.get(), e);
        }
    }

    /** The branches and tags of a repository: the default branch first, then branches, then tags, by name. */
    static List<Ref> refsOf(Repository git) throws IOException {
        List<Ref> refs = new ArrayList<>();
        for (Ref ref : git.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            refs.add(ref);
        }
        for (Ref ref : git.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
            refs.add(ref);
        }
        Ref head = git.getRefDatabase().exactRef(Constants.HEAD);
        String defaultBranch =
                head != null && head.isSymbolic() ? head.getTarget().getName() : "";
        refs.sort(Comparator.comparing((Ref ref) -> !ref.getName().equals(defaultBranch))
                .thenComparing(ref -> !ref.getName().startsWith(Constants.R_HEADS))
                .thenComparing(Ref::getName));
        return refs;
    }

    static AccessDecision decide(PathDecisions decisions, String path, Target target) {
        return target == Target.FILE ? decisions.file(path) : decisions.tree(path);
    }

    private static AccessDecision notOnReadableRef(Person person, RepoPath at, Instant now) {
        return new AccessDecision(
                Outcome.DENY,
                "Commit " + at.revision().substring(0, 10) + " is not on any branch or tag you may read in repository '"
                        + at.repository() + "'.",
                null,
                null,
                null,
                person.agencyId(),
                at.repository(),
                at.revision(),
                at.path(),
                now);
    }

    static String shortName(String ref) {
        return com.readingroom.source.SourceRef.shortName(ref);
    }

    static SourceUnavailableException unreadable(HostedRepository hosted, IOException e) {
        return new SourceUnavailableException(
                "Repository '" + hosted.name() + "' cannot be read right now; the vendor has been told.", e);
    }
}
