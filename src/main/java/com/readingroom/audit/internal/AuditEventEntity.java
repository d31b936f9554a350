package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One audit record. Immutable: there is no setter and Hibernate never issues an UPDATE for it. */
@Entity
@Immutable
@Table(name = "audit_event")
class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(name = "agency_id")
    private Long agencyId;

    private String agreement;

    @Column(name = "scope_id")
    private Long scopeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    private String target;

    private String detail;

    protected AuditEventEntity() {}

    AuditEventEntity(
            Instant at,
            String actor,
            Long agencyId,
            String agreement,
            Long scopeId,
            AuditAction action,
            String target,
            String detail) {
        this.at = at;
        this.actor = actor;
        this.agencyId = agencyId;
        this.agreement = agreement;
        this.scopeId = scopeId;
        this.action = action;
        this.target = target;
        this.detail = detail;
    }

    Long id() {
        return id;
    }
}
