package com.readingroom.access.internal;

import com.readingroom.access.Agreement;
import com.readingroom.access.Agreements;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.access.PathGlob;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaAgreements implements Agreements {

    private final AgreementRepository agreements;
    private final AgencyRepository agencies;
    private final ProductRepository products;
    private final Clock clock;

    JpaAgreements(AgreementRepository agreements, AgencyRepository agencies, ProductRepository products, Clock clock) {
        this.agreements = agreements;
        this.agencies = agencies;
        this.products = products;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement createDraft(NewAgreement draft) {
        if (draft.reference() == null || draft.reference().isBlank()) {
            throw new IllegalArgumentException("An agreement needs a reference number.");
        }
        if (agreements.existsByReference(draft.reference().strip())) {
            throw new IllegalArgumentException("Reference " + draft.reference().strip() + " is already in use.");
        }
        if (agencies.findById(draft.agencyId()).isEmpty()) {
            throw new IllegalArgumentException("No agency with id " + draft.agencyId());
        }
        if (draft.validFrom() == null
                || draft.validUntil() == null
                || !draft.validUntil().isAfter(draft.validFrom())) {
            throw new IllegalArgumentException("An agreement's valid-until must be after its valid-from.");
        }
        AgreementEntity entity = new AgreementEntity(
                draft.reference().strip(),
                draft.agencyId(),
                draft.title(),
                draft.terms(),
                draft.validFrom(),
                draft.validUntil(),
                clock.instant());
        return toAgreement(agreements.save(entity));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement addScope(long agreementId, NewScope scope) {
        AgreementEntity agreement = load(agreementId);
        if (products.findById(scope.productId()).isEmpty()) {
            throw new IllegalArgumentException("No product with id " + scope.productId());
        }
        scope.includePaths().forEach(PathGlob::compile);
        scope.excludePaths().forEach(PathGlob::compile);
        for (String ref : scope.refPatterns()) {
            if (!ref.startsWith("refs/") || ref.contains("..") || ref.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(
                        "Ref pattern '" + ref + "' must be a full ref glob such as 'refs/tags/release/*'.");
            }
        }
        agreement.addScope(new ScopeEntity(
                agreement,
                scope.productId(),
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns(),
                scope.validFrom(),
                scope.validUntil()));
        return toAgreement(agreements.save(agreement));
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement activate(long agreementId) {
        AgreementEntity agreement = load(agreementId);
        agreement.activate();
        return toAgreement(agreement);
    }

    @Override
    public Optional<Agreement> findByReference(String reference) {
        return agreements.findByReference(reference).map(this::toAgreement);
    }

    @Override
    public List<Agreement> ofAgency(long agencyId) {
        return agreements.findByAgencyIdOrderByValidFromDesc(agencyId).stream()
                .map(this::toAgreement)
                .toList();
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public List<Agreement> list(int offset, int limit) {
        return agreements.findAll(Pages.of(offset, limit, Sort.by("reference"))).stream()
                .map(this::toAgreement)
                .toList();
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public int count() {
        return Math.toIntExact(agreements.count());
    }

    private AgreementEntity load(long agreementId) {
        return agreements
                .findById(agreementId)
                .orElseThrow(() -> new IllegalArgumentException("No agreement with id " + agreementId));
    }

    Agreement toAgreement(AgreementEntity agreement) {
        String agencyName =
                agencies.findById(agreement.agencyId()).map(AgencyEntity::name).orElse("?");
        return new Agreement(
                agreement.id(),
                agreement.reference(),
                agreement.agencyId(),
                agencyName,
                agreement.title(),
                agreement.terms(),
                agreement.validFrom(),
                agreement.validUntil(),
                agreement.status(),
                agreement.scopes().stream()
                        .map(scope -> scope.toScope(products.findById(scope.productId())
                                .map(ProductEntity::name)
                                .orElse("?")))
                        .toList());
    }
}
