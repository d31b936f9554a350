/*
 * mi.h - Memory manager internals shared between pfn.c and pool.c.
 * Not to be included outside src/mm; the unit tests and the debugger
 * extension are the only exceptions.
 */

#ifndef MI_H
#define MI_H

#include "mm.h"
#include "ke.h"

/*
 * Page frame database.
 */
typedef enum _MM_PFN_STATE {
    PfnStateReserved = 0,           /* firmware, MMIO holes, bad memory */
    PfnStateFree,                   /* on the free list, contents stale */
    PfnStateZeroed,                 /* on the zeroed list */
    PfnStateActive,                 /* referenced by someone */
    PfnStatePool,                   /* owned by the pool allocator */
    PfnStateKernelImage,
} MM_PFN_STATE;

typedef struct _MMPFN {
    LIST_ENTRY ListEntry;           /* free/zeroed list while not in use */
    uint32_t ReferenceCount;
    uint8_t State;                  /* MM_PFN_STATE */
    uint8_t Flags;
    uint16_t PoolRunLength;         /* first page of a pool run: pages in run */
} MMPFN;

extern MMPFN *MiPfnDatabase;
extern PFN_NUMBER MiHighestPfn;

static inline MMPFN *MiGetPfnEntry(PFN_NUMBER Pfn)
{
    KASSERT(Pfn <= MiHighestPfn);
    return &MiPfnDatabase[Pfn];
}

/*
 * Pages for the pool allocator. Multi-page runs are physically (and
 * therefore, through the direct map, virtually) contiguous.
 */
void *MiAllocatePoolPages(uint32_t PageCount);
void MiFreePoolPages(void *Base, uint32_t PageCount);

/*
 * Pool block layout. Small allocations live inside a single page and are
 * measured in 16-byte blocks; the header is the first block. A free block
 * keeps its free-list linkage in the block right after the header, which
 * is why the smallest block is two blocks long.
 *
 * Large allocations (more than POOL_SMALL_LIMIT bytes) get a dedicated
 * run of pages. Their header has BlockSize == 0 and POOL_FLAG_LARGE set.
 */
#define POOL_BLOCK_SHIFT        4
#define POOL_BLOCK_SIZE         (1u << POOL_BLOCK_SHIFT)
#define POOL_BLOCKS_PER_PAGE    (KPAGE_SIZE / POOL_BLOCK_SIZE)
#define POOL_MIN_BLOCKS         2
#define POOL_SMALL_LIMIT        (KPAGE_SIZE - sizeof(POOL_HEADER))

#define POOL_FLAG_FREE          0x01u
#define POOL_FLAG_LARGE         0x02u

typedef struct _POOL_HEADER {
    uint16_t PreviousSize;          /* blocks; 0 for the first block in a page */
    uint16_t BlockSize;             /* blocks, header included; 0 if large */
    uint8_t PoolType;
    uint8_t Flags;                  /* POOL_FLAG_* */
    uint16_t Check;                 /* see MiSealPoolHeader */
    uint32_t Tag;
    uint32_t LargePageCount;        /* large allocations only */
} POOL_HEADER;

_Static_assert(sizeof(POOL_HEADER) == POOL_BLOCK_SIZE,
               "a pool header must be exactly one block");

static inline POOL_HEADER *MiPoolHeaderFromBlock(const void *Block)
{
    return (POOL_HEADER *)Block - 1;
}

/*
 * Per-tag accounting (pooltag.c). One table per pool descriptor, always
 * used under that descriptor's lock.
 */
#define POOL_TAG_TABLE_SHIFT    8
#define POOL_TAG_TABLE_SIZE     (1u << POOL_TAG_TABLE_SHIFT)

typedef struct _POOL_TAG_ENTRY {
    uint32_t Tag;
    uint32_t InUse;
    uint64_t Allocations;
    uint64_t Frees;
    uint64_t BytesInUse;
} POOL_TAG_ENTRY;

typedef struct _POOL_TAG_TABLE {
    uint32_t EntriesUsed;
    uint32_t Reserved;
    POOL_TAG_ENTRY Overflow;                /* tags that found no slot */
    POOL_TAG_ENTRY Entries[POOL_TAG_TABLE_SIZE];
} POOL_TAG_TABLE;

void MiInitializePoolTagTable(POOL_TAG_TABLE *Table);
void MiPoolTagAllocate(POOL_TAG_TABLE *Table, uint32_t Tag, uint64_t Bytes);
void MiPoolTagFree(POOL_TAG_TABLE *Table, uint32_t Tag, uint64_t Bytes);
void MiPoolTagSnapshot(const POOL_TAG_TABLE *Table, POOL_TYPE PoolType,
                       POOL_TAG_INFO *Buffer, uint32_t Capacity, uint32_t *Count);

#endif /* MI_H */
