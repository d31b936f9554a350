/*
 * sched.c - Ready queues, thread creation and the switch policy.
 *
 * One set of 32 ready queues is shared by all processors and protected by
 * the dispatcher lock. Bit N of KiReadySummary is set while queue N is not
 * empty, so choosing the next thread is a single bit scan.
 *
 * Policy, in short: the highest-priority ready thread runs; threads of
 * equal priority round-robin on quantum end; a preempted thread goes back
 * to the front of its queue so it does not lose its turn. Wake-up boosts
 * (dispatch.c) decay here, one level per quantum end. docs/scheduler.md
 * has the long version.
 */

#include "ki.h"
#include "kd.h"
#include "arch/x64.h"

#define KMAX_THREAD_IDS     4096

KSPIN_LOCK KiDispatcherLock = KSPIN_LOCK_INIT;
bool KiProcessorInitialized;

static KPRCB KiBootPrcb;
static KTHREAD KiBootIdleThread;

static LIST_ENTRY KiReadyQueues[KPRIORITY_LEVELS];
static uint32_t KiReadySummary;

static uint64_t KiThreadIdBuffer[RTL_BITMAP_WORDS(KMAX_THREAD_IDS)];
static RTL_BITMAP KiThreadIds;
static uint32_t KiThreadIdHint = 1;

_Static_assert(offsetof(KTHREAD, StackPointer) == KTHREAD_STACK_POINTER,
               "amd64/ctxswap.S hard-codes the offset of KTHREAD.StackPointer");

void KiInitializeScheduler(void)
{
    uint32_t Priority;

    for (Priority = 0; Priority < KPRIORITY_LEVELS; Priority++) {
        RtlInitializeListHead(&KiReadyQueues[Priority]);
    }
    KiReadySummary = 0;

    RtlInitializeBitmap(&KiThreadIds, KiThreadIdBuffer, KMAX_THREAD_IDS);
    RtlClearAllBits(&KiThreadIds);
    RtlSetBits(&KiThreadIds, 0, 1);     /* id 0 is shared by the idle threads */
}

/*
 * Turns the code that is currently running on this processor into its
 * idle thread and makes the PRCB reachable through GS.
 */
void KiInitializeProcessor(KPRCB *Prcb, uint32_t Number, KTHREAD *IdleThread)
{
    RtlZeroMemory(Prcb, sizeof(*Prcb));
    Prcb->Self = Prcb;
    Prcb->Number = Number;
    Prcb->IdleThread = IdleThread;
    Prcb->CurrentThread = IdleThread;

    RtlZeroMemory(IdleThread, sizeof(*IdleThread));
    IdleThread->Header.Kind = KObjectThread;
    RtlInitializeListHead(&IdleThread->Header.WaitListHead);
    RtlInitializeListHead(&IdleThread->ReadyListEntry);
    IdleThread->State = ThreadRunning;
    IdleThread->Priority = LOW_PRIORITY;
    IdleThread->BasePriority = LOW_PRIORITY;
    IdleThread->Name = "Idle";

    ArchWriteMsr(MSR_IA32_GS_BASE, (uintptr_t)Prcb);
    if (Number == 0) {
        KiProcessorInitialized = true;
    }
}

/*
 * Phase 0 entry point for ke: sets up the scheduler and turns the boot
 * code into the boot processor's idle thread.
 */
void KeInitializeKernel(void)
{
    KiInitializeScheduler();
    KiInitializeProcessor(&KiBootPrcb, 0, &KiBootIdleThread);
}

static void KiInsertReadyQueue(KTHREAD *Thread, bool AtHead)
{
    KPRCB *Prcb = KeGetCurrentPrcb();
    LIST_ENTRY *Queue = &KiReadyQueues[Thread->Priority];

    /* Priority 0 belongs to the idle threads, which are never queued. */
    KASSERT(Thread->Priority > LOW_PRIORITY && Thread->Priority < KPRIORITY_LEVELS);

    Thread->State = ThreadReady;
    if (AtHead) {
        RtlInsertHeadList(Queue, &Thread->ReadyListEntry);
    } else {
        RtlInsertTailList(Queue, &Thread->ReadyListEntry);
    }
    KiReadySummary |= 1u << Thread->Priority;

    /*
     * Only the local processor is asked to reschedule. Remote processors
     * notice new work at their next clock tick until the APIC driver can
     * send reschedule IPIs.
     */
    if (Thread->Priority > Prcb->CurrentThread->Priority) {
        __atomic_or_fetch(&Prcb->RequestFlags, PRCB_REQUEST_RESCHEDULE, __ATOMIC_RELAXED);
    }
}

static void KiRemoveReadyThread(KTHREAD *Thread)
{
    KASSERT(Thread->State == ThreadReady);

    RtlRemoveEntryList(&Thread->ReadyListEntry);
    if (RtlIsListEmpty(&KiReadyQueues[Thread->Priority])) {
        KiReadySummary &= ~(1u << Thread->Priority);
    }
}

