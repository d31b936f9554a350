package com.readingroom.source;

import com.readingroom.access.HostedRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a code index reads from the hosted repositories, with no person and no decision: the index holds everything.
 * Nothing read here may be shown to anybody as it is; what an index discloses goes through its own choke point (an
 * access decision inside the query, then a durable audit record), and each hit opens through {@link SourceReader}.
 */
public interface IndexFeed {

    /**
     * The refs an index covers: the default branch first, then every tag, each peeled to its commit.
     *
     * @throws SourceUnavailableException if the repository cannot be read
     */
    List<IndexedRef> indexableRefs(HostedRepository repository);

    /**
     * The regular files that differ between two commits (every file of {@code toCommit} when {@code fromCommit} is
     * {@code null}); symbolic links and submodules are not files to index.
     */
    void changedFiles(HostedRepository repository, String fromCommit, String toCommit, Consumer<FileChange> changes);

    /** The ids of the commits reachable from {@code tip} and from none of {@code known}, newest first. */
    List<String> commitIds(HostedRepository repository, String tip, Collection<String> known);

    /** The commits, with their messages and the paths each changed against its first parent. */
    void describeCommits(HostedRepository repository, Collection<String> ids, Consumer<CommitText> commits);

    /** A reader of file contents for one repository, for one thread; close it when done. */
    Blobs blobs(HostedRepository repository);

    /** Reads blobs of one repository. Not thread-safe. */
    interface Blobs extends AutoCloseable {

        /**
         * The blob's first {@code maxBytes} bytes and their text; empty when the blob does not exist.
         *
         * @throws SourceUnavailableException if the repository cannot be read
         */
        Optional<Blob> read(String blobId, int maxBytes);

        @Override
        void close();
    }

    /**
     * A file's content as far as read.
     *
     * @param text the decoded text (whole lines only when truncated), or {@code null} for a binary file
     */
    record Blob(byte[] bytes, int length, long size, String text, boolean truncated) {

        public boolean binary() {
            return text == null;
        }
    }

    /**
     * @param name the full ref name
     * @param commitId the full commit id
     */
    record IndexedRef(String name, String commitId, boolean defaultBranch) {}

    /**
     * A file that was added, changed or removed.
     *
     * @param oldBlob the blob before, or {@code null} when added
     * @param newBlob the blob after, or {@code null} when removed
     * @param language as highlighting names it ({@code plaintext} when unknown)
     */
    record FileChange(String path, String oldBlob, String newBlob, String language) {}

    /**
     * A commit and the files it changed (against its first parent).
     *
     * @param paths the changed paths, for deciding who may see the commit
     */
    record CommitText(String id, String message, String author, Instant committed, List<String> paths) {

        public CommitText {
            paths = List.copyOf(paths);
        }
    }
}
