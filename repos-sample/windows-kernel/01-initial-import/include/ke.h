/*
 * ke.h - Kernel core: IRQL, spin locks, dispatcher objects, threads and
 * the per-processor control block.
 *
 * Naming: Ke* routines are the public kernel interface; Ki* routines are
 * private to src/ke and declared in src/ke/ki.h.
 */

#ifndef KE_H
#define KE_H

#include "kbase.h"
#include "rtl.h"

/*
 * Interrupt request levels. IRQL is a property of the processor, not of
 * the thread. Code running at DISPATCH_LEVEL or above must not wait and
 * must not touch paged pool.
 */
typedef uint8_t KIRQL;

#define PASSIVE_LEVEL       0
#define APC_LEVEL           1
#define DISPATCH_LEVEL      2
#define DEVICE_LEVEL_LOW    3
#define DEVICE_LEVEL_HIGH   11
#define PROFILE_LEVEL       12
#define CLOCK_LEVEL         13
#define IPI_LEVEL           14
#define HIGH_LEVEL          15

KIRQL KeGetCurrentIrql(void);
KIRQL KeRaiseIrql(KIRQL NewIrql);
void KeLowerIrql(KIRQL NewIrql);

/*
 * Spin locks. KeAcquireSpinLock raises to DISPATCH_LEVEL first, so the
 * holder cannot be preempted by the scheduler on its own processor.
 */
typedef struct _KSPIN_LOCK {
    volatile uint32_t Locked;
} KSPIN_LOCK;

#define KSPIN_LOCK_INIT     { 0 }

void KeInitializeSpinLock(KSPIN_LOCK *Lock);
KIRQL KeAcquireSpinLock(KSPIN_LOCK *Lock);
void KeReleaseSpinLock(KSPIN_LOCK *Lock, KIRQL OldIrql);
void KeAcquireSpinLockAtDpcLevel(KSPIN_LOCK *Lock);
void KeReleaseSpinLockFromDpcLevel(KSPIN_LOCK *Lock);
bool KeTryAcquireSpinLockAtDpcLevel(KSPIN_LOCK *Lock);

/*
 * Interrupt-safe variants for data shared with interrupt service routines.
 * They disable interrupts rather than raise IRQL and return the previous
 * RFLAGS. The lower-case aliases match the helpers that driver partners
 * already use in their portable code.
 */
uint64_t KeAcquireSpinLockIrqSave(KSPIN_LOCK *Lock);
void KeReleaseSpinLockIrqRestore(KSPIN_LOCK *Lock, uint64_t Flags);

#define spin_lock_irqsave(Lock, Flags)      ((Flags) = KeAcquireSpinLockIrqSave(Lock))
#define spin_unlock_irqrestore(Lock, Flags) KeReleaseSpinLockIrqRestore((Lock), (Flags))

/*
 * Dispatcher objects. Every waitable object starts with a
 * DISPATCHER_HEADER; the dispatcher lock (private to ke) protects the
 * signal state and wait list of all of them.
 */
typedef enum _KOBJECT_KIND {
    KObjectEvent        = 1,
    KObjectSemaphore    = 2,
    KObjectThread       = 3,
} KOBJECT_KIND;

typedef struct _DISPATCHER_HEADER {
    uint8_t Kind;                   /* KOBJECT_KIND */
    uint8_t AutoReset;              /* satisfying one wait resets the state */
    uint16_t Reserved;
    int32_t SignalState;
    LIST_ENTRY WaitListHead;        /* KWAIT_BLOCK.WaitListEntry */
} DISPATCHER_HEADER;

typedef enum _EVENT_TYPE {
    NotificationEvent,              /* stays signalled until reset */
    SynchronizationEvent,           /* releases one waiter, then resets */
} EVENT_TYPE;

typedef struct _KEVENT {
    DISPATCHER_HEADER Header;
} KEVENT;

typedef struct _KSEMAPHORE {
    DISPATCHER_HEADER Header;
    int32_t Limit;
} KSEMAPHORE;

struct _KTHREAD;

typedef struct _KWAIT_BLOCK {
    LIST_ENTRY WaitListEntry;
    struct _KTHREAD *Thread;
    DISPATCHER_HEADER *Object;
} KWAIT_BLOCK;

