package com.readingroom.access.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementRepository extends JpaRepository<AgreementEntity, Long> {

    Optional<AgreementEntity> findByReference(String reference);

    List<AgreementEntity> findByAgencyIdOrderByValidFromDesc(long agencyId);

    boolean existsByReference(String reference);
}
