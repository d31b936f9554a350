package com.readingroom.access.internal;

import com.readingroom.access.Catalog;
import com.readingroom.access.HostedRepository;
import com.readingroom.access.Product;
import com.readingroom.access.RepositoryRegistered;
import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditLog;
import com.readingroom.audit.AuditRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JpaCatalog implements Catalog {

    private final ApplicationEventPublisher events;

    /** Repository names appear in URLs and as the first segment of scope patterns. */
    private static final Pattern REPOSITORY_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final ProductRepository products;
    private final SourceRepositoryRepository repositories;
    private final AuditLog auditLog;
    private final Clock clock;

    JpaCatalog(
            ProductRepository products,
            SourceRepositoryRepository repositories,
            AuditLog auditLog,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.products = products;
        this.repositories = repositories;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public Product registerProduct(String name, String description) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A product needs a name.");
        }
        if (products.findByName(name.strip()).isPresent()) {
            throw new IllegalArgumentException("A product named '" + name.strip() + "' already exists.");
        }
        Product product = toProduct(products.save(new ProductEntity(name.strip(), description, clock.instant())));
        auditLog.append(AuditRecord.of(AuditAction.PRODUCT_REGISTERED, "product " + product.name(), description));
        return product;
    }

    @Override
    @Transactional
    @PreAuthorize("hasRole('PROGRAM_MANAGER')")
    public HostedRepository registerRepository(long productId, String name, String description, Path storagePath) {
        ProductEntity product = products.findById(productId)
                .orElseThrow(() -> new IllegalArgumentException("No product with id " + productId));
        if (name == null || !REPOSITORY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Repository name '" + name
                    + "' is not valid: use lower-case letters, digits, dots, dashes or underscores.");
        }
        if (repositories.existsByName(name)) {
            throw new IllegalArgumentException("A repository named '" + name + "' is already registered.");
        }
        SourceRepositoryEntity saved = repositories.save(new SourceRepositoryEntity(
                productId, name, description, storagePath.toAbsolutePath().normalize(), clock.instant()));
        HostedRepository registered = saved.toHostedRepository(product.name());
        auditLog.append(AuditRecord.of(
                AuditAction.REPOSITORY_REGISTERED,
                "repository " + name,
                "in product " + product.name() + " at " + registered.storagePath()));
        events.publishEvent(new RepositoryRegistered(name, product.name()));
        return registered;
    }

    @Override
    public Optional<Product> findProduct(String name) {
        return products.findByName(name).map(this::toProduct);
    }

    @Override
    public List<Product> products() {
        return products.findAll(Sort.by("name")).stream().map(this::toProduct).toList();
    }

    @Override
    public Optional<HostedRepository> findRepository(String name) {
        return repositories
                .findByName(name)
                .flatMap(repository -> products.findById(repository.productId())
                        .map(product -> repository.toHostedRepository(product.name())));
    }

    Optional<Product> findProduct(long id) {
        return products.findById(id).map(this::toProduct);
    }

    private Product toProduct(ProductEntity product) {
        List<HostedRepository> members = repositories.findByProductIdOrderByName(product.id()).stream()
                .map(repository -> repository.toHostedRepository(product.name()))
                .toList();
        return new Product(product.id(), product.name(), product.description(), members);
    }
}
