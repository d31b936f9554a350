/*
 * test_pool.c - Pool allocator tests.
 */

#include "harness.h"
#include "mi.h"
#include "rtl.h"

#define TAG_TEST    POOL_TAG('T', 'e', 's', 't')
#define TAG_OTHER   POOL_TAG('O', 't', 'h', 'r')

static void PoolTestSetup(void)
{
    HarnessResetArena();
    MmInitializePool();
}

static void TestSmallAllocationRoundTrip(void)
{
    POOL_USAGE Usage;
    uint8_t *Block;

    PoolTestSetup();
    Block = ExAllocatePoolWithTag(NonPagedPool, 100, TAG_TEST);
    CHECK(Block != NULL);
    CHECK(IS_ALIGNED((uintptr_t)Block, POOL_BLOCK_SIZE));
    CHECK_EQ(MiPoolHeaderFromBlock(Block)->Tag, TAG_TEST);
    CHECK_EQ(MiPoolHeaderFromBlock(Block)->BlockSize, 8);    /* 16 + 100 rounded up */

    memset(Block, 0x5A, 100);

    MmQueryPoolUsage(NonPagedPool, &Usage);
    CHECK_EQ(Usage.Allocations, 1);
    CHECK_EQ(Usage.BytesInUse, 8 * POOL_BLOCK_SIZE);
    CHECK_EQ(Usage.PagesInUse, 1);

    ExFreePoolWithTag(Block, TAG_TEST);
    MmQueryPoolUsage(NonPagedPool, &Usage);
    CHECK_EQ(Usage.Frees, 1);
    CHECK_EQ(Usage.BytesInUse, 0);
    CHECK_EQ(Usage.PagesInUse, 0);
    CHECK_EQ(HarnessArenaPagesInUse(), 0);
}

static void TestZeroByteAllocation(void)
{
    void *Block;

    PoolTestSetup();
    Block = ExAllocatePoolWithTag(PagedPool, 0, TAG_TEST);
    CHECK(Block != NULL);
    CHECK_EQ(MiPoolHeaderFromBlock(Block)->BlockSize, POOL_MIN_BLOCKS);
    ExFreePoolWithTag(Block, TAG_TEST);
}

static void TestCoalescingReturnsPage(void)
{
    void *Blocks[3];
    size_t Index;

    PoolTestSetup();
    for (Index = 0; Index < ARRAY_COUNT(Blocks); Index++) {
        Blocks[Index] = ExAllocatePoolWithTag(NonPagedPool, 200, TAG_TEST);
        CHECK(Blocks[Index] != NULL);
    }
    CHECK_EQ(HarnessArenaPagesInUse(), 1);

    /* Middle first, so both merge directions are exercised. */
    ExFreePoolWithTag(Blocks[1], TAG_TEST);
    ExFreePoolWithTag(Blocks[0], TAG_TEST);
    CHECK_EQ(HarnessArenaPagesInUse(), 1);
    ExFreePoolWithTag(Blocks[2], TAG_TEST);
    CHECK_EQ(HarnessArenaPagesInUse(), 0);
}

static void TestReuseAfterFree(void)
{
    void *First;
    void *Second;

    PoolTestSetup();
    First = ExAllocatePoolWithTag(NonPagedPool, 64, TAG_TEST);
    Second = ExAllocatePoolWithTag(NonPagedPool, 64, TAG_TEST);
    ExFreePoolWithTag(First, TAG_TEST);
    CHECK(ExAllocatePoolWithTag(NonPagedPool, 64, TAG_TEST) == First);
    ExFreePoolWithTag(First, TAG_TEST);
    ExFreePoolWithTag(Second, TAG_TEST);
}

static void TestLargeAllocation(void)
{
    POOL_USAGE Usage;
    uint8_t *Block;

    PoolTestSetup();
    Block = ExAllocatePoolWithTag(NonPagedPool, 3 * KPAGE_SIZE, TAG_TEST);
    CHECK(Block != NULL);
    CHECK(MiPoolHeaderFromBlock(Block)->Flags & POOL_FLAG_LARGE);
    CHECK_EQ(MiPoolHeaderFromBlock(Block)->LargePageCount, 4);
    memset(Block, 0, 3 * KPAGE_SIZE);

    MmQueryPoolUsage(NonPagedPool, &Usage);
    CHECK_EQ(Usage.LargeAllocations, 1);
    CHECK_EQ(Usage.PagesInUse, 4);

    ExFreePoolWithTag(Block, TAG_TEST);
    CHECK_EQ(HarnessArenaPagesInUse(), 0);
}

static void TestTagMismatchBugChecks(void)
{
    void *Block;

    PoolTestSetup();
    Block = ExAllocatePoolWithTag(NonPagedPool, 32, TAG_TEST);
    EXPECT_BUGCHECK(BUGCHECK_POOL_TAG_MISMATCH, ExFreePoolWithTag(Block, TAG_OTHER));
    ExFreePoolWithTag(Block, 0);            /* tag 0 skips the check */
}

