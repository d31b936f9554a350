/*
 * harness.h - Minimal unit test harness for host builds of kernel code.
 *
 * Tests are plain functions listed in a table and run in order. A failed
 * CHECK records the failure and carries on, so one run reports every
 * broken expectation. Bug checks raised by the code under test either
 * satisfy an EXPECT_BUGCHECK or fail the current test.
 */

#ifndef HARNESS_H
#define HARNESS_H

#include <setjmp.h>
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

#include "kbase.h"

typedef void (*HARNESS_TEST_ROUTINE)(void);

typedef struct _HARNESS_TEST {
    const char *Name;
    HARNESS_TEST_ROUTINE Routine;
} HARNESS_TEST;

#define HARNESS_TEST_ENTRY(Routine)     { #Routine, Routine }

typedef struct _HARNESS_BUGCHECK {
    uint32_t Code;
    uintptr_t Parameters[4];
} HARNESS_BUGCHECK;

extern jmp_buf HarnessBugCheckJump;
extern bool HarnessBugCheckArmed;
extern HARNESS_BUGCHECK HarnessLastBugCheck;

int HarnessRunTests(const char *Suite, const HARNESS_TEST *Tests, size_t Count);
void HarnessCheck(bool Passed, const char *Expression, const char *File, int Line);
void HarnessCheckEqual(uint64_t Actual, uint64_t Expected, const char *ActualText,
                       const char *ExpectedText, const char *File, int Line);
void HarnessCheckString(const char *Actual, const char *Expected, const char *File, int Line);

/* Puts the simulated processor back at PASSIVE_LEVEL with interrupts on. */
void HarnessResetProcessor(void);

/* Page arena backing MiAllocatePoolPages in tests that link pool.c. */
void HarnessResetArena(void);
uint32_t HarnessArenaPagesInUse(void);

#define CHECK(Expression) \
    HarnessCheck((Expression) ? true : false, #Expression, __FILE__, __LINE__)

#define CHECK_EQ(Actual, Expected) \
    HarnessCheckEqual((uint64_t)(Actual), (uint64_t)(Expected), #Actual, #Expected, \
                      __FILE__, __LINE__)

#define CHECK_STR(Actual, Expected) \
    HarnessCheckString((Actual), (Expected), __FILE__, __LINE__)

/*
 * Runs Statement and expects it to bug check with ExpectedCode. The bug
 * check unwinds straight back here, so anything Statement held (locks,
 * raised IRQL) is left as it was; call HarnessResetProcessor afterwards
 * if the test continues.
 */
#define EXPECT_BUGCHECK(ExpectedCode, Statement)                            \
    do {                                                                    \
        HarnessBugCheckArmed = true;                                        \
        if (setjmp(HarnessBugCheckJump) == 0) {                             \
            Statement;                                                      \
            HarnessBugCheckArmed = false;                                   \
            HarnessCheck(false, "bug check " #ExpectedCode " expected",     \
                         __FILE__, __LINE__);                               \
        } else {                                                            \
            CHECK_EQ(HarnessLastBugCheck.Code, (ExpectedCode));             \
        }                                                                   \
    } while (0)

#endif /* HARNESS_H */
