package com.readingroom.source.internal;

import com.readingroom.source.SampleImportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Replays one sample's manifest into a new bare repository. Every object is built from the manifest alone (contents,
 * authors, dates, messages), so the same sample always yields the same commit and tag ids.
 *
 * <p>Not thread-safe; one instance per repository being built.
 */
final class HistoryReplay {

    private static final Pattern AUTHOR = Pattern.compile("\\s*(.+?)\\s*<([^<>\\s]+)>\\s*");
    private static final String MAIN = "main";

    private final Path sample;
    private final SampleHistory history;

    /** Tree state (path → blob) after each commit, and where each branch and tag points. */
    private final Map<ObjectId, SortedMap<String, ObjectId>> snapshots = new HashMap<>();

    private final Map<String, ObjectId> branches = new HashMap<>();
    private final Map<String, ObjectId> tags = new HashMap<>();
    private final Map<String, ObjectId> taggedCommits = new HashMap<>();

    HistoryReplay(Path sample, SampleHistory history) {
        this.sample = sample;
        this.history = history;
    }

    void writeTo(Path bareDir) throws IOException {
        try (Repository repository = FileRepositoryBuilder.create(bareDir.toFile())) {
            repository.create(true);
            try (ObjectInserter inserter = repository.newObjectInserter()) {
                for (SampleHistory.Step step : history.commits()) {
                    replay(step, inserter);
                }
                inserter.flush();
            }
            if (!branches.containsKey(MAIN)) {
                throw new SampleImportException(
                        "Sample '" + sample.getFileName() + "' has no commit on branch '" + MAIN + "'.");
            }
            for (Map.Entry<String, ObjectId> branch : branches.entrySet()) {
                updateRef(repository, Constants.R_HEADS + branch.getKey(), branch.getValue());
            }
            for (Map.Entry<String, ObjectId> tag : tags.entrySet()) {
                updateRef(repository, Constants.R_TAGS + tag.getKey(), tag.getValue());
            }
            RefUpdate head = repository.updateRef(Constants.HEAD);
            head.disableRefLog();
            head.link(Constants.R_HEADS + MAIN);
        }
    }

    private void replay(SampleHistory.Step step, ObjectInserter inserter) throws IOException {
        String where = "sample '" + sample.getFileName() + "', commit '" + step.id() + "'";
        if (step.id() == null || step.branch() == null || step.message() == null) {
            throw new SampleImportException(where + ": id, branch and message are required.");
        }
        ObjectId parent = parentOf(step, where);
        SortedMap<String, ObjectId> files = parent == null ? new TreeMap<>() : new TreeMap<>(snapshots.get(parent));
        for (String deleted : step.delete()) {
            if (files.remove(deleted) == null) {
                throw new SampleImportException(where + ": cannot delete '" + deleted + "', it does not exist.");
            }
        }
        Path folder = sample.resolve(step.id());
        if (!Files.isDirectory(folder)) {
            throw new SampleImportException(where + ": folder " + folder + " is missing.");
        }
        addFiles(folder, files, inserter, where);

        PersonIdent author = person(step, where);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(writeTree(files, inserter));
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(author);
        commit.setCommitter(author);
        commit.setMessage(step.message().endsWith("\n") ? step.message() : step.message() + "\n");
        ObjectId commitId = inserter.insert(commit);
        snapshots.put(commitId, files);
        branches.put(step.branch(), commitId);

        for (String tagName : step.tags()) {
            if (tags.containsKey(tagName) || !Repository.isValidRefName(Constants.R_TAGS + tagName)) {
                throw new SampleImportException(where + ": tag '" + tagName + "' is invalid or given twice.");
            }
            TagBuilder tag = new TagBuilder();
            tag.setObjectId(commitId, Constants.OBJ_COMMIT);
            tag.setTag(tagName);
            tag.setTagger(author);
            tag.setMessage("Release " + tagName.substring(tagName.lastIndexOf('/') + 1) + "\n");
            tags.put(tagName, inserter.insert(tag));
            taggedCommits.put(tagName, commitId);
        }
    }

    private ObjectId parentOf(SampleHistory.Step step, String where) {
        if (branches.containsKey(step.branch())) {
            if (step.from() != null) {
                throw new SampleImportException(
                        where + ": branch '" + step.branch() + "' exists already; drop 'from'.");
            }
            return branches.get(step.branch());
        }
        if (!Repository.isValidRefName(Constants.R_HEADS + step.branch())) {
            throw new SampleImportException(where + ": '" + step.branch() + "' is not a valid branch name.");
        }
        if (step.from() == null) {
            if (!branches.isEmpty()) {
                throw new SampleImportException(where + ": new branch '" + step.branch() + "' needs a 'from'.");
            }
            return null;
        }
        ObjectId start =
                taggedCommits.containsKey(step.from()) ? taggedCommits.get(step.from()) : branches.get(step.from());
        if (start == null) {
            throw new SampleImportException(where + ": 'from' names '" + step.from() + "', which is not made yet.");
        }
        return start;
    }

    private void addFiles(Path folder, SortedMap<String, ObjectId> files, ObjectInserter inserter, String where)
            throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (Files.isSymbolicLink(file)) {
                    throw new SampleImportException(where + ": symbolic link " + file + " is not supported.");
                }
                String path = folder.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                files.put(path, inserter.insert(Constants.OBJ_BLOB, Files.readAllBytes(file)));
            }
        }
    }

    private static ObjectId writeTree(SortedMap<String, ObjectId> files, ObjectInserter inserter) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (Map.Entry<String, ObjectId> file : files.entrySet()) {
            DirCacheEntry entry = new DirCacheEntry(file.getKey());
            entry.setFileMode(file.getKey().endsWith(".sh") ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
            entry.setObjectId(file.getValue());
            builder.add(entry);
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    private static PersonIdent person(SampleHistory.Step step, String where) {
        Matcher author = AUTHOR.matcher(step.author() == null ? "" : step.author());
        if (!author.matches()) {
            throw new SampleImportException(where + ": author '" + step.author() + "' is not 'Name <email>'.");
        }
        if (step.date() == null) {
            throw new SampleImportException(where + ": date is required.");
        }
        try {
            return new PersonIdent(author.group(1), author.group(2), Instant.parse(step.date()), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new SampleImportException(where + ": date '" + step.date() + "' is not an ISO-8601 instant.", e);
        }
    }

    private static void updateRef(Repository repository, String name, ObjectId id) throws IOException {
        RefUpdate update = repository.updateRef(name);
        update.setNewObjectId(id);
        update.setExpectedOldObjectId(ObjectId.zeroId());
        update.disableRefLog();
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW) {
            throw new IOException("Could not create " + name + ": " + result);
        }
    }
}
