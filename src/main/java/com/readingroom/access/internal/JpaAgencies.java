package com.readingroom.access.internal;

import com.readingroom.access.Agencies;
import com.readingroom.access.Agency;
import com.readingroom.access.AgencyStatus;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.shared.Pages;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaAgencies implements Agencies {

    private final AgencyRepository agencies;
    private final AuditLog auditLog;
    private final Clock clock;

    JpaAgencies(AgencyRepository agencies, AuditLog auditLog, Clock clock) {
        this.agencies = agencies;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agency create(String name, String country, String contact) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An agency needs a name.");
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                    "Country '" + country + "' is not a two-letter ISO 3166 code such as 'BE' or 'NL'.");
        }
        if (agencies.findByName(name.strip()).isPresent()) {
            throw new IllegalArgumentException("An agency named '" + name.strip() + "' already exists.");
        }
        Agency agency = agencies.save(new AgencyEntity(name.strip(), country, contact, clock.instant()))
                .toAgency();
        auditLog.append(new AuditRecord(
                AuditAction.AGENCY_CREATED, agency.id(), null, null, "agency " + agency.name(), country));
        return agency;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agency setStatus(long agencyId, AgencyStatus status) {
        AgencyEntity agency = agencies.findById(agencyId)
                .orElseThrow(() -> new IllegalArgumentException("No agency with id " + agencyId));
        agency.setStatus(status);
        auditLog.append(new AuditRecord(
                AuditAction.AGENCY_CHANGED, agencyId, null, null, "agency " + agency.name(), "status " + status));
        return agency.toAgency();
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR') or @agencyMembership.isOwnAgency(#id)")
    public Optional<Agency> find(long id) {
        return findInternal(id);
    }

    /** For the access policy only, which decides for any person whoever is signed in. */
    Optional<Agency> findInternal(long id) {
        return agencies.findById(id).map(AgencyEntity::toAgency);
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public Optional<Agency> findByName(String name) {
        return agencies.findByName(name).map(AgencyEntity::toAgency);
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public List<Agency> list(int offset, int limit) {
        return agencies.findAll(Pages.of(offset, limit, Sort.by("name"))).stream()
                .map(AgencyEntity::toAgency)
                .toList();
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public int count() {
        return Math.toIntExact(agencies.count());
    }
}
