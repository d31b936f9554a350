package com.readingroom.source.internal;

import com.readingroom.access.AccessPolicy.PathDecisions;
import com.readingroom.source.Blame;
import com.readingroom.source.BlameLine;
import com.readingroom.source.CommitSummary;
import com.readingroom.source.FileContent;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceNotFoundException;
import com.readingroom.source.TreeEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.jgit.api.BlameCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The JGit reads behind the reader, on a request the policy has already allowed. Each method makes its own
 * {@link ObjectReader} / {@link RevWalk} / {@link TreeWalk} and closes them before it returns (none is thread-safe).
 * Listings keep only what {@link PathDecisions} allows.
 */
final class GitReads {

    private GitReads() {}

    /** What is at a path of a commit: a folder, a file (of some mode), or nothing. */
    record Found(ObjectId id, FileMode mode) {

        boolean isTree() {
            return mode == FileMode.TREE;
        }
    }

    static Found find(Repository git, RevCommit commit, String path) throws IOException {
        if (path.isEmpty()) {
            return new Found(commit.getTree(), FileMode.TREE);
        }
        try (ObjectReader reader = git.newObjectReader();
                TreeWalk walk = TreeWalk.forPath(reader, path, commit.getTree())) {
            return walk == null ? null : new Found(walk.getObjectId(0), walk.getFileMode(0));
        }
    }

    static List<TreeEntry> tree(Repository git, ObjectId tree, String directory, PathDecisions decisions)
            throws IOException {
        List<TreeEntry> entries = new ArrayList<>();
        try (ObjectReader reader = git.newObjectReader();
                TreeWalk walk = new TreeWalk(git, reader)) {
            walk.addTree(tree);
            walk.setRecursive(false);
            while (walk.next()) {
                String name = walk.getNameString();
                String path = directory.isEmpty() ? name : directory + "/" + name;
                FileMode mode = walk.getFileMode(0);
                ObjectId id = walk.getObjectId(0);
                if (mode == FileMode.TREE) {
                    if (decisions.tree(path).allowed() && holdsReadable(git, reader, id, path, decisions)) {
                        entries.add(new TreeEntry(name, path, TreeEntry.Kind.DIRECTORY, -1, null));
                    }
                } else if (decisions.file(path).allowed()) {
                    entries.add(entry(reader, name, path, mode, id));
                }
            }
        }
        entries.sort(Comparator.comparing((TreeEntry e) -> !e.isDirectory()).thenComparing(TreeEntry::name));
        return entries;
    }

    /** Finding each entry's last commit walks history: done only for folders this small, and only this long. */
    static final int LAST_COMMIT_MAX_ENTRIES = 300;

    static final long LAST_COMMIT_BUDGET_NANOS = 40_000_000L;

