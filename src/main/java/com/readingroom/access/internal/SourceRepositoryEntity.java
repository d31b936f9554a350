package com.readingroom.access.internal;

import com.readingroom.access.HostedRepository;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.Instant;

@Entity
@Table(name = "source_repository")
class SourceRepositoryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "product_id", nullable = false)
    private Long productId;

    @Column(nullable = false, unique = true)
    private String name;

    private String description;

    @Column(name = "storage_path", nullable = false)
    private String storagePath;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SourceRepositoryEntity() {}

    SourceRepositoryEntity(long productId, String name, String description, Path storagePath, Instant createdAt) {
        this.productId = productId;
        this.name = name;
        this.description = description;
        this.storagePath = storagePath.toString();
        this.createdAt = createdAt;
    }

    Long productId() {
        return productId;
    }

    HostedRepository toHostedRepository(String productName) {
        return new HostedRepository(id, productId, productName, name, description, Path.of(storagePath));
    }
}
