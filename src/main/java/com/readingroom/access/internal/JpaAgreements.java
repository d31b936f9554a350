package com.readingroom.access.internal;

import com.readingroom.access.Agreement;
import com.readingroom.access.AgreementEdit;
import com.readingroom.access.AgreementEvent;
import com.readingroom.access.AgreementStatus;
import com.readingroom.access.AgreementStatusChanged;
import com.readingroom.access.Agreements;
import com.readingroom.access.NewAgreement;
import com.readingroom.access.NewScope;
import com.readingroom.access.PathGlob;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.shared.Pages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agreements and their scopes. Every change is written to the agreement's timeline and to the audit log. */
@Service
@Transactional(readOnly = true)
class JpaAgreements implements Agreements {

    private final AgreementRepository agreements;
    private final AgreementEventRepository timeline;
    private final AgencyRepository agencies;
    private final ProductRepository products;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    JpaAgreements(
            AgreementRepository agreements,
            AgreementEventRepository timeline,
            AgencyRepository agencies,
            ProductRepository products,
            AuditLog auditLog,
            Clock clock,
            ApplicationEventPublisher events) {
        this.agreements = agreements;
        this.timeline = timeline;
        this.agencies = agencies;
        this.products = products;
        this.auditLog = auditLog;
        this.clock = clock;
        this.events = events;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement createDraft(NewAgreement draft) {
        String reference = draft.reference() == null ? "" : draft.reference().strip();
        if (!reference.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,49}")) {
            throw new IllegalArgumentException(
                    "A reference number is 1 to 50 letters, digits, dots, dashes or slashes, e.g. 'RR-2026-001'.");
        }
        if (agreements.existsByReference(reference)) {
            throw new IllegalArgumentException("Reference " + reference + " is already in use.");
        }
        if (agencies.findById(draft.agencyId()).isEmpty()) {
            throw new IllegalArgumentException("No agency with id " + draft.agencyId());
        }
        requireTitle(draft.title());
        requireWindow(draft.validFrom(), draft.validUntil());
        AgreementEntity entity = agreements.save(new AgreementEntity(
                reference,
                draft.agencyId(),
                draft.title().strip(),
                draft.terms(),
                draft.validFrom(),
                draft.validUntil(),
                clock.instant()));
        record(entity, "CREATED", null, AgreementStatus.DRAFT, AuditAction.AGREEMENT_CREATED, null, draft.title());
        return toAgreement(entity);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement edit(long agreementId, AgreementEdit edit) {
        AgreementEntity agreement = load(agreementId);
        requireTitle(edit.title());
        requireWindow(edit.validFrom(), edit.validUntil());
        agreement.edit(edit.title().strip(), edit.terms(), edit.validFrom(), edit.validUntil());
        record(
                agreement,
                "EDITED",
                null,
                null,
                AuditAction.AGREEMENT_CHANGED,
                null,
                "title '" + edit.title().strip() + "', valid " + edit.validFrom() + " to " + edit.validUntil());
        return toAgreement(agreement);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement allowMachineAccess(long agreementId, boolean allowed) {
        AgreementEntity agreement = load(agreementId);
        if (agreement.machineAccess() == allowed) {
            return toAgreement(agreement);
        }
        agreement.allowMachineAccess(allowed);
        record(
                agreement,
                allowed ? "MACHINE_ACCESS_ALLOWED" : "MACHINE_ACCESS_WITHDRAWN",
                null,
                null,
                AuditAction.AGREEMENT_CHANGED,
                null,
                allowed ? "machine access allowed" : "machine access withdrawn");
        return toAgreement(agreement);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement addScope(long agreementId, NewScope scope) {
        AgreementEntity agreement = loadChangeable(agreementId);
        validate(scope);
        ScopeEntity entity = new ScopeEntity(
                agreement,
                scope.productId(),
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns(),
                scope.validFrom(),
                scope.validUntil());
        agreement.addScope(entity);
        agreements.saveAndFlush(agreement);
        record(agreement, "SCOPE_ADDED", null, null, AuditAction.GRANT_ADDED, entity.id(), describe(scope));
        return toAgreement(agreement);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement changeScope(long agreementId, long scopeId, NewScope scope) {
        AgreementEntity agreement = loadChangeable(agreementId);
        validate(scope);
        ScopeEntity entity = scopeOf(agreement, scopeId);
        entity.change(
                scope.productId(),
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns(),
                scope.validFrom(),
                scope.validUntil());
        record(agreement, "SCOPE_CHANGED", null, null, AuditAction.GRANT_CHANGED, scopeId, describe(scope));
        return toAgreement(agreement);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement removeScope(long agreementId, long scopeId) {
        AgreementEntity agreement = loadChangeable(agreementId);
        ScopeEntity entity = scopeOf(agreement, scopeId);
        String described = describe(entity);
        agreement.scopes().remove(entity);
        record(agreement, "SCOPE_REMOVED", null, null, AuditAction.GRANT_REVOKED, scopeId, described);
        return toAgreement(agreement);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement activate(long agreementId) {
        return transition(agreementId, AgreementStatus.ACTIVE, null, "ACTIVATED", AuditAction.AGREEMENT_ACTIVATED);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement suspend(long agreementId, String reason) {
        return transition(
                agreementId,
                AgreementStatus.SUSPENDED,
                requireReason(reason, "suspension"),
                "SUSPENDED",
                AuditAction.AGREEMENT_SUSPENDED);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement resume(long agreementId) {
        return transition(agreementId, AgreementStatus.ACTIVE, null, "RESUMED", AuditAction.AGREEMENT_RESUMED);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement terminate(long agreementId, String reason) {
        return transition(
                agreementId,
                AgreementStatus.TERMINATED,
                requireReason(reason, "termination"),
                "TERMINATED",
                AuditAction.AGREEMENT_TERMINATED);
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Agreement renew(long agreementId, Instant newValidUntil) {
        AgreementEntity agreement = load(agreementId);
        if (newValidUntil == null) {
            throw new IllegalArgumentException("Give the new valid-until.");
        }
        Instant before = agreement.validUntil();
        agreement.renew(newValidUntil);
        record(
                agreement,
                "RENEWED",
                null,
                null,
                AuditAction.AGREEMENT_RENEWED,
                null,
                "valid until " + before + " → " + newValidUntil);
        return toAgreement(agreement);
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public List<AgreementEvent> timeline(long agreementId) {
        return timeline.findByAgreementIdOrderByAtAscIdAsc(agreementId).stream()
                .map(AgreementEventEntity::toEvent)
                .toList();
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public Optional<Agreement> find(long agreementId) {
        return agreements.findById(agreementId).map(this::toAgreement);
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR')")
    public Optional<Agreement> findByReference(String reference) {
        return agreements.findByReference(reference).map(this::toAgreement);
    }

    @Override
    @PreAuthorize("hasAnyRole('PROGRAM_MANAGER', 'AUDITOR') or @agencyMembership.isOwnAgency(#agencyId)")
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

    private Agreement transition(long agreementId, AgreementStatus to, String reason, String kind, AuditAction action) {
        AgreementEntity agreement = load(agreementId);
        AgreementStatus from = toAgreement(agreement).statusAt(clock.instant());
        agreement.transition(to, reason, clock.instant());
        record(agreement, kind, from, to, action, null, reason);
        events.publishEvent(
                new AgreementStatusChanged(agreement.id(), agreement.reference(), agreement.agencyId(), to));
        return toAgreement(agreement);
    }

    private void record(
            AgreementEntity agreement,
            String kind,
            AgreementStatus from,
            AgreementStatus to,
            AuditAction action,
            Long scopeId,
            String detail) {
        timeline.save(new AgreementEventEntity(
                agreement.id(), clock.instant(), CurrentPerson.actorName(), kind, from, to, detail));
        auditLog.append(new AuditRecord(
                action,
                agreement.agencyId(),
                agreement.reference(),
                scopeId,
                "agreement " + agreement.reference(),
                detail));
    }

    private AgreementEntity load(long agreementId) {
        return agreements
                .findById(agreementId)
                .orElseThrow(() -> new IllegalArgumentException("No agreement with id " + agreementId));
    }

    /** Scopes of a terminated agreement are history: they are kept as they were. */
    private AgreementEntity loadChangeable(long agreementId) {
        AgreementEntity agreement = load(agreementId);
        if (agreement.status() == AgreementStatus.TERMINATED) {
            throw new IllegalStateException(
                    "Agreement " + agreement.reference() + " is terminated; its scopes can no longer change.");
        }
        return agreement;
    }

    private static ScopeEntity scopeOf(AgreementEntity agreement, long scopeId) {
        return agreement.scopes().stream()
                .filter(scope -> scope.id() == scopeId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Agreement " + agreement.reference() + " has no scope with id " + scopeId));
    }

    private void validate(NewScope scope) {
        if (products.findById(scope.productId()).isEmpty()) {
            throw new IllegalArgumentException("No product with id " + scope.productId());
        }
        scope.includePaths().forEach(PathGlob::compile);
        scope.excludePaths().forEach(PathGlob::compile);
        for (String ref : scope.refPatterns()) {
            if (!ref.startsWith("refs/heads/") && !ref.startsWith("refs/tags/")) {
                throw new IllegalArgumentException("Ref pattern '" + ref
                        + "' must start with 'refs/heads/' or 'refs/tags/', e.g. 'refs/tags/release/*'.");
            }
            PathGlob.compile(ref);
        }
        if (scope.validFrom() != null
                && scope.validUntil() != null
                && !scope.validUntil().isAfter(scope.validFrom())) {
            throw new IllegalArgumentException("A scope's valid-until must be after its valid-from.");
        }
    }

    private static void requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("An agreement needs a title.");
        }
    }

    private static void requireWindow(Instant from, Instant until) {
        if (from == null || until == null) {
            throw new IllegalArgumentException("An agreement needs a valid-from and a valid-until.");
        }
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException(
                    "The valid-until (" + until + ") must be after the valid-from (" + from + ").");
        }
    }

    private static String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for the " + what + "; it is shown to the agency.");
        }
        return reason.strip();
    }

    private String describe(NewScope scope) {
        String product =
                products.findById(scope.productId()).map(ProductEntity::name).orElse("?");
        return ScopeText.describe(
                product,
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns(),
                scope.validFrom(),
                scope.validUntil());
    }

    private String describe(ScopeEntity scope) {
        return ScopeText.describe(toScope(scope));
    }

    private com.readingroom.access.Scope toScope(ScopeEntity scope) {
        return scope.toScope(
                products.findById(scope.productId()).map(ProductEntity::name).orElse("?"));
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
                agreement.statusChangedAt(),
                agreement.statusReason(),
                agreement.machineAccess(),
                agreement.scopes().stream().map(this::toScope).toList());
    }
}
