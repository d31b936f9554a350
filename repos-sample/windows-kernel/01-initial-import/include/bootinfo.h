/*
 * bootinfo.h - The structure the boot manager hands to the kernel entry
 * stub (boot/entry.S) in RDI.
 *
 * The layout is shared with the boot manager, which is built from a
 * different repository. Never reorder fields; append new ones at the end
 * and bump BOOT_INFO_VERSION.
 */

#ifndef BOOTINFO_H
#define BOOTINFO_H

#include "kbase.h"

#define BOOT_INFO_SIGNATURE     POOL_TAG('K', 'B', 'o', 't')
#define BOOT_INFO_VERSION       2

typedef enum _BOOT_MEMORY_TYPE {
    BootMemoryUsable        = 1,
    BootMemoryReserved      = 2,
    BootMemoryAcpiReclaim   = 3,
    BootMemoryKernelImage   = 4,
    BootMemoryLoaderData    = 5,    /* boot info, hive image; freed after phase 1 */
    BootMemoryBad           = 6,
} BOOT_MEMORY_TYPE;

typedef struct _BOOT_MEMORY_DESCRIPTOR {
    uint64_t BasePage;              /* physical page number */
    uint64_t PageCount;
    uint32_t Type;                  /* BOOT_MEMORY_TYPE */
    uint32_t Reserved;
} BOOT_MEMORY_DESCRIPTOR;

typedef struct _BOOT_INFO {
    uint32_t Signature;
    uint16_t Version;
    uint16_t ProcessorCount;

    const BOOT_MEMORY_DESCRIPTOR *MemoryMap;
    uint32_t MemoryMapCount;

    /* COM port I/O base for the kernel debugger print path; 0 = disabled. */
    uint16_t DebugPort;
    uint16_t Reserved0;

    /* The SYSTEM hive, loaded by the boot manager into loader data. */
    const void *SystemHive;
    uint32_t SystemHiveLength;
    uint32_t Reserved1;

    /* Version 2: command line, NUL terminated, may be NULL. */
    const char *CommandLine;
} BOOT_INFO;

#endif /* BOOTINFO_H */
