package com.readingroom.audit.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's triggers for the ledger tables (PostgreSQL's are PL/pgSQL, see {@code db/vendor/postgresql}). H2 calls them by
 * class name, so they must stay public with a no-argument constructor.
 */
public final class LedgerTriggers {

    private LedgerTriggers() {}

    /** Refuses every UPDATE and DELETE. */
    public static final class RefuseChange implements Trigger {

        private String table;

        @Override
        public void init(Connection conn, String schema, String trigger, String table, boolean before, int type) {
            this.table = table;
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException("The audit ledger is append-only: changing " + table + " is refused");
        }
    }

    /** Lets the head's size grow (by the events one transaction appends); refuses anything else. */
    public static final class HeadGrows implements Trigger {

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            if (newRow == null || ((Number) newRow[1]).longValue() <= ((Number) oldRow[1]).longValue()) {
                throw new SQLException("The audit ledger is append-only: its head only grows");
            }
        }
    }
}
