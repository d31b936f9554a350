package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.AuditUnavailableException;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.merkle.MerkleTree;
import com.readingroom.identity.CurrentPerson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit ledger's append. In the caller's transaction it locks the ledger head, takes the next sequence number,
 * writes the event with its leaf bytes and hash, stores the Merkle subtrees the leaf completes, and moves the head:
 * so appends are serialised into one gap-free sequence (a rolled-back append leaves no gap), and an event commits
 * together with the change it records, or not at all.
 */
@Service
class JdbcLedger implements AuditLog {

    private static final int MAX_TEXT = 4000;
    private static final Logger log = LoggerFactory.getLogger(JdbcLedger.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final LedgerWriter writer;
    private final LedgerHalt halt;
    private final MeterRegistry meters;
    private final Timer appendTime;
    private final Counter views;
    private final Counter denials;
    private final Map<AuditAction, Counter> events = new EnumMap<>(AuditAction.class);

    JdbcLedger(JdbcTemplate jdbc, Clock clock, LedgerHalt halt, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.halt = halt;
        this.meters = meters;
        this.appendTime = Timer.builder("readingroom.ledger.append")
                .description("From an append to its record being durable (group commit included)")
                .publishPercentileHistogram()
                .register(meters);
        this.views = Counter.builder("readingroom.views")
                .description("Disclosures of source, each recorded (file, tree, history, diff, search hits)")
                .register(meters);
        for (AuditAction action : AuditAction.values()) {
            events.put(
                    action,
                    Counter.builder("readingroom.audit.events")
                            .description("Audit events appended, by action")
                            .tag("action", action.name())
                            .register(meters));
        }
        this.denials = Counter.builder("readingroom.denials")
                .description("Refusals, each recorded")
                .register(meters);
        // The writer's own transactions touch only the ledger's tables through JDBC: a plain JDBC transaction
        // manager spares each group commit an entity manager that would hold nothing.
        this.writer = new LedgerWriter(
                this,
                new TransactionTemplate(new JdbcTransactionManager(Objects.requireNonNull(jdbc.getDataSource()))));
    }

    /** Stops the writer thread after the events already handed to it are written. */
    @PreDestroy
    void close() {
        writer.close();
    }

    /**
     * Inside a caller's transaction the event is written in it, so that it commits with the change it records. Outside
     * one (a view of source, whose only write is its record) it is handed to the {@link LedgerWriter}, which commits
     * many such events together; either way this returns only once the event is durable.
     */
    @Override
    public long append(AuditRecord record) {
        Timer.Sample sample = Timer.start(meters);
        long seq = appendDurably(record);
        sample.stop(appendTime);
        // Counted only once durable: a refused append disclosed nothing.
        events.get(record.action()).increment();
        if (record.disclosure() != null) {
            views.increment();
        }
        if (record.action() == AuditAction.ACCESS_DENIED) {
            denials.increment();
        }
        return seq;
    }

    private long appendDurably(AuditRecord record) {
        if (record.disclosure() != null) {
            halt.requireRunning();
        }
        String actor = CurrentPerson.actorName();
        ClientInfo client = ClientInfo.current();
        // A read-only transaction cannot carry the record (PostgreSQL refuses the insert): it goes to the writer too.
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return writer.submit(record, actor, client);
        }
        try {
            return write(record, actor, client);
        } catch (DataAccessException e) {
            log.error("Audit record could not be written; the action it records is refused", e);
            throw new AuditUnavailableException(e);
        }
    }

    /** Writes one event in the current transaction; the head row's lock serialises writers until it commits. */
    long write(AuditRecord record, String actor, ClientInfo client) {
        return write(List.of(new Entry(record, actor, client))).getFirst();
    }

    /** One event to write, with who and whence, captured in the caller's thread. */
    record Entry(AuditRecord record, String actor, ClientInfo client) {}

    /**
     * Writes events in the current transaction, in order, with consecutive sequence numbers: one lock of the head,
     * one batch of event rows, one batch of node rows, one move of the head. The nodes completed by earlier events of
     * the same batch are taken from memory, older ones from the table.
     */
    List<Long> write(List<Entry> entries) {
        long size = jdbc.queryForObject("select size from ledger_head where id = 1 for update", Long.class);
        Map<String, byte[]> fresh = new HashMap<>();
        JdbcNodes stored = new JdbcNodes(jdbc);
        MerkleTree batchTree = new MerkleTree((level, index) -> {
            byte[] hash = fresh.get(level + "/" + index);
            return hash != null ? hash : stored.node(level, index);
        });
        List<Object[]> events = new ArrayList<>(entries.size());
        List<Object[]> nodes = new ArrayList<>(entries.size() * 2);
        List<Long> seqs = new ArrayList<>(entries.size());
        Instant at = CanonicalEvent.truncate(clock.instant());
        for (Entry entry : entries) {
            long seq = size + seqs.size();
            AuditRecord record = entry.record();
            AuditRecord clipped = new AuditRecord(
                    record.action(),
                    record.agencyId(),
                    record.agreement(),
                    record.scopeId(),
                    clip(record.target()),
                    clip(record.detail()),
                    record.disclosure());
            String leaf = CanonicalEvent.encode(
                    seq,
                    at,
                    entry.actor(),
                    clipped,
                    entry.client().address(),
                    entry.client().session());
            byte[] leafHash = Hashes.leaf(CanonicalEvent.bytes(leaf));
            events.add(new Object[] {
                seq,
                Timestamp.from(at),
                entry.actor(),
                clipped.agencyId(),
                clipped.agreement(),
                clipped.scopeId(),
                clipped.action().name(),
                clipped.target(),
                clipped.detail(),
                clipped.disclosure() == null ? null : clipped.disclosure().repository(),
                clipped.disclosure() == null ? null : clip(clipped.disclosure().path()),
                leaf,
                HexFormat.of().formatHex(leafHash)
            });
            for (MerkleTree.StoredNode node : batchTree.nodesCompletedBy(seq, leafHash)) {
                fresh.put(node.level() + "/" + node.index(), node.hash());
                nodes.add(
                        new Object[] {node.level(), node.index(), HexFormat.of().formatHex(node.hash())});
            }
            seqs.add(seq);
        }
        jdbc.batchUpdate(
                "insert into audit_event (seq, at, actor, agency_id, agreement, scope_id, action, target, detail,"
                        + " repository, path, leaf, leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events);
        jdbc.batchUpdate("insert into ledger_node (level, idx, hash) values (?, ?, ?)", nodes);
        jdbc.update("update ledger_head set size = ? where id = 1", size + entries.size());
        return seqs;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
