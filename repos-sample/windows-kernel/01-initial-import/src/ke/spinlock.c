/*
 * spinlock.c - Spin locks.
 *
 * Test-and-test-and-set: waiters spin on a plain load so the cache line
 * stays shared until the holder releases it, then race with one atomic
 * exchange. Fairness is not guaranteed; hold times are expected to be a
 * few hundred cycles at most.
 */

#include "ki.h"
#include "arch/x64.h"

void KeInitializeSpinLock(KSPIN_LOCK *Lock)
{
    Lock->Locked = 0;
}

static inline bool KiTryLock(KSPIN_LOCK *Lock)
{
    return __atomic_exchange_n(&Lock->Locked, 1, __ATOMIC_ACQUIRE) == 0;
}

bool KeTryAcquireSpinLockAtDpcLevel(KSPIN_LOCK *Lock)
{
    if (__atomic_load_n(&Lock->Locked, __ATOMIC_RELAXED) != 0) {
        return false;
    }
    return KiTryLock(Lock);
}

void KeAcquireSpinLockAtDpcLevel(KSPIN_LOCK *Lock)
{
    while (!KiTryLock(Lock)) {
        while (__atomic_load_n(&Lock->Locked, __ATOMIC_RELAXED) != 0) {
            ArchPause();
        }
    }
}

void KeReleaseSpinLockFromDpcLevel(KSPIN_LOCK *Lock)
{
    if (UNLIKELY(Lock->Locked == 0)) {
        KeBugCheck(BUGCHECK_SPINLOCK_NOT_OWNED, (uintptr_t)Lock, 0, 0, 0);
    }
    __atomic_store_n(&Lock->Locked, 0, __ATOMIC_RELEASE);
}

KIRQL KeAcquireSpinLock(KSPIN_LOCK *Lock)
{
    KIRQL OldIrql = KeRaiseIrql(DISPATCH_LEVEL);

    KeAcquireSpinLockAtDpcLevel(Lock);
    return OldIrql;
}

void KeReleaseSpinLock(KSPIN_LOCK *Lock, KIRQL OldIrql)
{
    KeReleaseSpinLockFromDpcLevel(Lock);
    KeLowerIrql(OldIrql);
}

uint64_t KeAcquireSpinLockIrqSave(KSPIN_LOCK *Lock)
{
    uint64_t Flags = ArchSaveFlagsAndDisable();

    KeAcquireSpinLockAtDpcLevel(Lock);
    return Flags;
}

void KeReleaseSpinLockIrqRestore(KSPIN_LOCK *Lock, uint64_t Flags)
{
    KeReleaseSpinLockFromDpcLevel(Lock);
    ArchRestoreFlags(Flags);
}
