package com.readingroom.access.internal;

import com.readingroom.access.AgreementStatus;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "agreement")
class AgreementEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String reference;

    @Column(name = "agency_id", nullable = false)
    private Long agencyId;

    @Column(nullable = false)
    private String title;

    private String terms;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    private Instant validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgreementStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "machine_access", nullable = false)
    private boolean machineAccess;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<ScopeEntity> scopes = new ArrayList<>();

    protected AgreementEntity() {}

    AgreementEntity(
            String reference,
            long agencyId,
            String title,
            String terms,
            Instant validFrom,
            Instant validUntil,
            Instant createdAt) {
        this.reference = reference;
        this.agencyId = agencyId;
        this.title = title;
        this.terms = terms;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.status = AgreementStatus.DRAFT;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String reference() {
        return reference;
    }

    Long agencyId() {
        return agencyId;
    }

    String title() {
        return title;
    }

    String terms() {
        return terms;
    }

    Instant validFrom() {
        return validFrom;
    }

    Instant validUntil() {
        return validUntil;
    }

    AgreementStatus status() {
        return status;
    }

    List<ScopeEntity> scopes() {
        return scopes;
    }

    void addScope(ScopeEntity scope) {
        scopes.add(scope);
    }

    Instant statusChangedAt() {
        return statusChangedAt;
    }

    String statusReason() {
        return statusReason;
    }

    boolean machineAccess() {
        return machineAccess;
    }

    void allowMachineAccess(boolean allowed) {
        if (status == AgreementStatus.TERMINATED && allowed) {
            throw new IllegalStateException("Agreement " + reference + " is terminated: it allows nothing any more.");
        }
        machineAccess = allowed;
    }

    void edit(String title, String terms, Instant validFrom, Instant validUntil) {
        boolean windowChanged = !validFrom.equals(this.validFrom) || !validUntil.equals(this.validUntil);
        if (windowChanged && status != AgreementStatus.DRAFT) {
            throw new IllegalStateException("Agreement " + reference + " is " + status
                    + ": its window can no longer be edited. Renew it to extend it.");
        }
        this.title = title;
        this.terms = terms;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    /** Moves the stored status, checking the transition against the life cycle at the given instant. */
    void transition(AgreementStatus to, String reason, Instant now) {
        AgreementStatus current = status;
        boolean lapsed = !now.isBefore(validUntil);
        boolean allowed = switch (to) {
            case ACTIVE ->
                // A draft whose window has passed may still be activated, to record an agreement that already ran:
                // it is EXPIRED at once. A suspended one that lapsed must be renewed before it resumes.
                (current == AgreementStatus.DRAFT && !scopes.isEmpty())
                        || (current == AgreementStatus.SUSPENDED && !lapsed);
            case SUSPENDED -> current == AgreementStatus.ACTIVE && !lapsed;
            case TERMINATED -> current != AgreementStatus.TERMINATED;
            case DRAFT, EXPIRED -> false;
        };
        if (!allowed) {
            String why = current == AgreementStatus.DRAFT && scopes.isEmpty() && to == AgreementStatus.ACTIVE
                    ? "it grants nothing yet: add a scope first"
                    : lapsed && current != AgreementStatus.TERMINATED
                            ? "it expired on " + validUntil + " (renew it first)"
                            : "it is " + current;
            throw new IllegalStateException("Agreement " + reference + " cannot become " + to + ": " + why + ".");
        }
        status = to;
        statusChangedAt = now;
        statusReason = reason;
    }

    void renew(Instant newValidUntil) {
        if (status == AgreementStatus.DRAFT || status == AgreementStatus.TERMINATED) {
            throw new IllegalStateException("Agreement " + reference + " is " + status
                    + ": only an active, suspended or expired one is renewed.");
        }
        if (!newValidUntil.isAfter(validUntil)) {
            throw new IllegalArgumentException(
                    "The new valid-until must be after the current one (" + validUntil + ").");
        }
        validUntil = newValidUntil;
    }
}
