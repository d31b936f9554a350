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

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
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

    /**
     * @throws IllegalStateException if the agreement is not a draft
     */
    void activate() {
        if (status != AgreementStatus.DRAFT) {
            throw new IllegalStateException(
                    "Agreement " + reference + " is " + status + "; only a draft can be activated.");
        }
        if (scopes.isEmpty()) {
            throw new IllegalStateException("Agreement " + reference + " grants nothing yet: add a scope first.");
        }
        status = AgreementStatus.ACTIVE;
    }
}
