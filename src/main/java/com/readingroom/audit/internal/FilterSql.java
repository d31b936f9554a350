package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditFilter;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** An {@link AuditFilter} as SQL conditions on {@code audit_event}, with their arguments (never concatenated values). */
record FilterSql(List<String> conditions, List<Object> arguments) {

    static FilterSql of(AuditFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (filter.agencyId() != null) {
            conditions.add("agency_id = ?");
            arguments.add(filter.agencyId());
        }
        if (present(filter.agreement())) {
            conditions.add("agreement = ?");
            arguments.add(filter.agreement().strip());
        }
        if (present(filter.actor())) {
            conditions.add("actor = ?");
            arguments.add(filter.actor().strip());
        }
        if (filter.action() != null) {
            conditions.add("action = ?");
            arguments.add(filter.action().name());
        }
        if (!filter.repositories().isEmpty()) {
            conditions.add("repository in ("
                    + String.join(
                            ", ",
                            filter.repositories().stream().map(name -> "?").toList()) + ")");
            arguments.addAll(filter.repositories());
        }
        if (present(filter.pathPrefix())) {
            conditions.add("path like ? escape '!'");
            arguments.add(filter.pathPrefix()
                            .strip()
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_") + "%");
        }
        if (filter.outcome() == AuditFilter.Outcome.DENIED) {
            conditions.add("action = ?");
            arguments.add(AuditAction.ACCESS_DENIED.name());
        } else if (filter.outcome() == AuditFilter.Outcome.ALLOWED) {
            conditions.add("action <> ?");
            arguments.add(AuditAction.ACCESS_DENIED.name());
        }
        if (filter.since() != null) {
            conditions.add("at >= ?");
            arguments.add(Timestamp.from(filter.since()));
        }
        if (filter.until() != null) {
            conditions.add("at < ?");
            arguments.add(Timestamp.from(filter.until()));
        }
        return new FilterSql(conditions, arguments);
    }

    /** {@code ""} or {@code " where a and b"}. */
    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
