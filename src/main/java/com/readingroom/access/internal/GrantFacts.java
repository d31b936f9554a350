package com.readingroom.access.internal;

import com.readingroom.access.AgencyStatus;
import com.readingroom.access.Agreement;
import com.readingroom.access.AgreementStatus;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Scope;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the access policy reads on every request, in three plain SQL queries: an agency's status, a repository by
 * name, and an agency's agreements with their scopes. The policy runs for every view, listing and search, so this
 * path stays off the ORM; the rows are the same ones {@link JpaAgreements} and {@link JpaCatalog} map.
 */
@Component
class GrantFacts {

    /** The agency's status and its agreements with their scopes, in one query (one row even without agreements). */
    private static final String AGENCY_GRANTS = """
            select agc.status as agency_status, ag.id, ag.reference, ag.agency_id, agc.name as agency_name, ag.title,
                   ag.terms, ag.valid_from, ag.valid_until, ag.status, ag.status_changed_at, ag.status_reason,
                   ag.machine_access,
                   s.id as scope_id, s.product_id, p.name as product_name, s.include_paths, s.exclude_paths,
                   s.ref_patterns, s.valid_from as scope_from, s.valid_until as scope_until
              from agency agc
              left join agreement ag on ag.agency_id = agc.id
              left join agreement_scope s on s.agreement_id = ag.id
              left join product p on p.id = s.product_id
             where agc.id = ?
             order by ag.reference, s.id
            """;

    /**
     * An agency as the policy sees it.
     *
     * @param status empty when there is no such agency
     * @param agreements its agreements, by reference, each with its scopes
     */
    record AgencyGrants(Optional<AgencyStatus> status, List<Agreement> agreements) {}

    private final JdbcTemplate jdbc;

    GrantFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final org.springframework.jdbc.core.RowMapper<HostedRepository> HOSTED_REPOSITORY =
            (rs, row) -> new HostedRepository(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Path.of(rs.getString(6)));

    Optional<HostedRepository> repository(String name) {
        return jdbc
                .query(
                        "select r.id, r.product_id, p.name, r.name, r.description, r.storage_path"
                                + " from source_repository r join product p on p.id = r.product_id where r.name = ?",
                        HOSTED_REPOSITORY,
                        name)
                .stream()
                .findFirst();
    }

    /** The repositories of a product, in name order. */
    List<HostedRepository> repositoriesOf(long productId) {
        return jdbc.query(
                "select r.id, r.product_id, p.name, r.name, r.description, r.storage_path"
                        + " from source_repository r join product p on p.id = r.product_id where r.product_id = ?"
                        + " order by r.name",
                HOSTED_REPOSITORY,
                productId);
    }

    AgencyGrants agency(long agencyId) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        AgencyStatus[] status = new AgencyStatus[1];
        jdbc.query(
                AGENCY_GRANTS,
                (ResultSet rs) -> {
                    status[0] = AgencyStatus.valueOf(rs.getString("agency_status"));
                    long id = rs.getLong("id");
                    if (rs.wasNull()) {
                        return;
                    }
                    Row row = rows.computeIfAbsent(id, key -> new Row(new ArrayList<>()));
                    if (row.header == null) {
                        row.header = header(rs);
                    }
                    long scopeId = rs.getLong("scope_id");
                    if (!rs.wasNull()) {
                        row.scopes.add(new Scope(
                                scopeId,
                                rs.getLong("product_id"),
                                rs.getString("product_name"),
                                lines(rs.getString("include_paths")),
                                lines(rs.getString("exclude_paths")),
                                lines(rs.getString("ref_patterns")),
                                instant(rs.getTimestamp("scope_from")),
                                instant(rs.getTimestamp("scope_until"))));
                    }
                },
                agencyId);
        return new AgencyGrants(
                Optional.ofNullable(status[0]),
                rows.values().stream().map(Row::toAgreement).toList());
    }

    private static Agreement header(ResultSet rs) throws SQLException {
        return new Agreement(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getLong("agency_id"),
                rs.getString("agency_name"),
                rs.getString("title"),
                rs.getString("terms"),
                instant(rs.getTimestamp("valid_from")),
                instant(rs.getTimestamp("valid_until")),
                AgreementStatus.valueOf(rs.getString("status")),
                instant(rs.getTimestamp("status_changed_at")),
                rs.getString("status_reason"),
                rs.getBoolean("machine_access"),
                List.of());
    }

    /** As {@link LinesConverter} stores them: one pattern per line. */
    private static List<String> lines(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.asList(column.split("\n"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static final class Row {
        private final List<Scope> scopes;
        private Agreement header;

        Row(List<Scope> scopes) {
            this.scopes = scopes;
        }

        Agreement toAgreement() {
            return new Agreement(
                    header.id(),
                    header.reference(),
                    header.agencyId(),
                    header.agencyName(),
                    header.title(),
                    header.terms(),
                    header.validFrom(),
                    header.validUntil(),
                    header.storedStatus(),
                    header.statusChangedAt(),
                    header.statusReason(),
                    header.machineAccess(),
                    scopes);
        }
    }
}
