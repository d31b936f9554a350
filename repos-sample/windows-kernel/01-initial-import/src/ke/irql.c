/*
 * irql.c - Interrupt request level management.
 *
 * IRQL is kept in CR8 (the task priority register). Reading and writing
 * CR8 is cheap and serialising with respect to interrupt delivery, so
 * there is no software copy to keep in sync.
 */

#include "ki.h"
#include "arch/x64.h"

/* Fourth bug check parameter for BUGCHECK_IRQL_MISMATCH. */
#define IRQL_REASON_RAISE   0
#define IRQL_REASON_LOWER   1

KIRQL KeGetCurrentIrql(void)
{
    return (KIRQL)ArchReadCr8();
}

KIRQL KeRaiseIrql(KIRQL NewIrql)
{
    KIRQL OldIrql = (KIRQL)ArchReadCr8();

    if (UNLIKELY(NewIrql < OldIrql || NewIrql > HIGH_LEVEL)) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, OldIrql, NewIrql, 0, IRQL_REASON_RAISE);
    }
    ArchWriteCr8(NewIrql);
    return OldIrql;
}

void KeLowerIrql(KIRQL NewIrql)
{
    KIRQL OldIrql = (KIRQL)ArchReadCr8();

    if (UNLIKELY(NewIrql > OldIrql)) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, OldIrql, NewIrql, 0, IRQL_REASON_LOWER);
    }
    ArchWriteCr8(NewIrql);

    /*
     * Dropping below DISPATCH_LEVEL is the moment a deferred reschedule can
     * run. The request is set by KiReadyThread and the clock interrupt.
     */
    if (OldIrql >= DISPATCH_LEVEL && NewIrql < DISPATCH_LEVEL &&
        KiProcessorInitialized &&
        (KeGetCurrentPrcb()->RequestFlags &
         (PRCB_REQUEST_RESCHEDULE | PRCB_REQUEST_QUANTUM_END)) != 0) {
        KiDispatchPending();
    }
}
