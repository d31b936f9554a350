package com.readingroom.search.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The threads ({@code search-worker-N}, one per core) that share one search's work: the index's segment slices and
 * the snippets of the hits shown, read from git while the search's audit record is written.
 */
@Component
class SearchWorkers implements AutoCloseable {

    private final ExecutorService pool;
    private final int threads;

    SearchWorkers() {
        this.threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "search-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    ExecutorService executor() {
        return pool;
    }

    int threads() {
        return threads;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
