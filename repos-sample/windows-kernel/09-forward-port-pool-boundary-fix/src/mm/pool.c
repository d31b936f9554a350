/*
 * pool.c - Kernel pool allocator.
 *
 * Each pool type has its own descriptor: a spin lock, usage counters and
 * one free list per block count (2..POOL_BLOCKS_PER_PAGE). A small
 * allocation takes the first free block that is large enough, splits off
 * the tail and returns the rest to the matching list. Freeing coalesces
 * with both neighbours inside the page; a page that becomes completely
 * free is handed back to the page allocator.
 *
 * Every allocation and free is also accounted by tag (pooltag.c), in the
 * same critical section as the usage counters.
 *
 * Locking: the descriptor lock is taken at DISPATCH_LEVEL. The PFN lock
 * (inside MiAllocatePoolPages) is never acquired while holding it.
 */

#include "mi.h"
#include "rtl.h"

#define POOL_FREE_LISTS         (POOL_BLOCKS_PER_PAGE + 1)
#define POOL_LARGE_LIMIT        (256u * 1024 * 1024)

typedef struct _POOL_DESCRIPTOR {
    KSPIN_LOCK Lock;
    POOL_TYPE Type;
    KIRQL MaximumIrql;
    POOL_USAGE Usage;
    LIST_ENTRY FreeLists[POOL_FREE_LISTS];
    POOL_TAG_TABLE Tags;
} POOL_DESCRIPTOR;

static POOL_DESCRIPTOR MiPools[MaxPoolType];

static inline POOL_HEADER *MiBlockAt(POOL_HEADER *Header, int32_t Blocks)
{
    return (POOL_HEADER *)((char *)Header + (intptr_t)Blocks * POOL_BLOCK_SIZE);
}

static inline uintptr_t MiPageEnd(const POOL_HEADER *Header)
{
    return ALIGN_DOWN((uintptr_t)Header, (uintptr_t)KPAGE_SIZE) + KPAGE_SIZE;
}

static inline LIST_ENTRY *MiFreeLink(POOL_HEADER *Header)
{
    return (LIST_ENTRY *)(Header + 1);
}

static inline POOL_HEADER *MiHeaderFromFreeLink(LIST_ENTRY *Entry)
{
    return (POOL_HEADER *)Entry - 1;
}

/*
 * The check field catches the common case of a buffer overrun from the
 * previous block: a stray write almost never produces a matching value.
 */
static uint16_t MiComputeCheck(const POOL_HEADER *Header)
{
    uint32_t Value;

    Value = (uint32_t)Header->PreviousSize * 31u;
    Value += (uint32_t)Header->BlockSize * 7u;
    Value += ((uint32_t)Header->PoolType << 8) | Header->Flags;
    Value ^= Header->Tag;
    return (uint16_t)((Value ^ (Value >> 16)) ^ 0x5A3Cu);
}

static inline void MiSealPoolHeader(POOL_HEADER *Header)
{
    Header->Check = MiComputeCheck(Header);
}

static void MiValidatePoolHeader(POOL_HEADER *Header, uintptr_t Reason)
{
    if (UNLIKELY(Header->Check != MiComputeCheck(Header))) {
        KeBugCheck(BUGCHECK_POOL_CORRUPTION, (uintptr_t)Header,
                   Header->Check, MiComputeCheck(Header), Reason);
    }
}

/* Reasons passed as the fourth bug check parameter. */
#define POOL_REASON_FREE_HEADER     1
#define POOL_REASON_DOUBLE_FREE     2
#define POOL_REASON_NEXT_HEADER     3
#define POOL_REASON_PREVIOUS_HEADER 4
#define POOL_REASON_FREE_LIST       5
#define POOL_REASON_BAD_TYPE        6

static void MiInsertFreeBlock(POOL_DESCRIPTOR *Pool, POOL_HEADER *Header)
{
    KASSERT(Header->BlockSize >= POOL_MIN_BLOCKS);
    KASSERT(Header->BlockSize < POOL_FREE_LISTS);

    Header->Flags |= POOL_FLAG_FREE;
    Header->Tag = 0;
    MiSealPoolHeader(Header);
    RtlInsertHeadList(&Pool->FreeLists[Header->BlockSize], MiFreeLink(Header));
}