static void TestDoubleFreeBugChecks(void)
{
    void *Keep;
    void *Block;

    PoolTestSetup();
    Keep = ExAllocatePoolWithTag(NonPagedPool, 32, TAG_TEST);
    Block = ExAllocatePoolWithTag(NonPagedPool, 32, TAG_TEST);
    ExFreePoolWithTag(Block, TAG_TEST);
    EXPECT_BUGCHECK(BUGCHECK_POOL_CORRUPTION, ExFreePoolWithTag(Block, TAG_TEST));
    CHECK_EQ(HarnessLastBugCheck.Parameters[3], 2);
    ExFreePoolWithTag(Keep, TAG_TEST);
}

static void TestOverrunIsDetected(void)
{
    uint8_t *First;
    uint8_t *Second;

    PoolTestSetup();
    First = ExAllocatePoolWithTag(NonPagedPool, 48, TAG_TEST);
    Second = ExAllocatePoolWithTag(NonPagedPool, 48, TAG_TEST);

    /* Four bytes too many run into Second's header. */
    memset(First, 0xEE, 48 + 4);
    EXPECT_BUGCHECK(BUGCHECK_POOL_CORRUPTION, ExFreePoolWithTag(Second, TAG_TEST));
}

static void TestPagedPoolAtDispatchBugChecks(void)
{
    PoolTestSetup();
    KeRaiseIrql(DISPATCH_LEVEL);
    EXPECT_BUGCHECK(BUGCHECK_IRQL_MISMATCH, ExAllocatePoolWithTag(PagedPool, 16, TAG_TEST));
    HarnessResetProcessor();
}

/*
 * Regression test: freeing the last block of a page must not look at the
 * first block of the next page. The harness hands out adjacent pages, so
 * the page after a pool page can itself be a pool page whose first block
 * is free -- exactly the case that used to merge across the boundary.
 */
static void TestFreeDoesNotMergeAcrossPages(void)
{
    const size_t HalfPage = (POOL_BLOCKS_PER_PAGE / 2 - 1) * POOL_BLOCK_SIZE;
    uint8_t *Blocks[4];
    size_t Index;

    PoolTestSetup();
    for (Index = 0; Index < ARRAY_COUNT(Blocks); Index++) {
        Blocks[Index] = ExAllocatePoolWithTag(NonPagedPool, HalfPage, TAG_TEST);
        CHECK(Blocks[Index] != NULL);
    }

    /* Blocks 0 and 1 fill one page; 2 and 3 fill the page right after it. */
    CHECK_EQ(HarnessArenaPagesInUse(), 2);
    CHECK_EQ((uintptr_t)MiPoolHeaderFromBlock(Blocks[2]),
             ALIGN_UP((uintptr_t)Blocks[1], (uintptr_t)KPAGE_SIZE));

    ExFreePoolWithTag(Blocks[2], TAG_TEST);     /* next page now starts with a free block */
    ExFreePoolWithTag(Blocks[1], TAG_TEST);     /* last block of the first page */

    CHECK_EQ(MiPoolHeaderFromBlock(Blocks[1])->BlockSize, POOL_BLOCKS_PER_PAGE / 2);
    CHECK_EQ(MiPoolHeaderFromBlock(Blocks[2])->BlockSize, POOL_BLOCKS_PER_PAGE / 2);
    CHECK(MiPoolHeaderFromBlock(Blocks[2])->Flags & POOL_FLAG_FREE);

    ExFreePoolWithTag(Blocks[0], TAG_TEST);
    ExFreePoolWithTag(Blocks[3], TAG_TEST);
    CHECK_EQ(HarnessArenaPagesInUse(), 0);
}

/* Finds Tag in a MmQueryPoolTags result; NULL if absent. */
static const POOL_TAG_INFO *FindTag(const POOL_TAG_INFO *Infos, uint32_t Count,
                                    uint32_t Tag, POOL_TYPE PoolType)
{
    uint32_t Index;

    for (Index = 0; Index < Count; Index++) {
        if (Infos[Index].Tag == Tag && Infos[Index].PoolType == PoolType) {
            return &Infos[Index];
        }
    }
    return NULL;
}

