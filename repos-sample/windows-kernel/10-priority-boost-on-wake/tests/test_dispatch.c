/*
 * test_dispatch.c - Dispatcher object and wait tests.
 *
 * The host has one real thread, so the context switch is simulated: the
 * KiSwapContext below records the switch, lets the test inspect the state
 * the scheduler left behind, plays the part of "another processor" that
 * signals the object, and then resumes the thread that switched away.
 */

#include "harness.h"
#include "ki.h"

static KTHREAD IdleThread;
static KTHREAD Runner;
static KTHREAD Sleepers[2];
static uint8_t Stacks[3][2 * KPAGE_SIZE] __attribute__((aligned(16)));

static uint32_t SwapCount;
static KEVENT *SignalWhilePreempted;

void KiSwapContext(KTHREAD *OldThread, KTHREAD *NewThread)
{
    DISPATCHER_HEADER *Object = OldThread->WaitBlock.Object;
    KPRCB *Prcb = KeGetCurrentPrcb();

    SwapCount++;

    /* The switch must happen with the dispatcher lock held. */
    CHECK(KeIsSpinLockHeldByCurrentProcessor(&KiDispatcherLock));
    CHECK(NewThread->State == ThreadRunning);

    switch (OldThread->State) {
    case ThreadWaiting:
        /* Sleeping on an object that is already signalled: a lost wakeup. */
        CHECK(Object != NULL && Object->SignalState <= 0);

        /* Another processor signals the object, exactly as KeSetEvent would. */
        Object->SignalState = 1;
        KiWakeWaiters(Object, 0);
        break;

    case ThreadReady:
        /* Preempted. Optionally let "another processor" signal meanwhile. */
        if (SignalWhilePreempted != NULL) {
            SignalWhilePreempted->Header.SignalState = 1;
            KiWakeWaiters(&SignalWhilePreempted->Header, 0);
        }
        break;

    default:
        HarnessCheck(false, "outgoing thread is neither waiting nor ready",
                     __FILE__, __LINE__);
        return;
    }

    /* Some processor eventually picks the old thread again. */
    CHECK(KiSelectNextThread(Prcb) == OldThread);
    Prcb->CurrentThread = OldThread;
    OldThread->State = ThreadRunning;
}

void KiThreadStartup(void)
{
    /* Never reached: no test starts a thread on a real stack. */
}

static void ThreadBody(void *Context)
{
    UNUSED(Context);
}

static void DispatchTestSetup(void)
{
    size_t Index;

    KeInitializeSpinLock(&KiDispatcherLock);
    KiInitializeScheduler();
    KiInitializeProcessor(KeGetCurrentPrcb(), 0, &IdleThread);

    KeInitializeThread(&Runner, Stacks[0], sizeof(Stacks[0]), ThreadBody, NULL,
                       NORMAL_PRIORITY, "Runner");
    for (Index = 0; Index < ARRAY_COUNT(Sleepers); Index++) {
        KeInitializeThread(&Sleepers[Index], Stacks[Index + 1], sizeof(Stacks[Index + 1]),
                           ThreadBody, NULL, NORMAL_PRIORITY, "Sleeper");
    }

    /* Runner is the thread executing the test. */
    Runner.State = ThreadRunning;
    KeGetCurrentPrcb()->CurrentThread = &Runner;

    SwapCount = 0;
    SignalWhilePreempted = NULL;
}

/* Parks Thread on Object as if it had called KeWaitForSingleObject. */
static void ParkOn(KTHREAD *Thread, void *Object)
{
    DISPATCHER_HEADER *Header = Object;

    Thread->State = ThreadWaiting;
    Thread->WaitStatus = STATUS_PENDING;
    Thread->WaitBlock.Thread = Thread;
    Thread->WaitBlock.Object = Header;
    RtlInsertTailList(&Header->WaitListHead, &Thread->WaitBlock.WaitListEntry);
}

static void TestSignalledEventSatisfiesWaitWithoutSwitch(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, SynchronizationEvent, true);
    CHECK_EQ(KeWaitForSingleObject(&Event), STATUS_SUCCESS);
    CHECK_EQ(SwapCount, 0);
    CHECK(!KeReadStateEvent(&Event));        /* auto-reset */
    CHECK_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void TestNotificationEventStaysSignalled(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, NotificationEvent, false);
    CHECK_EQ(KeSetEvent(&Event, 0), 0);
    CHECK_EQ(KeWaitForSingleObject(&Event), STATUS_SUCCESS);
    CHECK_EQ(KeWaitForSingleObject(&Event), STATUS_SUCCESS);
    CHECK(KeReadStateEvent(&Event));
    CHECK_EQ(KeResetEvent(&Event), 1);
    CHECK_EQ(SwapCount, 0);
}