/*
 * Threads and priorities. Priorities run from 0 (idle only) to 31;
 * 16 and above are the real-time band and are never boosted.
 */
typedef int8_t KPRIORITY;

#define KPRIORITY_LEVELS        32
#define LOW_PRIORITY            0
#define NORMAL_PRIORITY         8
#define LOW_REALTIME_PRIORITY   16
#define HIGH_PRIORITY           31

#define KTHREAD_QUANTUM_TICKS   6

typedef enum _KTHREAD_STATE {
    ThreadInitialized,
    ThreadReady,
    ThreadRunning,
    ThreadWaiting,
    ThreadTerminated,
} KTHREAD_STATE;

typedef void (*KSTART_ROUTINE)(void *Context);

typedef struct _KTHREAD {
    DISPATCHER_HEADER Header;       /* signalled when the thread exits */
    uintptr_t StackPointer;         /* saved RSP; offset known to ctxswap.S */
    void *StackBase;
    size_t StackSize;
    LIST_ENTRY ReadyListEntry;
    KWAIT_BLOCK WaitBlock;
    KSTATUS WaitStatus;
    uint8_t State;                  /* KTHREAD_STATE */
    KPRIORITY Priority;
    KPRIORITY BasePriority;
    int8_t Quantum;
    uint32_t ThreadId;
    KSTART_ROUTINE StartRoutine;
    void *StartContext;
    const char *Name;
} KTHREAD;

#define KTHREAD_STACK_POINTER   24  /* offsetof(KTHREAD, StackPointer) */

/*
 * Processor control block. On hardware GS:[0] holds Self, which is how
 * KeGetCurrentPrcb finds it without knowing the processor number.
 */
#define MAXIMUM_PROCESSORS      64

#define PRCB_REQUEST_RESCHEDULE     0x00000001u /* a better thread is ready */
#define PRCB_REQUEST_QUANTUM_END    0x00000002u /* current thread used its quantum */

typedef struct _KPRCB {
    struct _KPRCB *Self;
    KTHREAD *CurrentThread;
    KTHREAD *IdleThread;
    uint32_t Number;
    volatile uint32_t RequestFlags;
    uint64_t ContextSwitches;
    uint64_t ClockTicks;
} KPRCB;

static inline KPRCB *KeGetCurrentPrcb(void)
{
#ifdef KERNEL_HOST_TEST
    extern KPRCB *KiHostPrcb;
    return KiHostPrcb;
#else
    KPRCB *Prcb;

    __asm__ volatile("movq %%gs:0, %0" : "=r"(Prcb));
    return Prcb;
#endif
}

static inline KTHREAD *KeGetCurrentThread(void)
{
    return KeGetCurrentPrcb()->CurrentThread;
}

/* Events and semaphores (src/ke/dispatch.c). */
void KeInitializeEvent(KEVENT *Event, EVENT_TYPE Type, bool Signalled);
int32_t KeSetEvent(KEVENT *Event, KPRIORITY Increment);
int32_t KeResetEvent(KEVENT *Event);
bool KeReadStateEvent(KEVENT *Event);
void KeInitializeSemaphore(KSEMAPHORE *Semaphore, int32_t Count, int32_t Limit);
int32_t KeReleaseSemaphore(KSEMAPHORE *Semaphore, KPRIORITY Increment, int32_t Adjustment);

/*
 * Blocks the calling thread until Object (a KEVENT, KSEMAPHORE or KTHREAD)
 * is signalled. Must be called below DISPATCH_LEVEL. Timed waits arrive
 * with the timer queue.
 */
KSTATUS KeWaitForSingleObject(void *Object);

/* Threads and scheduling (src/ke/sched.c). */
void KeInitializeKernel(void);
KSTATUS KeInitializeThread(KTHREAD *Thread, void *StackBase, size_t StackSize,
                           KSTART_ROUTINE StartRoutine, void *StartContext,
                           KPRIORITY Priority, const char *Name);
void KeStartThread(KTHREAD *Thread);
void KeYieldExecution(void);
NORETURN void KeExitThread(void);
KPRIORITY KeSetPriorityThread(KTHREAD *Thread, KPRIORITY Priority);
void KeClockInterrupt(void);

#endif /* KE_H */
