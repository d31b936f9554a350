package com.readingroom.access.internal;

import java.util.List;
import org.springframework.data.repository.Repository;

interface AgreementEventRepository extends Repository<AgreementEventEntity, Long> {

    AgreementEventEntity save(AgreementEventEntity event);

    List<AgreementEventEntity> findByAgreementIdOrderByAtAscIdAsc(long agreementId);
}