static void TestWaitBlocksUntilSignalled(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, SynchronizationEvent, false);
    CHECK_EQ(KeWaitForSingleObject(&Event), STATUS_SUCCESS);
    CHECK_EQ(SwapCount, 1);
    CHECK(RtlIsListEmpty(&Event.Header.WaitListHead));
    CHECK(!KeReadStateEvent(&Event));
    CHECK(!KeIsSpinLockHeldByCurrentProcessor(&KiDispatcherLock));
    CHECK_EQ(KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/*
 * Regression test for the lost wakeup. The old wait path dropped the
 * dispatcher lock between checking the object and queueing its wait
 * block. If the thread was preempted in that gap (here: a higher-priority
 * thread is ready and a reschedule is pending) and the object was
 * signalled meanwhile, the signal found no waiter, and the thread then
 * went to sleep on an object that was already signalled.
 */
static void TestSignalWhilePreemptedIsNotLost(void)
{
    KEVENT Event;
    KIRQL OldIrql;

    DispatchTestSetup();
    KeInitializeEvent(&Event, SynchronizationEvent, false);
    SignalWhilePreempted = &Event;

    Sleepers[0].Priority = NORMAL_PRIORITY + 4;
    OldIrql = KiAcquireDispatcherLock();
    KiReadyThread(&Sleepers[0]);
    KeGetCurrentPrcb()->RequestFlags = 0;    /* keep the request in flight ... */
    KiReleaseDispatcherLock(OldIrql);
    KeGetCurrentPrcb()->RequestFlags |= PRCB_REQUEST_RESCHEDULE;  /* ... until now */

    CHECK_EQ(KeWaitForSingleObject(&Event), STATUS_SUCCESS);
    CHECK_EQ(SwapCount, 1);
    CHECK_EQ(Runner.State, ThreadRunning);
    CHECK(RtlIsListEmpty(&Event.Header.WaitListHead));
}

static void TestSynchronizationEventReleasesOneWaiter(void)
{
    KEVENT Event;
    KIRQL OldIrql;

    DispatchTestSetup();
    KeInitializeEvent(&Event, SynchronizationEvent, false);
    ParkOn(&Sleepers[0], &Event);
    ParkOn(&Sleepers[1], &Event);

    KeSetEvent(&Event, 0);
    CHECK_EQ(Sleepers[0].State, ThreadReady);
    CHECK_EQ(Sleepers[1].State, ThreadWaiting);
    CHECK(!KeReadStateEvent(&Event));

    KeSetEvent(&Event, 0);
    CHECK_EQ(Sleepers[1].State, ThreadReady);

    /* Woken in the order they waited. */
    OldIrql = KiAcquireDispatcherLock();
    CHECK(KiSelectNextThread(KeGetCurrentPrcb()) == &Sleepers[0]);
    CHECK(KiSelectNextThread(KeGetCurrentPrcb()) == &Sleepers[1]);
    KiReleaseDispatcherLock(OldIrql);
}

static void TestNotificationEventReleasesAllWaiters(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, NotificationEvent, false);
    ParkOn(&Sleepers[0], &Event);
    ParkOn(&Sleepers[1], &Event);

    KeSetEvent(&Event, 0);
    CHECK_EQ(Sleepers[0].State, ThreadReady);
    CHECK_EQ(Sleepers[1].State, ThreadReady);
    CHECK_EQ(Sleepers[0].WaitStatus, STATUS_SUCCESS);
    CHECK(KeReadStateEvent(&Event));
}

static void TestSemaphoreCounts(void)
{
    KSEMAPHORE Semaphore;

    DispatchTestSetup();
    KeInitializeSemaphore(&Semaphore, 0, 2);
    ParkOn(&Sleepers[0], &Semaphore);

    CHECK_EQ(KeReleaseSemaphore(&Semaphore, 0, 2), 0);
    CHECK_EQ(Sleepers[0].State, ThreadReady);
    CHECK_EQ(Semaphore.Header.SignalState, 1);

    CHECK_EQ(KeWaitForSingleObject(&Semaphore), STATUS_SUCCESS);
    CHECK_EQ(Semaphore.Header.SignalState, 0);
    CHECK_EQ(SwapCount, 0);

    EXPECT_BUGCHECK(BUGCHECK_INVALID_WAIT, KeReleaseSemaphore(&Semaphore, 0, 3));
}

/*
 * Signals Event at DISPATCH_LEVEL and drops the resulting reschedule
 * request, so that a boosted thread does not immediately preempt the
 * test's own thread.
 */
