package com.readingroom.access.internal;

import com.readingroom.access.AccessPolicy;
import com.readingroom.access.Agreement;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.access.ReadableProduct;
import com.readingroom.access.Scope;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Decides from the agreements of the person's agency, read afresh on every call. */
@Service
@Transactional(readOnly = true)
class AgreementBasedAccessPolicy implements AccessPolicy {

    private final JpaAgreements agreements;
    private final JpaCatalog catalog;

    AgreementBasedAccessPolicy(JpaAgreements agreements, JpaCatalog catalog) {
        this.agreements = agreements;
        this.catalog = catalog;
    }

    @Override
    public List<ReadableProduct> readableProducts(Person person, Instant instant) {
        if (!person.enabled() || !person.hasRole(Role.REVIEWER) || person.agencyId() == null) {
            return List.of();
        }
        List<ReadableProduct> readable = new ArrayList<>();
        for (Agreement agreement : agreements.ofAgency(person.agencyId())) {
            if (!agreement.isInForceAt(instant)) {
                continue;
            }
            for (Scope scope : agreement.scopes()) {
                if (!scope.isInForceAt(instant)) {
                    continue;
                }
                catalog.findProduct(scope.productId())
                        .map(product -> toReadable(product, agreement, scope))
                        .filter(product -> !product.repositories().isEmpty())
                        .ifPresent(readable::add);
            }
        }
        return List.copyOf(readable);
    }

    private static ReadableProduct toReadable(Product product, Agreement agreement, Scope scope) {
        List<HostedRepository> reached = product.repositories().stream()
                .filter(repository -> scope.coversRepository(repository.name()))
                .toList();
        Instant until = scope.validUntil() != null && scope.validUntil().isBefore(agreement.validUntil())
                ? scope.validUntil()
                : agreement.validUntil();
        return new ReadableProduct(
                product,
                reached,
                agreement.reference(),
                agreement.title(),
                until,
                scope.includePaths(),
                scope.excludePaths(),
                scope.refPatterns());
    }
}