void KiReadyThread(KTHREAD *Thread)
{
    KiInsertReadyQueue(Thread, false);
}

KTHREAD *KiSelectNextThread(KPRCB *Prcb)
{
    uint32_t Priority;
    KTHREAD *Thread;

    if (KiReadySummary == 0) {
        return Prcb->IdleThread;
    }

    Priority = 31u - (uint32_t)__builtin_clz(KiReadySummary);
    Thread = CONTAINER_OF(KiReadyQueues[Priority].Next, KTHREAD, ReadyListEntry);
    KiRemoveReadyThread(Thread);
    return Thread;
}

/*
 * Switches to the best ready thread. Called with the dispatcher lock held
 * at DISPATCH_LEVEL; the caller has already put the current thread where
 * it belongs (ready queue, wait list, or nowhere if it is exiting).
 * Returns, once this thread runs again, with the lock released at OldIrql.
 *
 * There is deliberately no variant that takes the lock itself: deciding
 * where the current thread goes and switching away must happen under one
 * hold of the dispatcher lock, or a wakeup can slip in between.
 */
void KiSwapThread(KIRQL OldIrql)
{
    KPRCB *Prcb = KeGetCurrentPrcb();
    KTHREAD *OldThread = Prcb->CurrentThread;
    KTHREAD *NewThread = KiSelectNextThread(Prcb);

    __atomic_and_fetch(&Prcb->RequestFlags,
                       ~(PRCB_REQUEST_RESCHEDULE | PRCB_REQUEST_QUANTUM_END),
                       __ATOMIC_RELAXED);
    NewThread->State = ThreadRunning;

    if (NewThread != OldThread) {
        if (NewThread->Quantum <= 0) {
            NewThread->Quantum = KTHREAD_QUANTUM_TICKS;
        }
        Prcb->CurrentThread = NewThread;
        Prcb->ContextSwitches++;
        KiSwapContext(OldThread, NewThread);

        /*
         * We are OldThread again, possibly on another processor. The thread
         * that switched back to us acquired the dispatcher lock; we release
         * it at the IRQL saved on our own stack.
         */
    }
    KiReleaseDispatcherLock(OldIrql);
}

/* Runs a pending reschedule; called by KeLowerIrql below DISPATCH_LEVEL. */
void KiDispatchPending(void)
{
    KIRQL OldIrql = KiAcquireDispatcherLock();
    KPRCB *Prcb = KeGetCurrentPrcb();
    KTHREAD *Current = Prcb->CurrentThread;
    uint32_t Requests = Prcb->RequestFlags;
    bool QuantumEnd;

    if ((Requests & (PRCB_REQUEST_RESCHEDULE | PRCB_REQUEST_QUANTUM_END)) == 0) {
        KiReleaseDispatcherLock(OldIrql);
        return;
    }

    if (Current != Prcb->IdleThread && Current->State == ThreadRunning) {
        QuantumEnd = (Requests & PRCB_REQUEST_QUANTUM_END) != 0;
        if (QuantumEnd) {
            Current->Quantum = KTHREAD_QUANTUM_TICKS;
            if (Current->Priority > Current->BasePriority) {
                Current->Priority--;
            }
        }
        KiInsertReadyQueue(Current, !QuantumEnd);
    }
    KiSwapThread(OldIrql);
}

/* Called by the HAL's timer interrupt at CLOCK_LEVEL. */
void KeClockInterrupt(void)
{
    KPRCB *Prcb = KeGetCurrentPrcb();
    KTHREAD *Current = Prcb->CurrentThread;

    Prcb->ClockTicks++;

    if (Current == Prcb->IdleThread) {
        if (__atomic_load_n(&KiReadySummary, __ATOMIC_RELAXED) != 0) {
            __atomic_or_fetch(&Prcb->RequestFlags, PRCB_REQUEST_RESCHEDULE, __ATOMIC_RELAXED);
        }
        return;
    }

    if (--Current->Quantum <= 0) {
        __atomic_or_fetch(&Prcb->RequestFlags, PRCB_REQUEST_QUANTUM_END, __ATOMIC_RELAXED);
    }
}