    /**
     * Adds to each entry the newest commit that changed it, walking back from {@code start} through the commits that
     * changed the folder, until every entry has one or the time budget is spent (then the rest stay without).
     */
    static List<TreeEntry> withLastCommits(
            Repository git, RevCommit start, String directory, List<TreeEntry> entries, PathDecisions decisions)
            throws IOException {
        if (entries.isEmpty() || entries.size() > LAST_COMMIT_MAX_ENTRIES) {
            return entries;
        }
        java.util.Map<String, CommitSummary> found = new java.util.HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        entries.forEach(entry -> wanted.add(entry.name()));
        long deadline = System.nanoTime() + LAST_COMMIT_BUDGET_NANOS;
        int depth = directory.isEmpty() ? 0 : directory.split("/").length;
        try (RevWalk walk = new RevWalk(git);
                ObjectReader reader = git.newObjectReader()) {
            if (!directory.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(directory), TreeFilter.ANY_DIFF));
            }
            walk.markStart(walk.parseCommit(start));
            for (RevCommit commit : walk) {
                for (String name : changedChildren(reader, commit, directory, depth, decisions, wanted)) {
                    found.put(name, summary(commit));
                    wanted.remove(name);
                }
                if (wanted.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        return entries.stream()
                .map(entry -> found.containsKey(entry.name()) ? entry.withLastCommit(found.get(entry.name())) : entry)
                .toList();
    }

    /**
     * The names of the folder's direct entries still {@code wanted} under which a readable file differs between
     * the commit and its (first, possibly rewritten) parent. Changes to excluded files do not count: their commit must
     * not be shown. Each changed sub-folder is searched only until its first readable change.
     */
    private static java.util.Set<String> changedChildren(
            ObjectReader reader,
            RevCommit commit,
            String directory,
            int depth,
            PathDecisions decisions,
            java.util.Set<String> wanted)
            throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (TreeWalk walk = new TreeWalk(reader);
                RevWalk parse = new RevWalk(reader)) {
            walk.addTree(commit.getTree());
            if (commit.getParentCount() > 0) {
                walk.addTree(parse.parseCommit(commit.getParent(0)).getTree());
            } else {
                walk.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
            }
            walk.setRecursive(false);
            walk.setFilter(
                    directory.isEmpty()
                            ? TreeFilter.ANY_DIFF
                            : AndTreeFilter.create(PathFilter.create(directory), TreeFilter.ANY_DIFF));
            while (walk.next()) {
                if (walk.getDepth() < depth) {
                    if (walk.isSubtree()) {
                        walk.enterSubtree();
                    }
                    continue;
                }
                String name = walk.getNameString();
                if (!wanted.contains(name)) {
                    continue;
                }
                boolean readable = walk.isSubtree()
                        ? readableChangeUnder(
                                reader, walk.getObjectId(0), walk.getObjectId(1), walk.getPathString(), decisions)
                        : decisions.file(walk.getPathString()).allowed();
                if (readable) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static boolean readableChangeUnder(
            ObjectReader reader, ObjectId now, ObjectId before, String folder, PathDecisions decisions)
            throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            addTreeOrEmpty(walk, now);
            addTreeOrEmpty(walk, before);
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                if (decisions.file(folder + "/" + walk.getPathString()).allowed()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void addTreeOrEmpty(TreeWalk walk, ObjectId tree) throws IOException {
        if (tree.equals(ObjectId.zeroId())) {
            walk.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
        } else {
            walk.addTree(tree);
        }
    }

    private static TreeEntry entry(ObjectReader reader, String name, String path, FileMode mode, ObjectId id)
            throws IOException {
        if (mode == FileMode.GITLINK) {
            return new TreeEntry(name, path, TreeEntry.Kind.SUBMODULE, -1, id.name());
        }
        if (mode == FileMode.SYMLINK) {
            byte[] target = reader.open(id, Constants.OBJ_BLOB).getCachedBytes(4096);
            return new TreeEntry(
                    name,
                    path,
                    TreeEntry.Kind.SYMLINK,
                    target.length,
                    TextDecoding.decode(target, target.length).text());
        }
        long size = reader.getObjectSize(id, Constants.OBJ_BLOB);
        TreeEntry.Kind kind = mode == FileMode.EXECUTABLE_FILE ? TreeEntry.Kind.EXECUTABLE : TreeEntry.Kind.FILE;
        return new TreeEntry(name, path, kind, size, null);
    }

    /**
     * Whether a folder holds at least one file the person may read, so that a folder whose every file is excluded
     * (by any pattern, not only {@code folder/**}) is not listed. Stops at the first readable file.
     */
    private static boolean holdsReadable(
            Repository git, ObjectReader reader, ObjectId tree, String directory, PathDecisions decisions)
            throws IOException {
        try (TreeWalk walk = new TreeWalk(git, reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                if (decisions.file(directory + "/" + walk.getPathString()).allowed()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The bytes of a file, at most {@code limit} of them; {@code complete} says whether that was all. */
    record Bytes(byte[] data, int length, long size, boolean complete) {}

    /**
     * A whole file, or nothing read at all when it is larger than {@code limit} ({@code complete} false, no data): for
     * handing a file out whole, where a part is of no use.
     */
    static Bytes readWhole(Repository git, ObjectId blob, long limit) throws IOException {
        try (ObjectReader reader = git.newObjectReader()) {
            ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
            return loader.getSize() > limit ? new Bytes(new byte[0], 0, loader.getSize(), false) : read(loader, limit);
        }
    }

    static Bytes read(Repository git, ObjectId blob, long limit) throws IOException {
        try (ObjectReader reader = git.newObjectReader()) {
            return read(reader.open(blob, Constants.OBJ_BLOB), limit);
        }
    }

    private static Bytes read(ObjectLoader loader, long limit) throws IOException {
        long size = loader.getSize();
        if (!loader.isLarge() && size <= limit) {
            byte[] all = loader.getCachedBytes();
            return new Bytes(all, all.length, size, true);
        }
        int wanted = (int) Math.min(size, limit);
        byte[] part = new byte[wanted];
        int read = 0;
        try (InputStream in = loader.openStream()) {
            while (read < wanted) {
                int n = in.read(part, read, wanted - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        }
        return new Bytes(part, read, size, read >= size);
    }

    static FileContent file(Repository git, RepoPath at, String ref, RevCommit commit, Found found, long limit)
            throws IOException {
        String language = Languages.of(at.path());
        if (found.mode() == FileMode.GITLINK) {
            return new FileContent(
                    at,
                    ref,
                    commit.name(),
                    found.id().name(),
                    FileContent.Kind.SUBMODULE,
                    0,
                    found.id().name(),
                    "US-ASCII",
                    false,
                    1,
                    "plaintext",
                    sha256(found.id().name().getBytes(java.nio.charset.StandardCharsets.US_ASCII), 40));
        }
        Bytes bytes = read(git, found.id(), limit);
        if (found.mode() == FileMode.SYMLINK) {
            String target = TextDecoding.decode(bytes.data(), bytes.length()).text();
            return new FileContent(
                    at,
                    ref,
                    commit.name(),
                    found.id().name(),
                    FileContent.Kind.SYMLINK,
                    bytes.size(),
                    target,
                    "UTF-8",
                    false,
                    1,
                    "plaintext",
                    sha256(bytes.data(), bytes.length()));
        }
        // UTF-16 text (common for Windows resource files) is full of NUL bytes: its byte-order mark says it is text.
        if (!TextDecoding.hasUtf16Bom(bytes.data(), bytes.length())
                && RawText.isBinary(bytes.data(), bytes.length(), bytes.complete())) {
            return new FileContent(
                    at,
                    ref,
                    commit.name(),
                    found.id().name(),
                    FileContent.Kind.BINARY,
                    bytes.size(),
                    null,
                    null,
                    false,
                    0,
                    language,
                    null);
        }
        int length = bytes.length();
        if (!bytes.complete()) {
            // Show whole lines only: cut after the last newline of the part read.
            int lastNewline = lastIndexOf(bytes.data(), length, (byte) '\n');
            length = lastNewline < 0 ? length : lastNewline + 1;
        }
        TextDecoding.Decoded text = TextDecoding.decode(bytes.data(), length);
        return new FileContent(
                at,
                ref,
                commit.name(),
                found.id().name(),
                FileContent.Kind.TEXT,
                bytes.size(),
                text.text(),
                text.charset().name(),
                !bytes.complete(),
                TextDecoding.lineCount(text.text()),
                language,
                sha256(bytes.data(), length));
    }

    /** SHA-256 (hex) of the text as UTF-8: the fingerprint of a listing or diff shown. */
    static String sha256(String shown) {
        byte[] bytes = shown.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return sha256(bytes, bytes.length);
    }

    static String sha256(byte[] data, int length) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static int lastIndexOf(byte[] data, int length, byte value) {
        for (int i = length - 1; i >= 0; i--) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** The commits touching the path and a readable file, newest first: {@code limit + 1} to tell if more follow. */
    static List<CommitSummary> history(
            Repository git, RevCommit start, String path, PathDecisions decisions, int offset, int limit)
            throws IOException {
        List<CommitSummary> commits = new ArrayList<>();
        try (RevWalk walk = new RevWalk(git)) {
            TreeFilter readable = new ReadableFilter(decisions);
            walk.setTreeFilter(
                    path.isEmpty()
                            ? AndTreeFilter.create(TreeFilter.ANY_DIFF, readable)
                            : AndTreeFilter.create(
                                    new TreeFilter[] {PathFilter.create(path), TreeFilter.ANY_DIFF, readable}));
            walk.markStart(walk.parseCommit(start));
            int skipped = 0;
            for (RevCommit commit : walk) {
                if (skipped++ < offset) {
                    continue;
                }
                commits.add(summary(commit));
                if (commits.size() > limit) {
                    break;
                }
            }
        }
        return commits;
    }

    static CommitSummary summary(RevCommit commit) {
        return new CommitSummary(
                commit.name(),
                commit.getAuthorIdent().getName(),
                commit.getAuthorIdent().getEmailAddress(),
                commit.getAuthorIdent().getWhenAsInstant(),
                commit.getFullMessage(),
                Arrays.stream(commit.getParents()).map(ObjectId::name).toList());
    }

    static Blame blame(Repository git, RepoPath at, String ref, RevCommit commit) throws IOException {
        BlameResult result;
        try {
            // Renames are not followed: an earlier name may lie outside what the person may read.
            result = new BlameCommand(git)
                    .setStartCommit(commit)
                    .setFilePath(at.path())
                    .setFollowFileRenames(false)
                    .call();
        } catch (GitAPIException e) {
            throw new IOException("blame of " + at.path() + " failed: " + e.getMessage(), e);
        }
        if (result == null) {
            throw new SourceNotFoundException(
                    "There is no file '" + at.path() + "' at " + Revisions.shortName(ref) + ".");
        }
        result.computeAll();
        RawText contents = result.getResultContents();
        List<BlameLine> lines = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            RevCommit source = result.getSourceCommit(i);
            lines.add(new BlameLine(i + 1, contents.getString(i), source == null ? null : summary(source)));
        }
        return new Blame(at, ref, commit.name(), Languages.of(at.path()), lines);
    }

    /** Lets a walk through only the folders and files the person may read. */
    private static final class ReadableFilter extends TreeFilter {

        private final PathDecisions decisions;

        ReadableFilter(PathDecisions decisions) {
            this.decisions = decisions;
        }

        @Override
        public boolean include(TreeWalk walker) {
            String path = walker.getPathString();
            return walker.isSubtree()
                    ? decisions.tree(path).allowed()
                    : decisions.file(path).allowed();
        }

        @Override
        public boolean shouldBeRecursive() {
            return true;
        }

        @Override
        public TreeFilter clone() {
            return this;
        }
    }
}