static void TestTagTrackerCountsPerTag(void)
{
    POOL_TAG_INFO Infos[8];
    const POOL_TAG_INFO *Info;
    uint32_t Count;
    void *Blocks[3];

    PoolTestSetup();
    Blocks[0] = ExAllocatePoolWithTag(NonPagedPool, 100, TAG_TEST);
    Blocks[1] = ExAllocatePoolWithTag(NonPagedPool, 100, TAG_TEST);
    Blocks[2] = ExAllocatePoolWithTag(PagedPool, 5000, TAG_OTHER);

    CHECK_EQ(MmQueryPoolTags(Infos, ARRAY_COUNT(Infos), &Count), STATUS_SUCCESS);
    CHECK_EQ(Count, 2);

    Info = FindTag(Infos, Count, TAG_TEST, NonPagedPool);
    CHECK(Info != NULL);
    if (Info != NULL) {
        CHECK_EQ(Info->Allocations, 2);
        CHECK_EQ(Info->BytesInUse, 2 * 8 * POOL_BLOCK_SIZE);
    }
    Info = FindTag(Infos, Count, TAG_OTHER, PagedPool);
    CHECK(Info != NULL);
    if (Info != NULL) {
        CHECK_EQ(Info->BytesInUse, 2 * KPAGE_SIZE);
    }

    ExFreePoolWithTag(Blocks[0], TAG_TEST);
    ExFreePoolWithTag(Blocks[1], TAG_TEST);
    ExFreePoolWithTag(Blocks[2], TAG_OTHER);

    CHECK_EQ(MmQueryPoolTags(Infos, ARRAY_COUNT(Infos), &Count), STATUS_SUCCESS);
    Info = FindTag(Infos, Count, TAG_TEST, NonPagedPool);
    CHECK(Info != NULL);
    if (Info != NULL) {
        CHECK_EQ(Info->Frees, 2);
        CHECK_EQ(Info->BytesInUse, 0);
    }
}

static void TestTagQueryReportsNeededSize(void)
{
    POOL_TAG_INFO Info;
    uint32_t Count;
    void *First;
    void *Second;

    PoolTestSetup();
    First = ExAllocatePoolWithTag(NonPagedPool, 16, TAG_TEST);
    Second = ExAllocatePoolWithTag(NonPagedPool, 16, TAG_OTHER);

    CHECK_EQ(MmQueryPoolTags(&Info, 1, &Count), STATUS_BUFFER_TOO_SMALL);
    CHECK_EQ(Count, 2);
    CHECK_EQ(MmQueryPoolTags(NULL, 0, &Count), STATUS_BUFFER_TOO_SMALL);
    CHECK_EQ(Count, 2);

    ExFreePoolWithTag(First, TAG_TEST);
    ExFreePoolWithTag(Second, TAG_OTHER);
}

static void TestTagTableOverflow(void)
{
    static POOL_TAG_INFO Infos[POOL_TAG_TABLE_SIZE + 1];
    static void *Blocks[POOL_TAG_TABLE_SIZE + 10];
    const POOL_TAG_INFO *Overflow;
    uint32_t Count;
    uint32_t Index;

    PoolTestSetup();
    for (Index = 0; Index < ARRAY_COUNT(Blocks); Index++) {
        uint32_t Tag = POOL_TAG('T', 'g', Index & 0xFF, Index >> 8);

        Blocks[Index] = ExAllocatePoolWithTag(NonPagedPool, 16, Tag);
        CHECK(Blocks[Index] != NULL);
    }

    CHECK_EQ(MmQueryPoolTags(Infos, ARRAY_COUNT(Infos), &Count), STATUS_SUCCESS);
    CHECK_EQ(Count, POOL_TAG_TABLE_SIZE + 1);
    Overflow = FindTag(Infos, Count, POOL_TAG('?', '?', '?', '?'), NonPagedPool);
    CHECK(Overflow != NULL);
    if (Overflow != NULL) {
        CHECK_EQ(Overflow->Allocations, 10);
    }

    for (Index = 0; Index < ARRAY_COUNT(Blocks); Index++) {
        ExFreePoolWithTag(Blocks[Index], 0);
    }
}

static void TestFormatPoolTag(void)
{
    char Text[5];

    MmFormatPoolTag(TAG_TEST, Text);
    CHECK_STR(Text, "Test");
    MmFormatPoolTag(POOL_TAG('A', 0, '\n', 'z'), Text);
    CHECK_STR(Text, "A..z");
}

static const HARNESS_TEST PoolTests[] = {
    HARNESS_TEST_ENTRY(TestSmallAllocationRoundTrip),
    HARNESS_TEST_ENTRY(TestZeroByteAllocation),
    HARNESS_TEST_ENTRY(TestCoalescingReturnsPage),
    HARNESS_TEST_ENTRY(TestReuseAfterFree),
    HARNESS_TEST_ENTRY(TestLargeAllocation),
    HARNESS_TEST_ENTRY(TestTagMismatchBugChecks),
    HARNESS_TEST_ENTRY(TestDoubleFreeBugChecks),
    HARNESS_TEST_ENTRY(TestOverrunIsDetected),
    HARNESS_TEST_ENTRY(TestPagedPoolAtDispatchBugChecks),
    HARNESS_TEST_ENTRY(TestFreeDoesNotMergeAcrossPages),
    HARNESS_TEST_ENTRY(TestTagTrackerCountsPerTag),
    HARNESS_TEST_ENTRY(TestTagQueryReportsNeededSize),
    HARNESS_TEST_ENTRY(TestTagTableOverflow),
    HARNESS_TEST_ENTRY(TestFormatPoolTag),
};

int main(void)
{
    return HarnessRunTests("pool", PoolTests, ARRAY_COUNT(PoolTests));
}
