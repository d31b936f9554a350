package com.readingroom.access.internal;

import com.readingroom.access.Scope;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "agreement_scope")
class ScopeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    private AgreementEntity agreement;

    @Column(name = "product_id", nullable = false)
    private Long productId;

    @Convert(converter = LinesConverter.class)
    @Column(name = "include_paths")
    private List<String> includePaths = new ArrayList<>();

    @Convert(converter = LinesConverter.class)
    @Column(name = "exclude_paths")
    private List<String> excludePaths = new ArrayList<>();

    @Convert(converter = LinesConverter.class)
    @Column(name = "ref_patterns")
    private List<String> refPatterns = new ArrayList<>();

    @Column(name = "valid_from")
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    protected ScopeEntity() {}

    ScopeEntity(
            AgreementEntity agreement,
            long productId,
            List<String> includePaths,
            List<String> excludePaths,
            List<String> refPatterns,
            Instant validFrom,
            Instant validUntil) {
        this.agreement = agreement;
        change(productId, includePaths, excludePaths, refPatterns, validFrom, validUntil);
    }

    Long id() {
        return id;
    }

    void change(
            long productId,
            List<String> includePaths,
            List<String> excludePaths,
            List<String> refPatterns,
            Instant validFrom,
            Instant validUntil) {
        this.productId = productId;
        this.includePaths = new ArrayList<>(includePaths);
        this.excludePaths = new ArrayList<>(excludePaths);
        this.refPatterns = new ArrayList<>(refPatterns);
        this.validFrom = validFrom;
        this.validUntil = validUntil;
    }

    Long productId() {
        return productId;
    }

    Scope toScope(String productName) {
        return new Scope(id, productId, productName, includePaths, excludePaths, refPatterns, validFrom, validUntil);
    }
}
