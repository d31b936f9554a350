package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditEntry;
import com.readingroom.audit.AuditFilter;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.audit.AuditTrail;
import com.readingroom.audit.internal.note.Checkpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

@Service
@PreAuthorize("hasRole('AUDITOR')")
class LedgerAuditTrail implements AuditTrail {

    private static final String COLUMNS = "seq, at, actor, agency_id, agreement, action, target, detail, leaf";

    private final JdbcTemplate jdbc;
    private final LedgerReader ledger;
    private final Checkpointer checkpointer;
    private final BundleExporter bundles;
    private final LedgerWatch watch;
    private final AuditLog auditLog;

    LedgerAuditTrail(
            JdbcTemplate jdbc,
            LedgerReader ledger,
            Checkpointer checkpointer,
            BundleExporter bundles,
            LedgerWatch watch,
            AuditLog auditLog) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.checkpointer = checkpointer;
        this.bundles = bundles;
        this.watch = watch;
        this.auditLog = auditLog;
    }

    // Not a default method of the interface: the class's role check applies only to methods the class declares.
    @Override
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        return find(filter, true, offset, limit);
    }

    @Override
    public List<AuditEntry> find(AuditFilter filter, boolean newestFirst, int offset, int limit) {
        FilterSql where = FilterSql.of(filter);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(limit);
        arguments.add(offset);
        return jdbc.query(
                "select " + COLUMNS + " from audit_event" + where.where() + " order by seq"
                        + (newestFirst ? " desc" : "") + " limit ? offset ?",
                (row, i) -> entry(row),
                arguments.toArray());
    }

    @Override
    public int count(AuditFilter filter) {
        FilterSql where = FilterSql.of(filter);
        return jdbc.queryForObject(
                "select count(*) from audit_event" + where.where(),
                Integer.class,
                where.arguments().toArray());
    }

    @Override
    public Optional<Proven> prove(long seq) {
        List<AuditEntry> entries =
                jdbc.query("select " + COLUMNS + " from audit_event where seq = ?", (row, i) -> entry(row), seq);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        return ledger.latestCheckpoint()
                .map(note -> Checkpoint.parse(checkpointer.verifier().open(note)))
                .filter(checkpoint -> checkpoint.size() > seq)
                .map(checkpoint -> new Proven(
                        entries.getFirst(),
                        ledger.checkpoint(checkpoint.size()).orElseThrow(),
                        ledger.inclusionProof(seq, checkpoint.size()).stream()
                                .map(Base64.getEncoder()::encodeToString)
                                .toList()));
    }

    @Override
    public Summary summarize(Instant since) {
        Timestamp from = Timestamp.from(since);
        SortedMap<String, Map<Long, Long>> perDay = new TreeMap<>();
        jdbc.query(
                "select cast(at as date), agency_id, count(*) from audit_event where at >= ?"
                        + " group by cast(at as date), agency_id",
                row -> {
                    long agencyId = row.getLong(2);
                    Long agency = row.wasNull() ? null : agencyId;
                    perDay.computeIfAbsent(row.getDate(1).toLocalDate().toString(), day -> new HashMap<>())
                            .put(agency, row.getLong(3));
                },
                from);
        SortedMap<String, Long> denied = new TreeMap<>();
        jdbc.query(
                "select cast(at as date), count(*) from audit_event where at >= ? and action = ?"
                        + " group by cast(at as date)",
                row -> {
                    denied.put(row.getDate(1).toLocalDate().toString(), row.getLong(2));
                },
                from,
                AuditAction.ACCESS_DENIED.name());
        List<Map.Entry<String, Long>> topFiles = jdbc.query(
                "select repository, path, count(*) as views from audit_event where at >= ? and action = ?"
                        + " and repository is not null group by repository, path order by views desc, repository, path"
                        + " limit 10",
                (row, i) -> Map.entry(row.getString(1) + ":" + row.getString(2), row.getLong(3)),
                from,
                AuditAction.FILE_VIEW.name());
        return new Summary(perDay, denied, topFiles);
    }

    @Override
    public String verifierKey() {
        return checkpointer.verifierKey();
    }

    @Override
    public void exportCsv(AuditFilter filter, OutputStream out) {
        auditLog.append(AuditRecord.of(AuditAction.EXPORT, "audit CSV", filter.toString()));
        FilterSql where = FilterSql.of(filter);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader("seq", "time", "actor", "agency", "agreement", "action", "target", "detail")
                        .get()
                        .print(writer)) {
            jdbc.query(
                    "select " + COLUMNS + " from audit_event" + where.where() + " order by seq",
                    row -> {
                        try {
                            AuditEntry entry = entry(row);
                            csv.printRecord(
                                    entry.seq(),
                                    entry.at(),
                                    entry.actor(),
                                    entry.agencyId(),
                                    entry.agreement(),
                                    entry.action(),
                                    entry.target(),
                                    entry.detail());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    where.arguments().toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV export", e);
        }
    }

    @Override
    public void exportBundle(AuditFilter filter, OutputStream out) {
        bundles.export(filter, out);
    }

    @Override
    public Verification verify(LongConsumer progress) {
        return watch.verifyAndRecord(progress);
    }

    @Override
    public Optional<Verification> lastVerification() {
        return watch.last();
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        long agencyId = row.getLong("agency_id");
        Long agency = row.wasNull() ? null : agencyId;
        return new AuditEntry(
                row.getLong("seq"),
                row.getTimestamp("at").toInstant(),
                row.getString("actor"),
                agency,
                row.getString("agreement"),
                AuditAction.valueOf(row.getString("action")),
                row.getString("target"),
                row.getString("detail"),
                row.getString("leaf"));
    }
}
