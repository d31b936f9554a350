package com.readingroom.source.internal;

import com.readingroom.access.HostedRepository;
import com.readingroom.source.IndexFeed;
import com.readingroom.source.SourceUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.springframework.stereotype.Component;

/** {@link IndexFeed} on JGit: trees walked once per change, blobs read through one {@link ObjectReader} per thread. */
@Component
class GitIndexFeed implements IndexFeed {

    private final GitRepositories repositories;

    GitIndexFeed(GitRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public List<IndexedRef> indexableRefs(HostedRepository repository) {
        Repository git = repositories.open(repository);
        try (RevWalk walk = new RevWalk(git)) {
            List<IndexedRef> refs = new ArrayList<>();
            Ref head = git.getRefDatabase().exactRef(Constants.HEAD);
            if (head != null && head.isSymbolic() && head.getObjectId() != null) {
                refs.add(new IndexedRef(
                        head.getTarget().getName(),
                        walk.parseCommit(head.getObjectId()).name(),
                        true));
            }
            for (Ref tag : git.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                ObjectId peeled = peeledCommit(walk, tag);
                if (peeled != null) {
                    refs.add(new IndexedRef(tag.getName(), peeled.name(), false));
                }
            }
            return refs;
        } catch (IOException e) {
            throw Revisions.unreadable(repository, e);
        }
    }

    private static ObjectId peeledCommit(RevWalk walk, Ref tag) throws IOException {
        try {
            return walk.parseCommit(tag.getObjectId());
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException notACommit) {
            // A tag of a tree or a blob has no files to index.
            return null;
        }
    }

    @Override
    public void changedFiles(
            HostedRepository repository, String fromCommit, String toCommit, Consumer<FileChange> changes) {
        Repository git = repositories.open(repository);
        try (RevWalk walk = new RevWalk(git);
                TreeWalk tree = new TreeWalk(git)) {
            tree.setRecursive(true);
            if (fromCommit == null) {
                tree.addTree(new EmptyTreeIterator());
            } else {
                tree.addTree(walk.parseCommit(ObjectId.fromString(fromCommit)).getTree());
            }
            tree.addTree(walk.parseCommit(ObjectId.fromString(toCommit)).getTree());
            tree.setFilter(TreeFilter.ANY_DIFF);
            while (tree.next()) {
                String oldBlob = regularFile(tree, 0);
                String newBlob = regularFile(tree, 1);
                if (oldBlob != null || newBlob != null) {
                    String path = tree.getPathString();
                    changes.accept(new FileChange(path, oldBlob, newBlob, Languages.of(path)));
                }
            }
        } catch (IOException e) {
            throw Revisions.unreadable(repository, e);
        }
    }

    private static String regularFile(TreeWalk tree, int index) {
        int mode = tree.getRawMode(index);
        boolean file = FileMode.REGULAR_FILE.equals(mode) || FileMode.EXECUTABLE_FILE.equals(mode);
        return file ? tree.getObjectId(index).name() : null;
    }

    @Override
    public List<String> commitIds(HostedRepository repository, String tip, Collection<String> known) {
        Repository git = repositories.open(repository);
        try (RevWalk walk = new RevWalk(git)) {
            walk.setRetainBody(false);
            walk.markStart(walk.parseCommit(ObjectId.fromString(tip)));
            for (String id : known) {
                try {
                    walk.markUninteresting(walk.parseCommit(ObjectId.fromString(id)));
                } catch (MissingObjectException gone) {
                    // A commit indexed before a force push may be gone; it bounds nothing any more.
                }
            }
            List<String> ids = new ArrayList<>();
            for (RevCommit commit : walk) {
                ids.add(commit.name());
            }
            return ids;
        } catch (IOException e) {
            throw Revisions.unreadable(repository, e);
        }
    }

    @Override
    public void describeCommits(HostedRepository repository, Collection<String> ids, Consumer<CommitText> out) {
        Repository git = repositories.open(repository);
        try (RevWalk walk = new RevWalk(git);
                TreeWalk tree = new TreeWalk(git)) {
            tree.setRecursive(true);
            tree.setFilter(TreeFilter.ANY_DIFF);
            for (String id : ids) {
                RevCommit commit = walk.parseCommit(ObjectId.fromString(id));
                tree.reset();
                if (commit.getParentCount() > 0) {
                    tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                } else {
                    tree.addTree(new EmptyTreeIterator());
                }
                tree.addTree(commit.getTree());
                List<String> paths = new ArrayList<>();
                while (tree.next()) {
                    paths.add(tree.getPathString());
                }
                out.accept(new CommitText(
                        commit.name(),
                        commit.getFullMessage(),
                        commit.getAuthorIdent().getName(),
                        commit.getCommitterIdent().getWhenAsInstant(),
                        paths));
            }
        } catch (IOException e) {
            throw Revisions.unreadable(repository, e);
        }
    }

    @Override
    public Blobs blobs(HostedRepository repository) {
        ObjectReader reader = repositories.open(repository).newObjectReader();
        return new Blobs() {
            @Override
            public Optional<Blob> read(String blobId, int maxBytes) {
                try {
                    ObjectLoader loader = reader.open(ObjectId.fromString(blobId), Constants.OBJ_BLOB);
                    long size = loader.getSize();
                    byte[] bytes;
                    int length;
                    if (size <= maxBytes) {
                        bytes = loader.getCachedBytes(maxBytes);
                        length = bytes.length;
                    } else {
                        bytes = new byte[maxBytes];
                        try (var in = loader.openStream()) {
                            length = in.readNBytes(bytes, 0, maxBytes);
                        }
                    }
                    boolean complete = length == size;
                    if (!TextDecoding.hasUtf16Bom(bytes, length) && RawText.isBinary(bytes, length, complete)) {
                        return Optional.of(new Blob(bytes, length, size, null, !complete));
                    }
                    int textLength = length;
                    if (!complete) {
                        int lastNewline = lastNewline(bytes, length);
                        textLength = lastNewline < 0 ? length : lastNewline + 1;
                    }
                    String text = TextDecoding.decode(bytes, textLength).text();
                    return Optional.of(new Blob(bytes, textLength, size, text, !complete));
                } catch (MissingObjectException missing) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw new SourceUnavailableException(
                            "Repository '" + repository.name()
                                    + "' cannot be read right now; the vendor has been told.",
                            e);
                }
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
