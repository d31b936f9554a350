package com.readingroom.source.internal;

import com.readingroom.source.RepositoryInspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** JGit behind {@link RepositoryInspector}. One repository, walk and tree walk per call, all closed before returning. */
@Service
@PreAuthorize("hasRole('PROGRAM_MANAGER')")
class GitRepositoryInspector implements RepositoryInspector {

    @Override
    public List<RefInfo> refs(Path path) {
        try (Repository repository = open(path)) {
            return repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS).stream()
                    .filter(ref -> ref.getName().startsWith(Constants.R_HEADS)
                            || ref.getName().startsWith(Constants.R_TAGS))
                    .map(ref -> new RefInfo(ref.getName(), commitOf(repository, ref)))
                    .sorted(Comparator.comparing(RefInfo::name))
                    .toList();
        } catch (IOException e) {
            throw new InvalidRepositoryException("Could not read the refs of " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileCount countFiles(Path path, String ref, Predicate<String> filter) {
        try (Repository repository = open(path);
                RevWalk walk = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            ObjectId id = repository.resolve(ref);
            if (id == null) {
                throw new InvalidRepositoryException("There is no ref '" + ref + "' in " + path.getFileName() + ".");
            }
            RevCommit commit = walk.parseCommit(id);
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            int matching = 0;
            int total = 0;
            while (tree.next()) {
                total++;
                if (filter.test(tree.getPathString())) {
                    matching++;
                }
            }
            return new FileCount(matching, total);
        } catch (IOException e) {
            throw new InvalidRepositoryException("Could not read " + ref + " of " + path + ": " + e.getMessage(), e);
        }
    }

    private static Repository open(Path path) throws IOException {
        if (path == null || !Files.isDirectory(path)) {
            throw new InvalidRepositoryException("There is no folder at " + path + ".");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        Path dotGit = path.resolve(".git");
        builder.setGitDir(Files.isDirectory(dotGit) ? dotGit.toFile() : path.toFile());
        try {
            Repository repository = builder.build();
            if (!repository.getObjectDatabase().exists()) {
                repository.close();
                throw new InvalidRepositoryException(path + " is not a git repository.");
            }
            return repository;
        } catch (org.eclipse.jgit.errors.RepositoryNotFoundException e) {
            throw new InvalidRepositoryException(path + " is not a git repository.", e);
        }
    }

    private static String commitOf(Repository repository, Ref ref) {
        try {
            Ref peeled = repository.getRefDatabase().peel(ref);
            ObjectId id = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
            return id == null ? "" : id.abbreviate(10).name();
        } catch (IOException e) {
            throw new InvalidRepositoryException("Could not read " + ref.getName() + ": " + e.getMessage(), e);
        }
    }
}
