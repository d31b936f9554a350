package com.readingroom.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<PersonEntity, Long> {

    Optional<PersonEntity> findByUsername(String username);

    boolean existsByUsername(String username);

    List<PersonEntity> findByAgencyIdOrderByUsername(long agencyId);
}