static void SignalWithoutPreemption(KEVENT *Event, KPRIORITY Increment)
{
    KIRQL OldIrql = KeRaiseIrql(DISPATCH_LEVEL);

    KeSetEvent(Event, Increment);
    KeGetCurrentPrcb()->RequestFlags = 0;
    KeLowerIrql(OldIrql);
}

static void TestWakeBoostsPriority(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, SynchronizationEvent, false);
    ParkOn(&Sleepers[0], &Event);
    Sleepers[0].Quantum = 1;

    SignalWithoutPreemption(&Event, 2);
    CHECK_EQ(Sleepers[0].Priority, NORMAL_PRIORITY + 2);
    CHECK_EQ(Sleepers[0].BasePriority, NORMAL_PRIORITY);
    CHECK_EQ(Sleepers[0].Quantum, KTHREAD_QUANTUM_TICKS);
}

static void TestBoostIsCappedBelowRealTime(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, NotificationEvent, false);
    Sleepers[0].Priority = Sleepers[0].BasePriority = LOW_REALTIME_PRIORITY - 2;
    Sleepers[1].Priority = Sleepers[1].BasePriority = LOW_REALTIME_PRIORITY + 4;
    ParkOn(&Sleepers[0], &Event);
    ParkOn(&Sleepers[1], &Event);

    SignalWithoutPreemption(&Event, 8);
    CHECK_EQ(Sleepers[0].Priority, KPRIORITY_BOOST_CEILING);
    CHECK_EQ(Sleepers[1].Priority, LOW_REALTIME_PRIORITY + 4);   /* never boosted */
}

static void TestBoostDecaysAtQuantumEnd(void)
{
    KEVENT Event;
    KPRCB *Prcb = KeGetCurrentPrcb();
    KIRQL OldIrql;

    DispatchTestSetup();
    KeInitializeEvent(&Event, SynchronizationEvent, false);
    ParkOn(&Sleepers[0], &Event);
    SignalWithoutPreemption(&Event, 3);

    /* Let the boosted thread run, then end its quantum twice. */
    OldIrql = KiAcquireDispatcherLock();
    CHECK(KiSelectNextThread(Prcb) == &Sleepers[0]);
    Sleepers[0].State = ThreadRunning;
    Prcb->CurrentThread = &Sleepers[0];
    KiReleaseDispatcherLock(OldIrql);

    Prcb->RequestFlags = PRCB_REQUEST_QUANTUM_END;
    KiDispatchPending();
    CHECK_EQ(Sleepers[0].Priority, NORMAL_PRIORITY + 2);

    Prcb->RequestFlags = PRCB_REQUEST_QUANTUM_END;
    KiDispatchPending();
    CHECK_EQ(Sleepers[0].Priority, NORMAL_PRIORITY + 1);

    /* The only ready thread keeps running; no switch was needed. */
    CHECK_EQ(SwapCount, 0);
    CHECK(Prcb->CurrentThread == &Sleepers[0]);
}

static void TestWaitAtDispatchLevelBugChecks(void)
{
    KEVENT Event;

    DispatchTestSetup();
    KeInitializeEvent(&Event, NotificationEvent, true);
    KeRaiseIrql(DISPATCH_LEVEL);
    EXPECT_BUGCHECK(BUGCHECK_IRQL_MISMATCH, KeWaitForSingleObject(&Event));
}

static const HARNESS_TEST DispatchTests[] = {
    HARNESS_TEST_ENTRY(TestSignalledEventSatisfiesWaitWithoutSwitch),
    HARNESS_TEST_ENTRY(TestNotificationEventStaysSignalled),
    HARNESS_TEST_ENTRY(TestWaitBlocksUntilSignalled),
    HARNESS_TEST_ENTRY(TestSignalWhilePreemptedIsNotLost),
    HARNESS_TEST_ENTRY(TestSynchronizationEventReleasesOneWaiter),
    HARNESS_TEST_ENTRY(TestNotificationEventReleasesAllWaiters),
    HARNESS_TEST_ENTRY(TestSemaphoreCounts),
    HARNESS_TEST_ENTRY(TestWakeBoostsPriority),
    HARNESS_TEST_ENTRY(TestBoostIsCappedBelowRealTime),
    HARNESS_TEST_ENTRY(TestBoostDecaysAtQuantumEnd),
    HARNESS_TEST_ENTRY(TestWaitAtDispatchLevelBugChecks),
};

int main(void)
{
    return HarnessRunTests("dispatch", DispatchTests, ARRAY_COUNT(DispatchTests));
}
