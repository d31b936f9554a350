package com.readingroom.audit.internal;

import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.AuditUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for events that are not part of a caller's transaction. One named thread takes every event waiting,
 * writes them in one transaction and commits once; each caller is answered only after that commit, with its own
 * sequence number, or with the failure (then nothing of the batch was written and nobody is shown anything). Many
 * concurrent views thus cost one commit, not one each, while each still returns only once its record is durable.
 */
final class LedgerWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final int MAX_BATCH = 1_000;
    private static final long WAIT_SECONDS = 30;

    private record Pending(AuditRecord record, String actor, ClientInfo client, CompletableFuture<Long> done) {}

    private final JdbcLedger ledger;
    private final TransactionTemplate transaction;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean open = true;

    LedgerWriter(JdbcLedger ledger, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.transaction = transaction;
        this.thread = Thread.ofPlatform().name("ledger-writer").daemon().start(this::run);
    }

    long submit(AuditRecord record, String actor, ClientInfo client) {
        if (!open) {
            throw new AuditUnavailableException(new IllegalStateException("The ledger writer is shut down"));
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        queue.add(new Pending(record, actor, client, done));
        try {
            return done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AuditUnavailableException(e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<Long> seqs;
        try {
            seqs = transaction.execute(status -> ledger.write(batch.stream()
                    .map(pending -> new JdbcLedger.Entry(pending.record(), pending.actor(), pending.client()))
                    .toList()));
        } catch (RuntimeException e) {
            log.error("A batch of {} audit records could not be written; each caller is refused", batch.size(), e);
            batch.forEach(pending -> pending.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(seqs.get(i));
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
