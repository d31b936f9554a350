package com.readingroom.access.internal;

import com.readingroom.access.AgreementEvent;
import com.readingroom.access.AgreementStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

@Entity
@Immutable
@Table(name = "agreement_event")
class AgreementEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agreement_id", nullable = false)
    private Long agreementId;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private AgreementStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private AgreementStatus toStatus;

    private String detail;

    protected AgreementEventEntity() {}

    AgreementEventEntity(
            long agreementId,
            Instant at,
            String actor,
            String kind,
            AgreementStatus fromStatus,
            AgreementStatus toStatus,
            String detail) {
        this.agreementId = agreementId;
        this.at = at;
        this.actor = actor;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.detail = detail;
    }

    AgreementEvent toEvent() {
        return new AgreementEvent(at, actor, kind, fromStatus, toStatus, detail);
    }
}
