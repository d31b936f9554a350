package com.readingroom.audit.internal;

import org.springframework.data.repository.Repository;

/** Append-only by construction: the only write it offers is {@code save} of a new record. */
interface AuditEventRepository extends Repository<AuditEventEntity, Long> {

    AuditEventEntity save(AuditEventEntity event);

    long count();
}