void MmInitializePool(void)
{
    uint32_t Type, Index;

    for (Type = 0; Type < MaxPoolType; Type++) {
        POOL_DESCRIPTOR *Pool = &MiPools[Type];

        KeInitializeSpinLock(&Pool->Lock);
        Pool->Type = (POOL_TYPE)Type;
        Pool->MaximumIrql = (Type == NonPagedPool) ? DISPATCH_LEVEL : APC_LEVEL;
        RtlZeroMemory(&Pool->Usage, sizeof(Pool->Usage));
        MiInitializePoolTagTable(&Pool->Tags);
        for (Index = 0; Index < POOL_FREE_LISTS; Index++) {
            RtlInitializeListHead(&Pool->FreeLists[Index]);
        }
    }
}

/*
 * Takes a free block of at least Blocks blocks, splitting it if the tail
 * is big enough to stand on its own. Called with the pool lock held.
 */
static POOL_HEADER *MiTakeFreeBlock(POOL_DESCRIPTOR *Pool, uint16_t Blocks)
{
    POOL_HEADER *Header = NULL;
    POOL_HEADER *Remainder;
    POOL_HEADER *Next;
    uint32_t Index;

    for (Index = Blocks; Index < POOL_FREE_LISTS; Index++) {
        if (!RtlIsListEmpty(&Pool->FreeLists[Index])) {
            Header = MiHeaderFromFreeLink(RtlRemoveHeadList(&Pool->FreeLists[Index]));
            break;
        }
    }
    if (Header == NULL) {
        return NULL;
    }

    MiValidatePoolHeader(Header, POOL_REASON_FREE_LIST);
    if (UNLIKELY(!(Header->Flags & POOL_FLAG_FREE) || Header->BlockSize != Index)) {
        KeBugCheck(BUGCHECK_POOL_CORRUPTION, (uintptr_t)Header,
                   Header->BlockSize, Index, POOL_REASON_FREE_LIST);
    }

    if (Header->BlockSize - Blocks >= POOL_MIN_BLOCKS) {
        Remainder = MiBlockAt(Header, Blocks);
        Remainder->PreviousSize = Blocks;
        Remainder->BlockSize = (uint16_t)(Header->BlockSize - Blocks);
        Remainder->PoolType = Header->PoolType;
        Remainder->Flags = 0;
        Remainder->LargePageCount = 0;

        Next = MiBlockAt(Remainder, Remainder->BlockSize);
        if ((uintptr_t)Next < MiPageEnd(Remainder)) {
            MiValidatePoolHeader(Next, POOL_REASON_NEXT_HEADER);
            Next->PreviousSize = Remainder->BlockSize;
            MiSealPoolHeader(Next);
        }

        Header->BlockSize = Blocks;
        MiInsertFreeBlock(Pool, Remainder);
    }

    Header->Flags &= (uint8_t)~POOL_FLAG_FREE;
    return Header;
}

static void *MiAllocateLarge(POOL_DESCRIPTOR *Pool, size_t NumberOfBytes, uint32_t Tag)
{
    POOL_HEADER *Header;
    uint32_t Pages;
    KIRQL OldIrql;

    if (NumberOfBytes > POOL_LARGE_LIMIT) {
        return NULL;
    }

    Pages = (uint32_t)(ALIGN_UP(NumberOfBytes + sizeof(POOL_HEADER),
                                (size_t)KPAGE_SIZE) >> KPAGE_SHIFT);
    Header = MiAllocatePoolPages(Pages);
    if (Header == NULL) {
        return NULL;
    }

    Header->PreviousSize = 0;
    Header->BlockSize = 0;
    Header->PoolType = (uint8_t)Pool->Type;
    Header->Flags = POOL_FLAG_LARGE;
    Header->Tag = Tag;
    Header->LargePageCount = Pages;
    MiSealPoolHeader(Header);

    OldIrql = KeAcquireSpinLock(&Pool->Lock);
    Pool->Usage.Allocations++;
    Pool->Usage.LargeAllocations++;
    Pool->Usage.PagesInUse += Pages;
    Pool->Usage.BytesInUse += (uint64_t)Pages * KPAGE_SIZE;
    MiPoolTagAllocate(&Pool->Tags, Tag, (uint64_t)Pages * KPAGE_SIZE);
    KeReleaseSpinLock(&Pool->Lock, OldIrql);

    return Header + 1;
}

