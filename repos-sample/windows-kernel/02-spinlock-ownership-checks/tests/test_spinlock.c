/*
 * test_spinlock.c - Spin lock and IRQL tests.
 */

#include "harness.h"
#include "ki.h"
#include "arch/x64.h"

static void TestAcquireRaisesToDispatch(void)
{
    KSPIN_LOCK Lock = KSPIN_LOCK_INIT;
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&Lock);
    CHECK_EQ(OldIrql, PASSIVE_LEVEL);
    CHECK_EQ(KeGetCurrentIrql(), DISPATCH_LEVEL);
    CHECK_EQ(Lock.Locked, 1);
    CHECK_EQ(Lock.Owner, KeGetCurrentPrcb()->Number + 1);
    CHECK(KeIsSpinLockHeldByCurrentProcessor(&Lock));

    KeReleaseSpinLock(&Lock, OldIrql);
    CHECK_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    CHECK_EQ(Lock.Locked, 0);
    CHECK_EQ(Lock.Owner, 0);
}

static void TestTryAcquire(void)
{
    KSPIN_LOCK Lock = KSPIN_LOCK_INIT;

    KeRaiseIrql(DISPATCH_LEVEL);
    CHECK(KeTryAcquireSpinLockAtDpcLevel(&Lock));
    CHECK(!KeTryAcquireSpinLockAtDpcLevel(&Lock));
    KeReleaseSpinLockFromDpcLevel(&Lock);
    CHECK(KeTryAcquireSpinLockAtDpcLevel(&Lock));
    KeReleaseSpinLockFromDpcLevel(&Lock);
    KeLowerIrql(PASSIVE_LEVEL);
}

static void TestRecursiveAcquireBugChecks(void)
{
    KSPIN_LOCK Lock = KSPIN_LOCK_INIT;

    KeAcquireSpinLock(&Lock);
    EXPECT_BUGCHECK(BUGCHECK_SPINLOCK_RECURSION, KeAcquireSpinLockAtDpcLevel(&Lock));
    CHECK_EQ(HarnessLastBugCheck.Parameters[0], (uintptr_t)&Lock);
}

static void TestReleaseOfFreeLockBugChecks(void)
{
    KSPIN_LOCK Lock = KSPIN_LOCK_INIT;

    KeRaiseIrql(DISPATCH_LEVEL);
    EXPECT_BUGCHECK(BUGCHECK_SPINLOCK_NOT_OWNED, KeReleaseSpinLockFromDpcLevel(&Lock));
}

static void TestReleaseByOtherProcessorBugChecks(void)
{
    /* Held by processor 3 (Owner is number + 1). */
    KSPIN_LOCK Lock = { 1, 4 };

    KeRaiseIrql(DISPATCH_LEVEL);
    CHECK(!KeIsSpinLockHeldByCurrentProcessor(&Lock));
    EXPECT_BUGCHECK(BUGCHECK_SPINLOCK_NOT_OWNED, KeReleaseSpinLockFromDpcLevel(&Lock));
    CHECK_EQ(HarnessLastBugCheck.Parameters[1], 4);
}

static void TestAtDpcLevelBelowDispatchBugChecks(void)
{
    KSPIN_LOCK Lock = KSPIN_LOCK_INIT;

    EXPECT_BUGCHECK(BUGCHECK_IRQL_MISMATCH, KeAcquireSpinLockAtDpcLevel(&Lock));
    CHECK_EQ(Lock.Locked, 0);
}

static void TestIrqSaveDisablesInterrupts(void)
{
    KSPIN_LOCK Lock = KSPIN_LOCK_INIT;
    uint64_t Flags;

    /* Legal at any IRQL, including PASSIVE_LEVEL. */
    spin_lock_irqsave(&Lock, Flags);
    CHECK(Flags & RFLAGS_IF);
    CHECK(!(ArchHostFlags & RFLAGS_IF));
    CHECK_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
    spin_unlock_irqrestore(&Lock, Flags);
    CHECK(ArchHostFlags & RFLAGS_IF);
    CHECK_EQ(Lock.Owner, 0);
}

static void TestIrqlDirectionIsEnforced(void)
{
    KeRaiseIrql(CLOCK_LEVEL);
    EXPECT_BUGCHECK(BUGCHECK_IRQL_MISMATCH, KeRaiseIrql(DISPATCH_LEVEL));
    HarnessResetProcessor();

    KeRaiseIrql(APC_LEVEL);
    EXPECT_BUGCHECK(BUGCHECK_IRQL_MISMATCH, KeLowerIrql(DISPATCH_LEVEL));
}

static const HARNESS_TEST SpinLockTests[] = {
    HARNESS_TEST_ENTRY(TestAcquireRaisesToDispatch),
    HARNESS_TEST_ENTRY(TestTryAcquire),
    HARNESS_TEST_ENTRY(TestRecursiveAcquireBugChecks),
    HARNESS_TEST_ENTRY(TestReleaseOfFreeLockBugChecks),
    HARNESS_TEST_ENTRY(TestReleaseByOtherProcessorBugChecks),
    HARNESS_TEST_ENTRY(TestAtDpcLevelBelowDispatchBugChecks),
    HARNESS_TEST_ENTRY(TestIrqSaveDisablesInterrupts),
    HARNESS_TEST_ENTRY(TestIrqlDirectionIsEnforced),
};

int main(void)
{
    return HarnessRunTests("spinlock", SpinLockTests, ARRAY_COUNT(SpinLockTests));
}
