package com.readingroom.source.internal;

import com.readingroom.access.HostedRepository;
import com.readingroom.source.SourceUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The open JGit repositories, one per storage path, kept open for the application's life: opening one reads its pack
 * indexes, too slow to do per view. A {@link Repository} is thread-safe; the walks and readers made from it are not
 * and are made per request. Holds no content and no access decisions.
 */
@Component
class GitRepositories implements DisposableBean {

    private final Map<Path, Repository> open = new ConcurrentHashMap<>();

    /**
     * JGit's caches are one per process and small by default (10 MB of pack, 10 MB of delta bases): enough for one
     * hot file, not for readers spread over a kernel-sized history, where every miss inflates a chain of deltas again.
     */
    GitRepositories(SourceProperties properties) {
        WindowCacheConfig cache = new WindowCacheConfig();
        cache.setPackedGitLimit(properties.packCache().toBytes());
        cache.setDeltaBaseCacheLimit(
                (int) Math.min(Integer.MAX_VALUE, properties.deltaCache().toBytes()));
        // Mapped windows are read without the pack's file lock, which otherwise serialises concurrent readers.
        cache.setPackedGitMMAP(true);
        cache.install();
    }

    Repository open(HostedRepository repository) {
        return open.computeIfAbsent(repository.storagePath().toAbsolutePath().normalize(), path -> {
            Path gitDir = Files.isDirectory(path.resolve(".git")) ? path.resolve(".git") : path;
            try {
                return new FileRepositoryBuilder()
                        .setGitDir(gitDir.toFile())
                        .setMustExist(true)
                        .build();
            } catch (IOException e) {
                throw new SourceUnavailableException(
                        "Repository '" + repository.name() + "' cannot be read right now; the vendor has been told.",
                        e);
            }
        });
    }

    @Override
    public void destroy() {
        open.values().forEach(Repository::close);
        open.clear();
    }
}
