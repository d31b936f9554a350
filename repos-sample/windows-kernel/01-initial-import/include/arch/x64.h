/*
 * arch/x64.h - Thin wrappers around the x86-64 instructions the executive
 * needs. Nothing outside ke/, kd and drivers/ should include this directly.
 *
 * Under KERNEL_HOST_TEST the privileged instructions are replaced by plain
 * variables owned by the test harness, so that IRQL and interrupt state can
 * be observed from a normal user-mode process.
 */

#ifndef ARCH_X64_H
#define ARCH_X64_H

#include "kbase.h"

#define RFLAGS_IF               (1ull << 9)

#define MSR_IA32_GS_BASE        0xC0000101u
#define MSR_IA32_KERNEL_GS_BASE 0xC0000102u

#ifndef KERNEL_HOST_TEST

static inline uint64_t ArchSaveFlagsAndDisable(void)
{
    uint64_t Flags;

    __asm__ volatile("pushfq\n\tpopq %0\n\tcli" : "=r"(Flags) : : "memory");
    return Flags;
}

static inline void ArchRestoreFlags(uint64_t Flags)
{
    __asm__ volatile("pushq %0\n\tpopfq" : : "r"(Flags) : "memory", "cc");
}

static inline void ArchDisableInterrupts(void)
{
    __asm__ volatile("cli" : : : "memory");
}

static inline void ArchEnableInterrupts(void)
{
    __asm__ volatile("sti" : : : "memory");
}

static inline void ArchPause(void)
{
    __asm__ volatile("pause");
}

static inline void ArchHalt(void)
{
    __asm__ volatile("hlt" : : : "memory");
}

/*
 * CR8 is the task priority register. The executive maps IRQL 0..15 onto it
 * directly, so raising IRQL masks every interrupt vector whose priority
 * class (vector >> 4) is at or below the new level.
 */
static inline uint64_t ArchReadCr8(void)
{
    uint64_t Value;

    __asm__ volatile("movq %%cr8, %0" : "=r"(Value));
    return Value;
}

static inline void ArchWriteCr8(uint64_t Value)
{
    __asm__ volatile("movq %0, %%cr8" : : "r"(Value) : "memory");
}

static inline uint8_t ArchInByte(uint16_t Port)
{
    uint8_t Value;

    __asm__ volatile("inb %1, %0" : "=a"(Value) : "Nd"(Port));
    return Value;
}

static inline void ArchOutByte(uint16_t Port, uint8_t Value)
{
    __asm__ volatile("outb %0, %1" : : "a"(Value), "Nd"(Port));
}

static inline uint64_t ArchReadTsc(void)
{
    uint32_t Low, High;

    __asm__ volatile("rdtsc" : "=a"(Low), "=d"(High));
    return ((uint64_t)High << 32) | Low;
}

static inline void ArchWriteMsr(uint32_t Msr, uint64_t Value)
{
    __asm__ volatile("wrmsr"
                     : : "c"(Msr), "a"((uint32_t)Value),
                         "d"((uint32_t)(Value >> 32))
                     : "memory");
}

#else /* KERNEL_HOST_TEST */

extern uint64_t ArchHostCr8;
extern uint64_t ArchHostFlags;

static inline uint64_t ArchSaveFlagsAndDisable(void)
{
    uint64_t Flags = ArchHostFlags;

    ArchHostFlags &= ~RFLAGS_IF;
    return Flags;
}

static inline void ArchRestoreFlags(uint64_t Flags)   { ArchHostFlags = Flags; }
static inline void ArchDisableInterrupts(void)        { ArchHostFlags &= ~RFLAGS_IF; }
static inline void ArchEnableInterrupts(void)         { ArchHostFlags |= RFLAGS_IF; }
static inline void ArchPause(void)                    { }
static inline void ArchHalt(void)                     { }
static inline uint64_t ArchReadCr8(void)              { return ArchHostCr8; }
static inline void ArchWriteCr8(uint64_t Value)       { ArchHostCr8 = Value; }
static inline uint8_t ArchInByte(uint16_t Port)       { UNUSED(Port); return 0xFF; }
static inline void ArchOutByte(uint16_t Port, uint8_t Value)
{
    UNUSED(Port);
    UNUSED(Value);
}
static inline uint64_t ArchReadTsc(void)              { return 0; }
static inline void ArchWriteMsr(uint32_t Msr, uint64_t Value)
{
    UNUSED(Msr);
    UNUSED(Value);
}

#endif /* KERNEL_HOST_TEST */

#endif /* ARCH_X64_H */
