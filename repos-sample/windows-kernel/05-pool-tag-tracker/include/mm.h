/*
 * mm.h - Memory manager: physical page frame database and kernel pool.
 */

#ifndef MM_H
#define MM_H

#include "kbase.h"
#include "bootinfo.h"

/*
 * Physical pages. All physical memory is mapped at MM_DIRECT_MAP_BASE by
 * the boot manager, so converting between a page frame number and a
 * kernel virtual address is arithmetic.
 */
typedef uint64_t PFN_NUMBER;

#define MM_INVALID_PFN      ((PFN_NUMBER)~0ull)
#define MM_DIRECT_MAP_BASE  0xFFFF800000000000ull

static inline void *MmPfnToVirtual(PFN_NUMBER Pfn)
{
    return (void *)(uintptr_t)(MM_DIRECT_MAP_BASE + (Pfn << KPAGE_SHIFT));
}

static inline PFN_NUMBER MmVirtualToPfn(const void *Address)
{
    return ((uintptr_t)Address - MM_DIRECT_MAP_BASE) >> KPAGE_SHIFT;
}

typedef struct _MM_PHYSICAL_STATS {
    uint64_t TotalPages;
    uint64_t FreePages;
    uint64_t ZeroedPages;
    uint64_t ActivePages;
    uint64_t ReservedPages;
} MM_PHYSICAL_STATS;

KSTATUS MmInitializePfnDatabase(const BOOT_MEMORY_DESCRIPTOR *Map, uint32_t Count);
PFN_NUMBER MmAllocatePhysicalPage(bool Zeroed);
void MmReferencePhysicalPage(PFN_NUMBER Pfn);
void MmFreePhysicalPage(PFN_NUMBER Pfn);
void MmQueryPhysicalMemory(MM_PHYSICAL_STATS *Stats);
uint32_t MmZeroFreePages(uint32_t Budget);

/*
 * Kernel pool. Nonpaged pool may be used up to DISPATCH_LEVEL. Paged pool
 * is currently backed by resident memory too, but callers must already
 * treat it as pageable (APC_LEVEL or below) so that turning on paging
 * later does not surface a wave of latent bugs.
 */
typedef enum _POOL_TYPE {
    NonPagedPool    = 0,
    PagedPool       = 1,
    MaxPoolType
} POOL_TYPE;

typedef struct _POOL_USAGE {
    uint64_t Allocations;
    uint64_t Frees;
    uint64_t BytesInUse;
    uint64_t PagesInUse;
    uint64_t LargeAllocations;
} POOL_USAGE;

typedef struct _POOL_TAG_INFO {
    uint32_t Tag;
    uint8_t PoolType;
    uint8_t Reserved[3];
    uint64_t Allocations;
    uint64_t Frees;
    uint64_t BytesInUse;                    /* whole blocks, headers included */
} POOL_TAG_INFO;

void MmInitializePool(void);
void *ExAllocatePoolWithTag(POOL_TYPE PoolType, size_t NumberOfBytes, uint32_t Tag);
void ExFreePoolWithTag(void *Block, uint32_t Tag);
void MmQueryPoolUsage(POOL_TYPE PoolType, POOL_USAGE *Usage);

/*
 * Per-tag statistics for both pool types. Returns STATUS_BUFFER_TOO_SMALL
 * if Capacity is too small; *Returned is then the number of entries
 * needed, and the first Capacity entries have been filled in anyway.
 */
KSTATUS MmQueryPoolTags(POOL_TAG_INFO *Buffer, uint32_t Capacity, uint32_t *Returned);

/* Renders a tag as four printable characters for debug output. */
void MmFormatPoolTag(uint32_t Tag, char Text[5]);

#endif /* MM_H */
