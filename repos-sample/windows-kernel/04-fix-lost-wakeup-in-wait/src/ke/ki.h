/*
 * ki.h - Kernel core internals. Only src/ke and the unit tests include
 * this header.
 */

#ifndef KI_H
#define KI_H

#include "ke.h"

/*
 * The dispatcher lock protects every dispatcher object's signal state and
 * wait list, the ready queues, and each thread's State field. It is the
 * innermost lock in the system: nothing else may be acquired under it
 * except the debug print lock.
 */
extern KSPIN_LOCK KiDispatcherLock;

/* Set once the boot processor's PRCB is reachable through GS. */
extern bool KiProcessorInitialized;

static inline KIRQL KiAcquireDispatcherLock(void)
{
    return KeAcquireSpinLock(&KiDispatcherLock);
}

static inline void KiReleaseDispatcherLock(KIRQL OldIrql)
{
    KeReleaseSpinLock(&KiDispatcherLock, OldIrql);
}

/* sched.c */
void KiInitializeScheduler(void);
void KiInitializeProcessor(KPRCB *Prcb, uint32_t Number, KTHREAD *IdleThread);
void KiReadyThread(KTHREAD *Thread);
KTHREAD *KiSelectNextThread(KPRCB *Prcb);
void KiSwapThread(KIRQL OldIrql);
void KiDispatchPending(void);
NORETURN void KiStartThread(KTHREAD *Thread);

/* dispatch.c -- all require the dispatcher lock. */
void KiUnwaitThread(KTHREAD *Thread, KSTATUS WaitStatus, KPRIORITY Increment);
void KiWakeWaiters(DISPATCHER_HEADER *Header, KPRIORITY Increment);

/* amd64/ctxswap.S */
void KiSwapContext(KTHREAD *OldThread, KTHREAD *NewThread);
void KiThreadStartup(void);

#endif /* KI_H */
