package com.readingroom.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.support.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger on a real PostgreSQL server: the PL/pgSQL triggers refuse changes, and the log verifies. */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
class PostgresLedgerIT {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Autowired
    AuditLog auditLog;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void appendsVerifyAndTheDatabaseRefusesToRewriteThem() {
        long seq = auditLog.append(AuditRecord.of(AuditAction.EXPORT, "postgres", "ünïcödé"));
        checkpointer.issue();

        for (String change : List.of(
                "update audit_event set detail = 'x' where seq = " + seq,
                "delete from audit_event where seq = " + seq,
                "delete from ledger_node",
                "update ledger_checkpoint set note = 'x'",
                "update ledger_head set size = 0")) {
            assertThatThrownBy(() -> jdbc.update(change))
                    .as(change)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("append-only");
        }
        LedgerVerifier.Report report = verifier.verify(index -> {});
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.events()).isGreaterThan(seq);
    }
}
