/*
 * ctxswap.S - Thread context switch for x86-64 (System V calling convention).
 *
 * Only callee-saved registers are preserved: the switch happens inside an
 * ordinary function call, so the caller already assumes everything else is
 * clobbered. The kernel does not use SSE/x87, so there is no FPU state to
 * save. RFLAGS is not switched either; both sides run at DISPATCH_LEVEL
 * with interrupts enabled and the direction flag clear.
 */

/* Must match KTHREAD_STACK_POINTER in include/ke.h (checked in sched.c). */
#define KTHREAD_STACK_POINTER   24

        .text

/*
 * void KiSwapContext(KTHREAD *OldThread, KTHREAD *NewThread)
 *
 *   rdi = OldThread, rsi = NewThread
 *
 * Returns on OldThread's stack when some processor switches back to it.
 */
        .globl  KiSwapContext
        .type   KiSwapContext, @function
KiSwapContext:
        pushq   %rbx
        pushq   %rbp
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15

        movq    %rsp, KTHREAD_STACK_POINTER(%rdi)
        movq    KTHREAD_STACK_POINTER(%rsi), %rsp

        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbp
        popq    %rbx
        ret
        .size   KiSwapContext, . - KiSwapContext

/*
 * First instruction of every new thread. KeInitializeThread leaves the
 * thread pointer in r12 and the stack 16-byte aligned. Clearing rbp ends
 * the frame-pointer chain so debugger backtraces stop here.
 */
        .globl  KiThreadStartup
        .type   KiThreadStartup, @function
KiThreadStartup:
        xorl    %ebp, %ebp
        movq    %r12, %rdi
        call    KiStartThread
        ud2                             /* KiStartThread does not return */
        .size   KiThreadStartup, . - KiThreadStartup

        .section .note.GNU-stack, "", @progbits
