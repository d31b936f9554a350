/*
 * harness.c - Test runner and the host replacements for hardware and for
 * kernel services that a given test does not link.
 *
 * Replacements are weak so that a test linking the real implementation
 * (say, sched.c) gets the real one.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ke.h"
#include "kd.h"
#include "mi.h"
#include "arch/x64.h"

#define WEAK __attribute__((weak))

/* Simulated processor state used by arch/x64.h in host builds. */
uint64_t ArchHostCr8;
uint64_t ArchHostFlags = RFLAGS_IF;

static KPRCB HarnessPrcb = { .Self = &HarnessPrcb };
KPRCB *KiHostPrcb = &HarnessPrcb;

WEAK bool KiProcessorInitialized = true;

jmp_buf HarnessBugCheckJump;
bool HarnessBugCheckArmed;
HARNESS_BUGCHECK HarnessLastBugCheck;

static const char *HarnessCurrentTest;
static uint32_t HarnessFailures;

void HarnessResetProcessor(void)
{
    ArchHostCr8 = 0;
    ArchHostFlags = RFLAGS_IF;
}

NORETURN void KeBugCheck(uint32_t Code, uintptr_t P1, uintptr_t P2,
                         uintptr_t P3, uintptr_t P4)
{
    HarnessLastBugCheck.Code = Code;
    HarnessLastBugCheck.Parameters[0] = P1;
    HarnessLastBugCheck.Parameters[1] = P2;
    HarnessLastBugCheck.Parameters[2] = P3;
    HarnessLastBugCheck.Parameters[3] = P4;

    if (HarnessBugCheckArmed) {
        HarnessBugCheckArmed = false;
        longjmp(HarnessBugCheckJump, 1);
    }

    fprintf(stderr, "  %s: unexpected bug check 0x%04x (%#lx, %#lx, %#lx, %#lx)\n",
            HarnessCurrentTest, Code, (unsigned long)P1, (unsigned long)P2,
            (unsigned long)P3, (unsigned long)P4);
    if (Code == BUGCHECK_ASSERTION_FAILED) {
        fprintf(stderr, "  assertion \"%s\" at %s:%lu\n",
                (const char *)P1, (const char *)P2, (unsigned long)P3);
    }
    abort();
}

WEAK void KiDispatchPending(void)
{
}

WEAK void KdVPrintEx(uint32_t Level, const char *Format, va_list Args)
{
    UNUSED(Level);
    if (getenv("HARNESS_VERBOSE") != NULL) {
        vfprintf(stderr, Format, Args);
    }
}

WEAK void KdPrintEx(uint32_t Level, const char *Format, ...)
{
    va_list Args;

    va_start(Args, Format);
    KdVPrintEx(Level, Format, Args);
    va_end(Args);
}

/*
 * Page arena. Pages are handed out lowest address first, so consecutive
 * allocations are adjacent in memory just as consecutive physical pages
 * are adjacent in the direct map.
 */
#define HARNESS_ARENA_PAGES     64

static uint8_t HarnessArena[HARNESS_ARENA_PAGES * KPAGE_SIZE] __attribute__((aligned(KPAGE_SIZE)));
static uint16_t HarnessArenaRun[HARNESS_ARENA_PAGES];    /* run length at first page */
static bool HarnessArenaUsed[HARNESS_ARENA_PAGES];

void HarnessResetArena(void)
{
    memset(HarnessArenaRun, 0, sizeof(HarnessArenaRun));
    memset(HarnessArenaUsed, 0, sizeof(HarnessArenaUsed));
}

uint32_t HarnessArenaPagesInUse(void)
{
    uint32_t Count = 0;
    uint32_t Index;

    for (Index = 0; Index < HARNESS_ARENA_PAGES; Index++) {
        Count += HarnessArenaUsed[Index] ? 1 : 0;
    }
    return Count;
}

WEAK void *MiAllocatePoolPages(uint32_t PageCount)
{
    uint32_t Start, Index;

    for (Start = 0; Start + PageCount <= HARNESS_ARENA_PAGES; Start++) {
        for (Index = 0; Index < PageCount; Index++) {
            if (HarnessArenaUsed[Start + Index]) {
                break;
            }
        }
        if (Index == PageCount) {
            for (Index = 0; Index < PageCount; Index++) {
                HarnessArenaUsed[Start + Index] = true;
            }
            HarnessArenaRun[Start] = (uint16_t)PageCount;
            /* Stale contents, like a real free page. */
            memset(&HarnessArena[Start * KPAGE_SIZE], 0xCC, (size_t)PageCount * KPAGE_SIZE);
            return &HarnessArena[Start * KPAGE_SIZE];
        }
    }
    return NULL;
}

WEAK void MiFreePoolPages(void *Base, uint32_t PageCount)
{
    size_t Offset = (size_t)((uint8_t *)Base - HarnessArena);
    uint32_t Start = (uint32_t)(Offset / KPAGE_SIZE);
    uint32_t Index;

    if (Offset % KPAGE_SIZE != 0 || Start >= HARNESS_ARENA_PAGES ||
        HarnessArenaRun[Start] != PageCount) {
        KeBugCheck(BUGCHECK_PFN_CORRUPTION, (uintptr_t)Base, PageCount,
                   Start < HARNESS_ARENA_PAGES ? HarnessArenaRun[Start] : 0, 4);
    }
    for (Index = 0; Index < PageCount; Index++) {
        HarnessArenaUsed[Start + Index] = false;
    }
    HarnessArenaRun[Start] = 0;
}

void HarnessCheck(bool Passed, const char *Expression, const char *File, int Line)
{
    if (!Passed) {
        fprintf(stderr, "  %s: FAILED %s (%s:%d)\n", HarnessCurrentTest, Expression, File, Line);
        HarnessFailures++;
    }
}

void HarnessCheckEqual(uint64_t Actual, uint64_t Expected, const char *ActualText,
                       const char *ExpectedText, const char *File, int Line)
{
    if (Actual != Expected) {
        fprintf(stderr, "  %s: FAILED %s == %s: got %#llx, expected %#llx (%s:%d)\n",
                HarnessCurrentTest, ActualText, ExpectedText,
                (unsigned long long)Actual, (unsigned long long)Expected, File, Line);
        HarnessFailures++;
    }
}

void HarnessCheckString(const char *Actual, const char *Expected, const char *File, int Line)
{
    if (strcmp(Actual, Expected) != 0) {
        fprintf(stderr, "  %s: FAILED got \"%s\", expected \"%s\" (%s:%d)\n",
                HarnessCurrentTest, Actual, Expected, File, Line);
        HarnessFailures++;
    }
}

int HarnessRunTests(const char *Suite, const HARNESS_TEST *Tests, size_t Count)
{
    uint32_t FailedTests = 0;
    size_t Index;

    for (Index = 0; Index < Count; Index++) {
        uint32_t Before = HarnessFailures;

        HarnessCurrentTest = Tests[Index].Name;
        HarnessResetProcessor();
        Tests[Index].Routine();
        if (HarnessFailures != Before) {
            FailedTests++;
        }
        printf("  %-40s %s\n", Tests[Index].Name, HarnessFailures == Before ? "ok" : "FAILED");
        fflush(stdout);             /* keep results in order with stderr */
    }

    printf("%s: %zu tests, %u failed\n", Suite, Count, FailedTests);
    return FailedTests == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
