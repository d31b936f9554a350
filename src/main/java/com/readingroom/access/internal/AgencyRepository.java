package com.readingroom.access.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyRepository extends JpaRepository<AgencyEntity, Long> {

    Optional<AgencyEntity> findByName(String name);
}
