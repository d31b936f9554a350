package com.readingroom.access.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SourceRepositoryRepository extends JpaRepository<SourceRepositoryEntity, Long> {

    List<SourceRepositoryEntity> findByProductIdOrderByName(long productId);

    boolean existsByName(String name);

    Optional<SourceRepositoryEntity> findByName(String name);
}
