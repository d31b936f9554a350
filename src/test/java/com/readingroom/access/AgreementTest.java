package com.readingroom.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");

    private static Agreement agreement(AgreementStatus status) {
        return new Agreement(1, "RR-1", 1, "Agency", "Title", "", FROM, UNTIL, status, null, null, false, List.of());
    }

    @Test
    void anActiveAgreementIsInForceOnlyWithinItsWindow() {
        Agreement active = agreement(AgreementStatus.ACTIVE);
        assertThat(active.isInForceAt(FROM.minusSeconds(1))).isFalse();
        assertThat(active.isInForceAt(FROM)).isTrue();
        assertThat(active.isInForceAt(UNTIL.minusSeconds(1))).isTrue();
        assertThat(active.isInForceAt(UNTIL)).isFalse();
    }

    @Test
    void expiryFollowsFromTheClockNotFromAJob() {
        assertThat(agreement(AgreementStatus.ACTIVE).statusAt(UNTIL)).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(agreement(AgreementStatus.SUSPENDED).statusAt(UNTIL)).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(agreement(AgreementStatus.TERMINATED).statusAt(UNTIL)).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(agreement(AgreementStatus.DRAFT).statusAt(UNTIL)).isEqualTo(AgreementStatus.DRAFT);
    }

    @Test
    void suspendedAndDraftAgreementsGrantNothing() {
        Instant inside = FROM.plusSeconds(3600);
        assertThat(agreement(AgreementStatus.SUSPENDED).isInForceAt(inside)).isFalse();
        assertThat(agreement(AgreementStatus.DRAFT).isInForceAt(inside)).isFalse();
        assertThat(agreement(AgreementStatus.TERMINATED).isInForceAt(inside)).isFalse();
    }
}
