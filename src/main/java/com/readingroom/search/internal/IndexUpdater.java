package com.readingroom.search.internal;

import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.access.RepositoryRegistered;
import com.readingroom.search.IndexStatus;
import com.readingroom.search.SearchIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index up to date: one thread ({@code search-updater}) checks every repository on a schedule and on
 * demand, one repository at a time. Stops before the index closes (see {@link #getPhase}): it asks a running update
 * to give up, and an update given up is rolled back, never committed half-way.
 */
@Service
@EnableConfigurationProperties(SearchProperties.class)
class IndexUpdater implements SearchIndex, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);

    private final Catalog catalog;
    private final CodeIndex index;
    private final RepositoryIndexer indexer;
    private final IndexProgress progress;
    private final SearchProperties properties;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean stopping;

    IndexUpdater(
            Catalog catalog,
            CodeIndex index,
            RepositoryIndexer indexer,
            IndexProgress progress,
            SearchProperties properties) {
        this.catalog = catalog;
        this.index = index;
        this.indexer = indexer;
        this.progress = progress;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        stopping = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-updater");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.updateInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::queueUpdate, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** The first update runs once the application is ready, after the demo data or a restore has run. */
    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (properties.indexOnStartup()) {
            queueUpdate();
        }
    }

    /** A repository just registered is indexed at once, not at the next scheduled check. */
    @TransactionalEventListener(fallbackExecution = true)
    void onRegistered(RepositoryRegistered registered) {
        progress.queued(registered.repository());
        queueUpdate();
    }

    @Override
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public void requestUpdate() {
        repositories().forEach(repository -> progress.queued(repository.name()));
        queueUpdate();
    }

    private void queueUpdate() {
        ScheduledExecutorService running = scheduler;
        if (running != null && !stopping && queued.compareAndSet(false, true)) {
            pending.incrementAndGet();
            try {
                running.execute(this::runUpdate);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                queued.set(false);
                pending.decrementAndGet();
            }
        }
    }

    private void runUpdate() {
        queued.set(false);
        try {
            for (HostedRepository repository : repositories()) {
                if (stopping) {
                    return;
                }
                try {
                    indexer.update(repository, () -> stopping);
                } catch (Exception e) {
                    // One repository that cannot be indexed must not keep the others stale.
                    log.error("Indexing repository {} failed", repository.name(), e);
                }
            }
        } catch (RuntimeException e) {
            log.error("The index update could not list the repositories", e);
        } finally {
            if (pending.decrementAndGet() <= 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private List<HostedRepository> repositories() {
        return repositories(catalog);
    }

    /** Every registered repository, product by product. */
    static List<HostedRepository> repositories(Catalog catalog) {
        List<HostedRepository> all = new ArrayList<>();
        for (Product product : catalog.products()) {
            all.addAll(product.repositories());
        }
        return all;
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public List<IndexStatus> status() {
        return progress.statuses(repositories(), index.state());
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0 || queued.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        ScheduledExecutorService running = scheduler;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return CodeIndex.PHASE + 1;
    }
}