void *ExAllocatePoolWithTag(POOL_TYPE PoolType, size_t NumberOfBytes, uint32_t Tag)
{
    POOL_DESCRIPTOR *Pool;
    POOL_HEADER *Header;
    POOL_HEADER *Page;
    uint16_t Blocks;
    KIRQL OldIrql;

    if (PoolType >= MaxPoolType) {
        KeBugCheck(BUGCHECK_POOL_CORRUPTION, 0, (uintptr_t)PoolType, Tag,
                   POOL_REASON_BAD_TYPE);
    }

    Pool = &MiPools[PoolType];
    if (KeGetCurrentIrql() > Pool->MaximumIrql) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, KeGetCurrentIrql(),
                   Pool->MaximumIrql, (uintptr_t)PoolType, Tag);
    }

    if (NumberOfBytes > POOL_SMALL_LIMIT) {
        return MiAllocateLarge(Pool, NumberOfBytes, Tag);
    }

    if (NumberOfBytes == 0) {
        NumberOfBytes = 1;
    }
    Blocks = (uint16_t)((NumberOfBytes + sizeof(POOL_HEADER) + POOL_BLOCK_SIZE - 1)
                        >> POOL_BLOCK_SHIFT);

    OldIrql = KeAcquireSpinLock(&Pool->Lock);
    Header = MiTakeFreeBlock(Pool, Blocks);
    if (Header == NULL) {
        /*
         * Nothing big enough. Drop the lock while the page allocator runs,
         * then seed the lists with the new page and try again. Another
         * processor may take the page first; that is fine, we simply loop.
         */
        KeReleaseSpinLock(&Pool->Lock, OldIrql);
        Page = MiAllocatePoolPages(1);
        if (Page == NULL) {
            return NULL;
        }

        Page->PreviousSize = 0;
        Page->BlockSize = POOL_BLOCKS_PER_PAGE;
        Page->PoolType = (uint8_t)PoolType;
        Page->Flags = 0;
        Page->LargePageCount = 0;

        OldIrql = KeAcquireSpinLock(&Pool->Lock);
        Pool->Usage.PagesInUse++;
        MiInsertFreeBlock(Pool, Page);
        Header = MiTakeFreeBlock(Pool, Blocks);
        KASSERT(Header != NULL);
    }

    Header->Tag = Tag;
    MiSealPoolHeader(Header);
    Pool->Usage.Allocations++;
    Pool->Usage.BytesInUse += (uint64_t)Header->BlockSize * POOL_BLOCK_SIZE;
    MiPoolTagAllocate(&Pool->Tags, Tag, (uint64_t)Header->BlockSize * POOL_BLOCK_SIZE);
    KeReleaseSpinLock(&Pool->Lock, OldIrql);

    return Header + 1;
}

static void MiFreeLarge(POOL_DESCRIPTOR *Pool, POOL_HEADER *Header)
{
    uint32_t Pages = Header->LargePageCount;
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&Pool->Lock);
    Pool->Usage.Frees++;
    Pool->Usage.LargeAllocations--;
    Pool->Usage.PagesInUse -= Pages;
    Pool->Usage.BytesInUse -= (uint64_t)Pages * KPAGE_SIZE;
    MiPoolTagFree(&Pool->Tags, Header->Tag, (uint64_t)Pages * KPAGE_SIZE);
    KeReleaseSpinLock(&Pool->Lock, OldIrql);

    MiFreePoolPages(Header, Pages);
}

