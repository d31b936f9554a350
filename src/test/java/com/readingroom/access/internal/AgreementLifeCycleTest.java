package com.readingroom.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.readingroom.access.AgreementStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DRAFT → ACTIVE → (SUSPENDED ↔ ACTIVE) → TERMINATED, with EXPIRED following from time. */
class AgreementLifeCycleTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-12-31T00:00:00Z");
    static final Instant MID = Instant.parse("2026-06-01T00:00:00Z");

    private static AgreementEntity draft(boolean withScope) {
        AgreementEntity agreement = new AgreementEntity("RR-T", 1, "t", "", FROM, UNTIL, FROM);
        if (withScope) {
            agreement.addScope(new ScopeEntity(agreement, 1, List.of(), List.of(), List.of(), null, null));
        }
        return agreement;
    }

    @Test
    void aDraftThatGrantsNothingCannotBeActivated() {
        assertThatIllegalStateException()
                .isThrownBy(() -> draft(false).transition(AgreementStatus.ACTIVE, null, MID))
                .withMessageContaining("grants nothing yet");
    }

    @Test
    void aDraftWhoseWindowHasEndedIsRecordedAsActiveAndIsExpiredAtOnce() {
        AgreementEntity agreement = draft(true);
        agreement.transition(AgreementStatus.ACTIVE, null, UNTIL.plusSeconds(1));
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(new com.readingroom.access.Agreement(
                                1,
                                "RR-T",
                                1,
                                "a",
                                "t",
                                "",
                                FROM,
                                UNTIL,
                                agreement.status(),
                                null,
                                null,
                                false,
                                List.of())
                        .statusAt(UNTIL.plusSeconds(1)))
                .isEqualTo(AgreementStatus.EXPIRED);
    }

    @Test
    void suspendResumeAndTerminateFollowTheLifeCycle() {
        AgreementEntity agreement = draft(true);
        agreement.transition(AgreementStatus.ACTIVE, null, MID);
        agreement.transition(AgreementStatus.SUSPENDED, "review", MID.plusSeconds(1));
        assertThat(agreement.status()).isEqualTo(AgreementStatus.SUSPENDED);
        assertThat(agreement.statusReason()).isEqualTo("review");
        assertThat(agreement.statusChangedAt()).isEqualTo(MID.plusSeconds(1));
        assertThatIllegalStateException()
                .isThrownBy(() -> agreement.transition(AgreementStatus.SUSPENDED, "again", MID.plusSeconds(2)));
        agreement.transition(AgreementStatus.ACTIVE, null, MID.plusSeconds(3));
        agreement.transition(AgreementStatus.TERMINATED, "ended", MID.plusSeconds(4));
        assertThatIllegalStateException()
                .isThrownBy(() -> agreement.transition(AgreementStatus.ACTIVE, null, MID.plusSeconds(5)));
        assertThatIllegalStateException()
                .isThrownBy(() -> agreement.transition(AgreementStatus.TERMINATED, "twice", MID.plusSeconds(5)));
    }

    @Test
    void aSuspendedAgreementThatExpiredMeanwhileIsRenewedBeforeItResumes() {
        AgreementEntity agreement = draft(true);
        agreement.transition(AgreementStatus.ACTIVE, null, MID);
        agreement.transition(AgreementStatus.SUSPENDED, "review", MID);
        assertThatIllegalStateException()
                .isThrownBy(() -> agreement.transition(AgreementStatus.ACTIVE, null, UNTIL.plusSeconds(1)))
                .withMessageContaining("renew it first");

        agreement.renew(UNTIL.plusSeconds(86_400));
        agreement.transition(AgreementStatus.ACTIVE, null, UNTIL.plusSeconds(1));
        assertThat(agreement.status()).isEqualTo(AgreementStatus.ACTIVE);
    }

    @Test
    void renewalOnlyMovesTheEndLater() {
        AgreementEntity agreement = draft(true);
        assertThatIllegalStateException().isThrownBy(() -> agreement.renew(UNTIL.plusSeconds(1)));
        agreement.transition(AgreementStatus.ACTIVE, null, MID);
        assertThatIllegalArgumentException().isThrownBy(() -> agreement.renew(UNTIL));
        agreement.renew(UNTIL.plusSeconds(1));
        assertThat(agreement.validUntil()).isEqualTo(UNTIL.plusSeconds(1));
    }

    @Test
    void theWindowIsEditableOnlyWhileADraft() {
        AgreementEntity agreement = draft(true);
        agreement.edit("t2", "", FROM.plusSeconds(1), UNTIL);
        agreement.transition(AgreementStatus.ACTIVE, null, MID);
        agreement.edit("t3", "new terms", FROM.plusSeconds(1), UNTIL);
        assertThat(agreement.title()).isEqualTo("t3");
        assertThatIllegalStateException()
                .isThrownBy(() -> agreement.edit("t4", "", FROM, UNTIL))
                .withMessageContaining("Renew it");
    }
}
