/*
 * spinlock.c - Spin locks.
 *
 * Test-and-test-and-set: waiters spin on a plain load so the cache line
 * stays shared until the holder releases it, then race with one atomic
 * exchange. Fairness is not guaranteed; hold times are expected to be a
 * few hundred cycles at most.
 *
 * Every lock records its owner (processor number + 1). Only the owning
 * processor ever writes its own number into Owner, so reading it without
 * the lock is enough to answer "do *I* hold this lock?" reliably, which is
 * all the recursion and release checks need.
 */

#include "ki.h"
#include "arch/x64.h"

/* Fourth bug check parameter for BUGCHECK_IRQL_MISMATCH. */
#define SPINLOCK_REASON_IRQL    4

static inline uint32_t KiCurrentOwnerTag(void)
{
    /* Before the PRCB exists only the boot processor is running. */
    return KiProcessorInitialized ? KeGetCurrentPrcb()->Number + 1 : 1;
}

void KeInitializeSpinLock(KSPIN_LOCK *Lock)
{
    Lock->Locked = 0;
    Lock->Owner = 0;
}

static inline bool KiTryLock(KSPIN_LOCK *Lock)
{
    return __atomic_exchange_n(&Lock->Locked, 1, __ATOMIC_ACQUIRE) == 0;
}

static void KiAcquireSpinLockRaw(KSPIN_LOCK *Lock)
{
    uint32_t Self = KiCurrentOwnerTag();

    if (UNLIKELY(Lock->Owner == Self)) {
        /* We would spin forever waiting for ourselves. */
        KeBugCheck(BUGCHECK_SPINLOCK_RECURSION, (uintptr_t)Lock, Self - 1, 0, 0);
    }

    while (!KiTryLock(Lock)) {
        while (__atomic_load_n(&Lock->Locked, __ATOMIC_RELAXED) != 0) {
            ArchPause();
        }
    }
    Lock->Owner = Self;
}

static void KiReleaseSpinLockRaw(KSPIN_LOCK *Lock)
{
    uint32_t Self = KiCurrentOwnerTag();

    if (UNLIKELY(Lock->Locked == 0 || Lock->Owner != Self)) {
        KeBugCheck(BUGCHECK_SPINLOCK_NOT_OWNED, (uintptr_t)Lock, Lock->Owner, Self, 0);
    }
    Lock->Owner = 0;
    __atomic_store_n(&Lock->Locked, 0, __ATOMIC_RELEASE);
}

bool KeIsSpinLockHeldByCurrentProcessor(const KSPIN_LOCK *Lock)
{
    return Lock->Locked != 0 && Lock->Owner == KiCurrentOwnerTag();
}

bool KeTryAcquireSpinLockAtDpcLevel(KSPIN_LOCK *Lock)
{
    if (__atomic_load_n(&Lock->Locked, __ATOMIC_RELAXED) != 0) {
        return false;
    }
    if (!KiTryLock(Lock)) {
        return false;
    }
    Lock->Owner = KiCurrentOwnerTag();
    return true;
}

/*
 * The caller promises it is already at DISPATCH_LEVEL or above. Below
 * that, the scheduler could switch this thread out while it holds the lock
 * and a thread on the same processor could then spin on it forever.
 */
void KeAcquireSpinLockAtDpcLevel(KSPIN_LOCK *Lock)
{
    if (UNLIKELY(KeGetCurrentIrql() < DISPATCH_LEVEL)) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, KeGetCurrentIrql(), DISPATCH_LEVEL,
                   (uintptr_t)Lock, SPINLOCK_REASON_IRQL);
    }
    KiAcquireSpinLockRaw(Lock);
}

void KeReleaseSpinLockFromDpcLevel(KSPIN_LOCK *Lock)
{
    KiReleaseSpinLockRaw(Lock);
}

KIRQL KeAcquireSpinLock(KSPIN_LOCK *Lock)
{
    KIRQL OldIrql = KeRaiseIrql(DISPATCH_LEVEL);

    KiAcquireSpinLockRaw(Lock);
    return OldIrql;
}

void KeReleaseSpinLock(KSPIN_LOCK *Lock, KIRQL OldIrql)
{
    KiReleaseSpinLockRaw(Lock);
    KeLowerIrql(OldIrql);
}

/*
 * With interrupts disabled nothing can preempt us, whatever the IRQL, so
 * the interrupt-safe variants skip the IRQL check.
 */
uint64_t KeAcquireSpinLockIrqSave(KSPIN_LOCK *Lock)
{
    uint64_t Flags = ArchSaveFlagsAndDisable();

    KiAcquireSpinLockRaw(Lock);
    return Flags;
}

void KeReleaseSpinLockIrqRestore(KSPIN_LOCK *Lock, uint64_t Flags)
{
    KiReleaseSpinLockRaw(Lock);
    ArchRestoreFlags(Flags);
}