KSTATUS KeInitializeThread(KTHREAD *Thread, void *StackBase, size_t StackSize,
                           KSTART_ROUTINE StartRoutine, void *StartContext,
                           KPRIORITY Priority, const char *Name)
{
    uintptr_t *Frame;
    uintptr_t Top;
    uint32_t Id;
    KIRQL OldIrql;

    if (Thread == NULL || StackBase == NULL || StartRoutine == NULL ||
        StackSize < KPAGE_SIZE || Priority <= LOW_PRIORITY || Priority > HIGH_PRIORITY) {
        return STATUS_INVALID_PARAMETER;
    }

    OldIrql = KiAcquireDispatcherLock();
    Id = RtlFindClearBitsAndSet(&KiThreadIds, 1, KiThreadIdHint);
    if (Id != RTL_BITMAP_NOT_FOUND) {
        KiThreadIdHint = Id + 1;
    }
    KiReleaseDispatcherLock(OldIrql);
    if (Id == RTL_BITMAP_NOT_FOUND) {
        return STATUS_NO_MEMORY;
    }

    RtlZeroMemory(Thread, sizeof(*Thread));
    Thread->Header.Kind = KObjectThread;
    RtlInitializeListHead(&Thread->Header.WaitListHead);
    RtlInitializeListHead(&Thread->ReadyListEntry);
    RtlInitializeListHead(&Thread->WaitBlock.WaitListEntry);
    Thread->StackBase = StackBase;
    Thread->StackSize = StackSize;
    Thread->State = ThreadInitialized;
    Thread->Priority = Priority;
    Thread->BasePriority = Priority;
    Thread->Quantum = KTHREAD_QUANTUM_TICKS;
    Thread->ThreadId = Id;
    Thread->StartRoutine = StartRoutine;
    Thread->StartContext = StartContext;
    Thread->Name = Name;

    /*
     * Build the frame KiSwapContext pops on the first switch to this
     * thread: r15, r14, r13, r12, rbp, rbx and a return address into
     * KiThreadStartup. R12 carries the thread pointer. After the final
     * "ret" the stack pointer is 16-byte aligned, as KiThreadStartup
     * expects before its call.
     */
    Top = ALIGN_DOWN((uintptr_t)StackBase + StackSize, (uintptr_t)16);
    Frame = (uintptr_t *)Top - 7;
    Frame[0] = 0;
    Frame[1] = 0;
    Frame[2] = 0;
    Frame[3] = (uintptr_t)Thread;
    Frame[4] = 0;
    Frame[5] = 0;
    Frame[6] = (uintptr_t)KiThreadStartup;
    Thread->StackPointer = (uintptr_t)Frame;

    return STATUS_SUCCESS;
}

void KeStartThread(KTHREAD *Thread)
{
    KIRQL OldIrql;

    KASSERT(Thread->State == ThreadInitialized);

    OldIrql = KiAcquireDispatcherLock();
    KiReadyThread(Thread);
    KiReleaseDispatcherLock(OldIrql);
}

/*
 * First code a new thread runs, entered from KiThreadStartup with the
 * dispatcher lock held by whoever switched to us.
 */
NORETURN void KiStartThread(KTHREAD *Thread)
{
    KeReleaseSpinLockFromDpcLevel(&KiDispatcherLock);
    KeLowerIrql(PASSIVE_LEVEL);

    Thread->StartRoutine(Thread->StartContext);
    KeExitThread();
}

/*
 * Gives up the processor if any other thread is ready. Also used by the
 * idle loop, whose thread is never put on a ready queue.
 */
void KeYieldExecution(void)
{
    KIRQL OldIrql = KiAcquireDispatcherLock();
    KPRCB *Prcb = KeGetCurrentPrcb();

    if (KiReadySummary == 0) {
        KiReleaseDispatcherLock(OldIrql);
        return;
    }
    if (Prcb->CurrentThread != Prcb->IdleThread) {
        KiInsertReadyQueue(Prcb->CurrentThread, false);
    }
    KiSwapThread(OldIrql);
}

KPRIORITY KeSetPriorityThread(KTHREAD *Thread, KPRIORITY Priority)
{
    KPRIORITY Previous;
    KIRQL OldIrql;

    KASSERT(Priority > LOW_PRIORITY && Priority <= HIGH_PRIORITY);

    OldIrql = KiAcquireDispatcherLock();
    Previous = Thread->BasePriority;
    if (Thread->State == ThreadReady) {
        KiRemoveReadyThread(Thread);
        Thread->Priority = Priority;
        Thread->BasePriority = Priority;
        KiInsertReadyQueue(Thread, false);
    } else {
        Thread->Priority = Priority;
        Thread->BasePriority = Priority;
        if (Thread == KeGetCurrentThread() && Priority < HIGH_PRIORITY &&
            (KiReadySummary >> (Priority + 1)) != 0) {
            __atomic_or_fetch(&KeGetCurrentPrcb()->RequestFlags,
                              PRCB_REQUEST_RESCHEDULE, __ATOMIC_RELAXED);
        }
    }
    KiReleaseDispatcherLock(OldIrql);
    return Previous;
}

NORETURN void KeExitThread(void)
{
    KIRQL OldIrql = KiAcquireDispatcherLock();
    KTHREAD *Thread = KeGetCurrentThread();

    KASSERT(Thread != KeGetCurrentPrcb()->IdleThread);

    Thread->State = ThreadTerminated;
    Thread->Header.SignalState = 1;
    KiWakeWaiters(&Thread->Header, 0);
    RtlClearBits(&KiThreadIds, Thread->ThreadId, 1);
    KdPrintTrace("ke: thread %u (%s) exited\n", Thread->ThreadId,
                 Thread->Name != NULL ? Thread->Name : "?");

    KiSwapThread(OldIrql);

    /* A terminated thread is never selected again. */
    KeBugCheck(BUGCHECK_INVALID_WAIT, (uintptr_t)Thread, Thread->State, 3, 0);
}
