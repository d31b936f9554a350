/*
 * bugcheck.c - Stopping the system when an invariant is broken.
 *
 * A bug check prints what it can through the kd print path and halts.
 * It deliberately does as little as possible: locks may be held, pool may
 * be corrupt, and the current thread may not be valid.
 */

#include "ki.h"
#include "kd.h"
#include "arch/x64.h"

typedef struct _BUGCHECK_NAME {
    uint32_t Code;
    const char *Name;
} BUGCHECK_NAME;

static const BUGCHECK_NAME KiBugCheckNames[] = {
    { BUGCHECK_ASSERTION_FAILED,    "ASSERTION_FAILED" },
    { BUGCHECK_IRQL_MISMATCH,       "IRQL_MISMATCH" },
    { BUGCHECK_SPINLOCK_NOT_OWNED,  "SPINLOCK_NOT_OWNED" },
    { BUGCHECK_POOL_CORRUPTION,     "POOL_CORRUPTION" },
    { BUGCHECK_POOL_TAG_MISMATCH,   "POOL_TAG_MISMATCH" },
    { BUGCHECK_OBJECT_REFCOUNT,     "OBJECT_REFCOUNT" },
    { BUGCHECK_PFN_CORRUPTION,      "PFN_CORRUPTION" },
    { BUGCHECK_INVALID_WAIT,        "INVALID_WAIT" },
    { BUGCHECK_PHASE0_INIT_FAILED,  "PHASE0_INIT_FAILED" },
    { BUGCHECK_NO_MEMORY_MAP,       "NO_MEMORY_MAP" },
};

static volatile uint32_t KiBugCheckActive;

static const char *KiBugCheckName(uint32_t Code)
{
    size_t Index;

    for (Index = 0; Index < ARRAY_COUNT(KiBugCheckNames); Index++) {
        if (KiBugCheckNames[Index].Code == Code) {
            return KiBugCheckNames[Index].Name;
        }
    }
    return "UNKNOWN";
}

NORETURN void KeBugCheck(uint32_t Code, uintptr_t P1, uintptr_t P2,
                         uintptr_t P3, uintptr_t P4)
{
    KTHREAD *Thread;
    KPRCB *Prcb;

    ArchDisableInterrupts();

    /*
     * Only the first bug check gets to print. A second one, from another
     * processor or from inside this routine, just stops where it is.
     */
    if (__atomic_exchange_n(&KiBugCheckActive, 1, __ATOMIC_ACQ_REL) != 0) {
        for (;;) {
            ArchHalt();
        }
    }

    KdEnterBugCheckMode();
    KdPrintError("\n*** STOP 0x%04X %s\n", Code, KiBugCheckName(Code));
    KdPrintError("    parameters %p %p %p %p\n",
                 (void *)P1, (void *)P2, (void *)P3, (void *)P4);

    if (Code == BUGCHECK_ASSERTION_FAILED) {
        KdPrintError("    assertion \"%s\" failed at %s:%u\n",
                     (const char *)P1, (const char *)P2, (unsigned int)P3);
    }

    if (KiProcessorInitialized) {
        Prcb = KeGetCurrentPrcb();
        Thread = Prcb->CurrentThread;
        KdPrintError("    processor %u irql %u thread %u (%s)\n",
                     Prcb->Number, (unsigned int)ArchReadCr8(),
                     Thread != NULL ? Thread->ThreadId : 0,
                     (Thread != NULL && Thread->Name != NULL) ? Thread->Name : "?");
    } else {
        KdPrintError("    (before processor initialisation)\n");
    }

    /*
     * Other processors keep running until the APIC driver can freeze them
     * with an NMI. They will stop at their next bug check or lock attempt
     * on a structure this processor left locked.
     */
    KdPrintError("    system halted\n");
    for (;;) {
        ArchHalt();
    }
}