void ExFreePoolWithTag(void *Block, uint32_t Tag)
{
    POOL_DESCRIPTOR *Pool;
    POOL_HEADER *Header;
    POOL_HEADER *Previous;
    POOL_HEADER *Next;
    KIRQL OldIrql;

    KASSERT(Block != NULL);

    Header = MiPoolHeaderFromBlock(Block);
    MiValidatePoolHeader(Header, POOL_REASON_FREE_HEADER);
    if (Header->PoolType >= MaxPoolType) {
        KeBugCheck(BUGCHECK_POOL_CORRUPTION, (uintptr_t)Block,
                   Header->PoolType, 0, POOL_REASON_BAD_TYPE);
    }
    if (Header->Flags & POOL_FLAG_FREE) {
        KeBugCheck(BUGCHECK_POOL_CORRUPTION, (uintptr_t)Block,
                   (uintptr_t)Header, 0, POOL_REASON_DOUBLE_FREE);
    }
    if (Tag != 0 && Header->Tag != Tag) {
        KeBugCheck(BUGCHECK_POOL_TAG_MISMATCH, (uintptr_t)Block,
                   Header->Tag, Tag, 0);
    }

    Pool = &MiPools[Header->PoolType];
    if (KeGetCurrentIrql() > Pool->MaximumIrql) {
        KeBugCheck(BUGCHECK_IRQL_MISMATCH, KeGetCurrentIrql(),
                   Pool->MaximumIrql, Header->PoolType, Header->Tag);
    }

    if (Header->Flags & POOL_FLAG_LARGE) {
        MiFreeLarge(Pool, Header);
        return;
    }

    OldIrql = KeAcquireSpinLock(&Pool->Lock);
    Pool->Usage.Frees++;
    Pool->Usage.BytesInUse -= (uint64_t)Header->BlockSize * POOL_BLOCK_SIZE;
    MiPoolTagFree(&Pool->Tags, Header->Tag, (uint64_t)Header->BlockSize * POOL_BLOCK_SIZE);

    /*
     * Merge with the following block if it is free. A block that ends
     * exactly at the end of its page has no following block: the header
     * there belongs to whatever the next physical page holds.
     */
    Next = MiBlockAt(Header, Header->BlockSize);
    if ((uintptr_t)Next < MiPageEnd(Header) && (Next->Flags & POOL_FLAG_FREE)) {
        MiValidatePoolHeader(Next, POOL_REASON_NEXT_HEADER);
        RtlRemoveEntryList(MiFreeLink(Next));
        Header->BlockSize = (uint16_t)(Header->BlockSize + Next->BlockSize);
    }

    /* Merge into the preceding block if it is free. */
    if (Header->PreviousSize != 0) {
        Previous = MiBlockAt(Header, -(int32_t)Header->PreviousSize);
        MiValidatePoolHeader(Previous, POOL_REASON_PREVIOUS_HEADER);
        if (Previous->Flags & POOL_FLAG_FREE) {
            RtlRemoveEntryList(MiFreeLink(Previous));
            Previous->BlockSize = (uint16_t)(Previous->BlockSize + Header->BlockSize);
            Header = Previous;
        }
    }

    /* Tell the new neighbour how far back the merged block starts. */
    Next = MiBlockAt(Header, Header->BlockSize);
    if ((uintptr_t)Next < MiPageEnd(Header)) {
        Next->PreviousSize = Header->BlockSize;
        MiSealPoolHeader(Next);
    }

    if (Header->PreviousSize == 0 && Header->BlockSize == POOL_BLOCKS_PER_PAGE) {
        /* The whole page is free again; give it back. */
        Pool->Usage.PagesInUse--;
        KeReleaseSpinLock(&Pool->Lock, OldIrql);
        MiFreePoolPages(Header, 1);
        return;
    }

    MiInsertFreeBlock(Pool, Header);
    KeReleaseSpinLock(&Pool->Lock, OldIrql);
}

void MmQueryPoolUsage(POOL_TYPE PoolType, POOL_USAGE *Usage)
{
    POOL_DESCRIPTOR *Pool;
    KIRQL OldIrql;

    KASSERT(PoolType < MaxPoolType);

    Pool = &MiPools[PoolType];
    OldIrql = KeAcquireSpinLock(&Pool->Lock);
    *Usage = Pool->Usage;
    KeReleaseSpinLock(&Pool->Lock, OldIrql);
}

KSTATUS MmQueryPoolTags(POOL_TAG_INFO *Buffer, uint32_t Capacity, uint32_t *Returned)
{
    uint32_t Count = 0;
    uint32_t Type;
    KIRQL OldIrql;

    if (Returned == NULL || (Buffer == NULL && Capacity != 0)) {
        return STATUS_INVALID_PARAMETER;
    }

    /* One pool at a time; the two snapshots are not mutually consistent. */
    for (Type = 0; Type < MaxPoolType; Type++) {
        OldIrql = KeAcquireSpinLock(&MiPools[Type].Lock);
        MiPoolTagSnapshot(&MiPools[Type].Tags, (POOL_TYPE)Type, Buffer, Capacity, &Count);
        KeReleaseSpinLock(&MiPools[Type].Lock, OldIrql);
    }

    *Returned = Count;
    return (Count > Capacity) ? STATUS_BUFFER_TOO_SMALL : STATUS_SUCCESS;
}
