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
};

int main(void)
{
    return HarnessRunTests("pool", PoolTests, ARRAY_COUNT(PoolTests));
}
