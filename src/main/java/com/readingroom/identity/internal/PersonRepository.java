package com.readingroom.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<PersonEntity, Long> {

    Optional<PersonEntity> findByUsername(String username);

    /** @throws IllegalArgumentException naming the account when there is none */
    default PersonEntity require(String username) {
        return findByUsername(username).orElseThrow(() -> new IllegalArgumentException("No account " + username));
    }

    boolean existsByUsername(String username);

    List<PersonEntity> findByEmailIgnoreCase(String email);

    List<PersonEntity> findByAgencyIdOrderByUsername(long agencyId);
}
