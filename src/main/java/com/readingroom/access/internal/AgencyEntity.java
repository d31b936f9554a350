package com.readingroom.access.internal;

import com.readingroom.access.Agency;
import com.readingroom.access.AgencyStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "agency")
class AgencyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    private String country;

    private String contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AgencyStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgencyEntity() {}

    AgencyEntity(String name, String country, String contact, Instant createdAt) {
        this.name = name;
        this.country = country;
        this.contact = contact;
        this.status = AgencyStatus.ACTIVE;
        this.createdAt = createdAt;
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    void setStatus(AgencyStatus status) {
        this.status = status;
    }

    Agency toAgency() {
        return new Agency(id, name, country, contact, status);
    }
}
