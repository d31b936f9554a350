/*
 * init.c - System initialisation.
 *
 * Phase 0 runs on the boot processor, on the boot stack, with interrupts
 * off. It brings up just enough (debug print, scheduler, memory, object
 * manager) to create threads. Phase 1 then runs in a normal thread and
 * starts the I/O system and the built-in drivers, while the boot code
 * carries on as the idle thread.
 */

#include "kbase.h"
#include "bootinfo.h"
#include "ke.h"
#include "mm.h"
#include "ob.h"
#include "io.h"
#include "cm.h"
#include "kd.h"
#include "arch/x64.h"
#include "beep/beep.h"

#define PHASE1_STACK_SIZE       (4 * KPAGE_SIZE)
#define IDLE_ZERO_BUDGET        8

/* Reasons for BUGCHECK_PHASE0_INIT_FAILED, in parameter 1. */
#define INIT_FAILED_BOOT_INFO   1
#define INIT_FAILED_PFN         2
#define INIT_FAILED_OB          3
#define INIT_FAILED_THREAD      4

typedef struct _BUILTIN_DRIVER {
    const char *Name;
    DRIVER_ENTRY Entry;
} BUILTIN_DRIVER;

static const BUILTIN_DRIVER ExpBuiltinDrivers[] = {
    { "Beep", BeepDriverEntry },
};

static KTHREAD ExpPhase1Thread;
static uint8_t ExpPhase1Stack[PHASE1_STACK_SIZE] __attribute__((aligned(16)));

/*
 * Services\<Name>\Start in the SYSTEM hive: 0 starts the driver during
 * phase 1 (the default for built-in drivers), 4 disables it.
 */
#define SERVICE_START_BOOT      0u
#define SERVICE_START_DISABLED  4u

static void ExpStartBuiltinDrivers(void)
{
    char KeyPath[64];
    uint32_t Start;
    size_t Index;

    for (Index = 0; Index < ARRAY_COUNT(ExpBuiltinDrivers); Index++) {
        const BUILTIN_DRIVER *Driver = &ExpBuiltinDrivers[Index];

        RtlFormatString(KeyPath, sizeof(KeyPath), "Services\\%s", Driver->Name);
        Start = CmGetSystemUint32(KeyPath, "Start", SERVICE_START_BOOT);
        if (Start == SERVICE_START_DISABLED) {
            KdPrint("init: %s disabled by configuration\n", Driver->Name);
            continue;
        }

        /* A driver that fails to start is logged, not fatal. */
        IoCreateDriver(Driver->Name, Driver->Entry, NULL);
    }
}

static void ExpPhase1Initialization(void *Context)
{
    KSTATUS Status;

    UNUSED(Context);

    Status = IoInitSystem();
    if (!K_SUCCESS(Status)) {
        KeBugCheck(BUGCHECK_PHASE0_INIT_FAILED, INIT_FAILED_OB, (uintptr_t)Status, 1, 0);
    }
    ExpStartBuiltinDrivers();
    KdPrint("init: phase 1 complete\n");
}

static void ExpValidateBootInfo(const BOOT_INFO *BootInfo)
{
    if (BootInfo == NULL || BootInfo->Signature != BOOT_INFO_SIGNATURE ||
        BootInfo->Version < BOOT_INFO_VERSION) {
        KeBugCheck(BUGCHECK_PHASE0_INIT_FAILED, INIT_FAILED_BOOT_INFO,
                   (uintptr_t)BootInfo,
                   BootInfo != NULL ? BootInfo->Signature : 0,
                   BootInfo != NULL ? BootInfo->Version : 0);
    }
    if (BootInfo->MemoryMap == NULL || BootInfo->MemoryMapCount == 0) {
        KeBugCheck(BUGCHECK_NO_MEMORY_MAP, (uintptr_t)BootInfo, 0, 0, 0);
    }
}

/*
 * Entered from boot/entry.S on the boot stack. Never returns: once phase 1
 * is scheduled this becomes the idle loop.
 */
NORETURN void KiSystemStartup(const BOOT_INFO *BootInfo)
{
    KSTATUS Status;

    KdInitialize(BootInfo != NULL ? BootInfo->DebugPort : 0);
    KdPrint("kernel: starting, boot info at %p\n", (const void *)BootInfo);
    ExpValidateBootInfo(BootInfo);
    if (BootInfo->CommandLine != NULL) {
        KdPrint("kernel: command line \"%s\"\n", BootInfo->CommandLine);
    }

    KeInitializeKernel();

    Status = MmInitializePfnDatabase(BootInfo->MemoryMap, BootInfo->MemoryMapCount);
    if (!K_SUCCESS(Status)) {
        KeBugCheck(BUGCHECK_PHASE0_INIT_FAILED, INIT_FAILED_PFN, (uintptr_t)Status, 0, 0);
    }
    MmInitializePool();

    /* Configuration is optional: a bad hive only costs us the settings. */
    CmInitSystem(BootInfo->SystemHive, BootInfo->SystemHiveLength);
    KdSetPrintLevel(CmGetSystemUint32("Control\\Kernel", "DebugPrintLevel", KD_LEVEL_INFO));

    Status = ObInitSystem();
    if (!K_SUCCESS(Status)) {
        KeBugCheck(BUGCHECK_PHASE0_INIT_FAILED, INIT_FAILED_OB, (uintptr_t)Status, 0, 0);
    }

    Status = KeInitializeThread(&ExpPhase1Thread, ExpPhase1Stack, sizeof(ExpPhase1Stack),
                                ExpPhase1Initialization, NULL, NORMAL_PRIORITY, "Phase1");
    if (!K_SUCCESS(Status)) {
        KeBugCheck(BUGCHECK_PHASE0_INIT_FAILED, INIT_FAILED_THREAD, (uintptr_t)Status, 0, 0);
    }
    KeStartThread(&ExpPhase1Thread);
    KdPrint("init: phase 0 complete\n");

    /*
     * Idle loop. Halting needs the HAL's timer interrupt to wake us again,
     * and interrupts stay off until the HAL takes over, so for now the
     * loop zeroes free pages and otherwise just spins politely.
     */
    for (;;) {
        KeYieldExecution();
        if (MmZeroFreePages(IDLE_ZERO_BUDGET) == 0) {
            ArchPause();
        }
    }
}
