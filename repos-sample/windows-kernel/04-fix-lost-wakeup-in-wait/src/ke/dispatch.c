/*
 * dispatch.c - Dispatcher objects: events, semaphores and waits.
 *
 * A wait is satisfied when the object's SignalState is positive. What
 * satisfying it does depends on the object:
 *
 *   notification event     nothing; every waiter is released
 *   synchronization event  SignalState drops back to 0 (one waiter)
 *   semaphore              SignalState is decremented
 *   thread                 nothing; a terminated thread stays signalled
 *
 * Each thread has exactly one wait block, so a thread waits on at most one
 * object at a time. Multi-object waits are not needed by anything yet.
 */

#include "ki.h"

static inline bool KiIsSignalled(const DISPATCHER_HEADER *Header)
{
    return Header->SignalState > 0;
}

static void KiConsumeSignal(DISPATCHER_HEADER *Header)
{
    switch (Header->Kind) {
    case KObjectEvent:
        if (Header->AutoReset) {
            Header->SignalState = 0;
        }
        break;

    case KObjectSemaphore:
        Header->SignalState--;
        break;

    case KObjectThread:
        break;

    default:
        KeBugCheck(BUGCHECK_INVALID_WAIT, (uintptr_t)Header, Header->Kind, 0, 0);
    }
}

static void KiInitializeHeader(DISPATCHER_HEADER *Header, KOBJECT_KIND Kind,
                               bool AutoReset, int32_t SignalState)
{
    Header->Kind = (uint8_t)Kind;
    Header->AutoReset = AutoReset ? 1 : 0;
    Header->Reserved = 0;
    Header->SignalState = SignalState;
    RtlInitializeListHead(&Header->WaitListHead);
}

/*
 * Takes Thread out of its wait and makes it ready. The priority boost is
 * accepted but not applied yet; see docs/architecture.md.
 */
void KiUnwaitThread(KTHREAD *Thread, KSTATUS WaitStatus, KPRIORITY Increment)
{
    UNUSED(Increment);

    KASSERT(Thread->State == ThreadWaiting);
    RtlRemoveEntryList(&Thread->WaitBlock.WaitListEntry);
    Thread->WaitBlock.Object = NULL;
    Thread->WaitStatus = WaitStatus;
    KiReadyThread(Thread);
}

/* Releases waiters, oldest first, for as long as the object stays signalled. */
void KiWakeWaiters(DISPATCHER_HEADER *Header, KPRIORITY Increment)
{
    while (KiIsSignalled(Header) && !RtlIsListEmpty(&Header->WaitListHead)) {
        KWAIT_BLOCK *WaitBlock = CONTAINER_OF(Header->WaitListHead.Next,
                                              KWAIT_BLOCK, WaitListEntry);

        KiConsumeSignal(Header);
        KiUnwaitThread(WaitBlock->Thread, STATUS_SUCCESS, Increment);
    }
}

void KeInitializeEvent(KEVENT *Event, EVENT_TYPE Type, bool Signalled)
{
    KiInitializeHeader(&Event->Header, KObjectEvent,
                       Type == SynchronizationEvent, Signalled ? 1 : 0);
}

int32_t KeSetEvent(KEVENT *Event, KPRIORITY Increment)
{
    int32_t Previous;
    KIRQL OldIrql;

    OldIrql = KiAcquireDispatcherLock();
    Previous = Event->Header.SignalState;
    Event->Header.SignalState = 1;
    KiWakeWaiters(&Event->Header, Increment);
    KiReleaseDispatcherLock(OldIrql);
    return Previous;
}

int32_t KeResetEvent(KEVENT *Event)
{
    int32_t Previous;
    KIRQL OldIrql;

    OldIrql = KiAcquireDispatcherLock();
    Previous = Event->Header.SignalState;
    Event->Header.SignalState = 0;
    KiReleaseDispatcherLock(OldIrql);
    return Previous;
}

bool KeReadStateEvent(KEVENT *Event)
{
    return __atomic_load_n(&Event->Header.SignalState, __ATOMIC_ACQUIRE) > 0;
}

void KeInitializeSemaphore(KSEMAPHORE *Semaphore, int32_t Count, int32_t Limit)
{
    KASSERT(Limit > 0 && Count >= 0 && Count <= Limit);

    KiInitializeHeader(&Semaphore->Header, KObjectSemaphore, false, Count);
    Semaphore->Limit = Limit;
}

int32_t KeReleaseSemaphore(KSEMAPHORE *Semaphore, KPRIORITY Increment, int32_t Adjustment)
{
    int32_t Previous;
    KIRQL OldIrql;

    OldIrql = KiAcquireDispatcherLock();
    Previous = Semaphore->Header.SignalState;

    /* Releasing past the limit is a caller bug, not a runtime condition. */
    if (Adjustment <= 0 || Adjustment > Semaphore->Limit - Previous) {
        KeBugCheck(BUGCHECK_INVALID_WAIT, (uintptr_t)Semaphore, (uintptr_t)Previous,
                   (uintptr_t)Adjustment, (uintptr_t)Semaphore->Limit);
    }

    Semaphore->Header.SignalState = Previous + Adjustment;
    KiWakeWaiters(&Semaphore->Header, Increment);
    KiReleaseDispatcherLock(OldIrql);
    return Previous;
}

KSTATUS KeWaitForSingleObject(void *Object)
{
    DISPATCHER_HEADER *Header = Object;
    KTHREAD *Thread = KeGetCurrentThread();
    KWAIT_BLOCK *WaitBlock = &Thread->WaitBlock;
    KIRQL OldIrql;

    if (KeGetCurrentIrql() >= DISPATCH_LEVEL) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, KeGetCurrentIrql(), DISPATCH_LEVEL,
                   (uintptr_t)Object, 2);
    }
    if (Thread == KeGetCurrentPrcb()->IdleThread) {
        KeBugCheck(BUGCHECK_INVALID_WAIT, (uintptr_t)Object, (uintptr_t)Thread, 1, 0);
    }

    OldIrql = KiAcquireDispatcherLock();

    /* Fast path: the object is already signalled. */
    if (KiIsSignalled(Header)) {
        KiConsumeSignal(Header);
        KiReleaseDispatcherLock(OldIrql);
        return STATUS_SUCCESS;
    }

    /*
     * Slow path: queue our wait block and switch away, all under the same
     * hold of the dispatcher lock. Dropping the lock anywhere between the
     * signal check and the switch opens two races:
     *
     *  - a signal arriving before the wait block is queued finds no
     *    waiter, so the object stays signalled while we go to sleep on it;
     *  - a signal arriving after the wait block is queued readies this
     *    thread while it is still running here, so another processor can
     *    pick it up and both run on the same stack.
     */
    WaitBlock->Thread = Thread;
    WaitBlock->Object = Header;
    Thread->WaitStatus = STATUS_PENDING;
    RtlInsertTailList(&Header->WaitListHead, &WaitBlock->WaitListEntry);
    Thread->State = ThreadWaiting;

    KiSwapThread(OldIrql);
    return Thread->WaitStatus;
}
