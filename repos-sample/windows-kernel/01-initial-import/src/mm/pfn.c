/*
 * pfn.c - Page frame database.
 *
 * One MMPFN per physical page up to the highest page the boot memory map
 * mentions. Pages not described as usable stay PfnStateReserved forever.
 * Usable pages live on one of two lists while unused:
 *
 *   free    contents are stale; handed out when the caller does not care
 *   zeroed  known to be zero; the idle loop moves pages here over time
 *
 * All list and state changes happen under MiPfnLock at DISPATCH_LEVEL.
 */

#include "mi.h"
#include "kd.h"

MMPFN *MiPfnDatabase;
PFN_NUMBER MiHighestPfn;

static KSPIN_LOCK MiPfnLock = KSPIN_LOCK_INIT;
static LIST_ENTRY MiFreePageList;
static LIST_ENTRY MiZeroedPageList;
static MM_PHYSICAL_STATS MiPhysicalStats;

#define PFN_REASON_BAD_FREE         1
#define PFN_REASON_BAD_REFERENCE    2
#define PFN_REASON_LIST_STATE       3
#define PFN_REASON_POOL_RUN         4

static inline PFN_NUMBER MiPfnIndex(const MMPFN *Entry)
{
    return (PFN_NUMBER)(Entry - MiPfnDatabase);
}

static void MiInsertFreePage(MMPFN *Entry)
{
    Entry->State = PfnStateFree;
    Entry->ReferenceCount = 0;
    Entry->PoolRunLength = 0;
    RtlInsertTailList(&MiFreePageList, &Entry->ListEntry);
    MiPhysicalStats.FreePages++;
}

/* Takes a page off whichever list it is on. Called with the PFN lock held. */
static void MiUnlinkFreePage(MMPFN *Entry)
{
    if (Entry->State == PfnStateFree) {
        MiPhysicalStats.FreePages--;
    } else if (Entry->State == PfnStateZeroed) {
        MiPhysicalStats.ZeroedPages--;
    } else {
        KeBugCheck(BUGCHECK_PFN_CORRUPTION, MiPfnIndex(Entry), Entry->State,
                   Entry->ReferenceCount, PFN_REASON_LIST_STATE);
    }
    RtlRemoveEntryList(&Entry->ListEntry);
}

KSTATUS MmInitializePfnDatabase(const BOOT_MEMORY_DESCRIPTOR *Map, uint32_t Count)
{
    PFN_NUMBER Highest = 0;
    PFN_NUMBER DatabaseBase = MM_INVALID_PFN;
    uint64_t DatabasePages;
    uint32_t Index;
    PFN_NUMBER Pfn;

    if (Map == NULL || Count == 0) {
        return STATUS_INVALID_PARAMETER;
    }

    for (Index = 0; Index < Count; Index++) {
        if (Map[Index].Type != BootMemoryReserved && Map[Index].PageCount != 0) {
            PFN_NUMBER Last = Map[Index].BasePage + Map[Index].PageCount - 1;
            if (Last > Highest) {
                Highest = Last;
            }
        }
    }

    /*
     * The database itself is carved out of the first usable range that is
     * big enough. Those pages are accounted as kernel image from here on.
     */
    DatabasePages = ALIGN_UP((Highest + 1) * sizeof(MMPFN), (uint64_t)KPAGE_SIZE) >> KPAGE_SHIFT;
    for (Index = 0; Index < Count; Index++) {
        if (Map[Index].Type == BootMemoryUsable && Map[Index].PageCount >= DatabasePages) {
            DatabaseBase = Map[Index].BasePage;
            break;
        }
    }
    if (DatabaseBase == MM_INVALID_PFN) {
        return STATUS_NO_MEMORY;
    }

    MiPfnDatabase = MmPfnToVirtual(DatabaseBase);
    MiHighestPfn = Highest;
    RtlZeroMemory(MiPfnDatabase, (size_t)(DatabasePages << KPAGE_SHIFT));
    RtlInitializeListHead(&MiFreePageList);
    RtlInitializeListHead(&MiZeroedPageList);
    RtlZeroMemory(&MiPhysicalStats, sizeof(MiPhysicalStats));

    for (Index = 0; Index < Count; Index++) {
        const BOOT_MEMORY_DESCRIPTOR *Range = &Map[Index];

        for (Pfn = Range->BasePage; Pfn < Range->BasePage + Range->PageCount; Pfn++) {
            MMPFN *Entry = &MiPfnDatabase[Pfn];

            if (Pfn >= DatabaseBase && Pfn < DatabaseBase + DatabasePages) {
                Entry->State = PfnStateKernelImage;
                continue;
            }

            switch (Range->Type) {
            case BootMemoryUsable:
                MiInsertFreePage(Entry);
                break;
            case BootMemoryKernelImage:
                Entry->State = PfnStateKernelImage;
                break;
            case BootMemoryLoaderData:
                /* Released by the loader-data reclaim in phase 1. */
                Entry->State = PfnStateActive;
                Entry->ReferenceCount = 1;
                MiPhysicalStats.ActivePages++;
                break;
            default:
                break;
            }
        }
    }

    MiPhysicalStats.TotalPages = Highest + 1;
    MiPhysicalStats.ReservedPages = MiPhysicalStats.TotalPages -
                                    MiPhysicalStats.FreePages -
                                    MiPhysicalStats.ActivePages;

    KdPrint("mm: %llu pages, %llu free, pfn database %llu pages at pfn 0x%llx\n",
            (unsigned long long)MiPhysicalStats.TotalPages,
            (unsigned long long)MiPhysicalStats.FreePages,
            (unsigned long long)DatabasePages,
            (unsigned long long)DatabaseBase);
    return STATUS_SUCCESS;
}

PFN_NUMBER MmAllocatePhysicalPage(bool Zeroed)
{
    LIST_ENTRY *Entry = NULL;
    MMPFN *Pfn;
    bool WasZeroed;
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&MiPfnLock);
    if (Zeroed && !RtlIsListEmpty(&MiZeroedPageList)) {
        Entry = MiZeroedPageList.Next;
    } else if (!RtlIsListEmpty(&MiFreePageList)) {
        Entry = MiFreePageList.Next;
    } else if (!RtlIsListEmpty(&MiZeroedPageList)) {
        Entry = MiZeroedPageList.Next;
    }

    if (Entry == NULL) {
        KeReleaseSpinLock(&MiPfnLock, OldIrql);
        return MM_INVALID_PFN;
    }

    Pfn = CONTAINER_OF(Entry, MMPFN, ListEntry);
    WasZeroed = (Pfn->State == PfnStateZeroed);
    MiUnlinkFreePage(Pfn);
    Pfn->State = PfnStateActive;
    Pfn->ReferenceCount = 1;
    MiPhysicalStats.ActivePages++;
    KeReleaseSpinLock(&MiPfnLock, OldIrql);

    if (Zeroed && !WasZeroed) {
        RtlZeroMemory(MmPfnToVirtual(MiPfnIndex(Pfn)), KPAGE_SIZE);
    }
    return MiPfnIndex(Pfn);
}

void MmReferencePhysicalPage(PFN_NUMBER Pfn)
{
    MMPFN *Entry = MiGetPfnEntry(Pfn);
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&MiPfnLock);
    if (Entry->State != PfnStateActive || Entry->ReferenceCount == 0) {
        KeBugCheck(BUGCHECK_PFN_CORRUPTION, Pfn, Entry->State,
                   Entry->ReferenceCount, PFN_REASON_BAD_REFERENCE);
    }
    Entry->ReferenceCount++;
    KeReleaseSpinLock(&MiPfnLock, OldIrql);
}

void MmFreePhysicalPage(PFN_NUMBER Pfn)
{
    MMPFN *Entry = MiGetPfnEntry(Pfn);
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&MiPfnLock);
    if (Entry->State != PfnStateActive || Entry->ReferenceCount == 0) {
        KeBugCheck(BUGCHECK_PFN_CORRUPTION, Pfn, Entry->State,
                   Entry->ReferenceCount, PFN_REASON_BAD_FREE);
    }
    if (--Entry->ReferenceCount == 0) {
        MiPhysicalStats.ActivePages--;
        MiInsertFreePage(Entry);
    }
    KeReleaseSpinLock(&MiPfnLock, OldIrql);
}

void MmQueryPhysicalMemory(MM_PHYSICAL_STATS *Stats)
{
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&MiPfnLock);
    *Stats = MiPhysicalStats;
    KeReleaseSpinLock(&MiPfnLock, OldIrql);
}

/*
 * Finds PageCount consecutive unused pages. Linear in the size of the
 * database, which is acceptable while large pool allocations are rare;
 * the system PTE allocator will make physical contiguity unnecessary.
 */
static MMPFN *MiFindFreeRun(uint32_t PageCount)
{
    PFN_NUMBER Pfn;
    PFN_NUMBER RunStart = 0;
    uint32_t RunLength = 0;

    for (Pfn = 0; Pfn <= MiHighestPfn; Pfn++) {
        uint8_t State = MiPfnDatabase[Pfn].State;

        if (State == PfnStateFree || State == PfnStateZeroed) {
            if (RunLength == 0) {
                RunStart = Pfn;
            }
            if (++RunLength == PageCount) {
                return &MiPfnDatabase[RunStart];
            }
        } else {
            RunLength = 0;
        }
    }
    return NULL;
}

void *MiAllocatePoolPages(uint32_t PageCount)
{
    MMPFN *First;
    uint32_t Index;
    KIRQL OldIrql;

    KASSERT(PageCount != 0 && PageCount <= UINT16_MAX);

    OldIrql = KeAcquireSpinLock(&MiPfnLock);
    if (PageCount == 1) {
        LIST_ENTRY *Entry = RtlIsListEmpty(&MiFreePageList) ? MiZeroedPageList.Next
                                                             : MiFreePageList.Next;
        First = (Entry == &MiZeroedPageList) ? NULL : CONTAINER_OF(Entry, MMPFN, ListEntry);
    } else {
        First = MiFindFreeRun(PageCount);
    }

    if (First == NULL) {
        KeReleaseSpinLock(&MiPfnLock, OldIrql);
        return NULL;
    }

    for (Index = 0; Index < PageCount; Index++) {
        MiUnlinkFreePage(&First[Index]);
        First[Index].State = PfnStatePool;
        First[Index].ReferenceCount = 1;
        First[Index].PoolRunLength = 0;
    }
    First->PoolRunLength = (uint16_t)PageCount;
    MiPhysicalStats.ActivePages += PageCount;
    KeReleaseSpinLock(&MiPfnLock, OldIrql);

    return MmPfnToVirtual(MiPfnIndex(First));
}

void MiFreePoolPages(void *Base, uint32_t PageCount)
{
    PFN_NUMBER Pfn = MmVirtualToPfn(Base);
    MMPFN *First = MiGetPfnEntry(Pfn);
    uint32_t Index;
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&MiPfnLock);
    if (First->State != PfnStatePool || First->PoolRunLength != PageCount) {
        KeBugCheck(BUGCHECK_PFN_CORRUPTION, Pfn, First->State,
                   First->PoolRunLength, PFN_REASON_POOL_RUN);
    }
    for (Index = 0; Index < PageCount; Index++) {
        MiInsertFreePage(&First[Index]);
    }
    MiPhysicalStats.ActivePages -= PageCount;
    KeReleaseSpinLock(&MiPfnLock, OldIrql);
}

/*
 * Called from the idle loop: zero up to Budget free pages and move them to
 * the zeroed list. The lock is dropped while a page is being cleared; the
 * page is marked active meanwhile so nobody else can take it.
 */
uint32_t MmZeroFreePages(uint32_t Budget)
{
    uint32_t Done = 0;
    MMPFN *Entry;
    KIRQL OldIrql;

    while (Done < Budget) {
        OldIrql = KeAcquireSpinLock(&MiPfnLock);
        if (RtlIsListEmpty(&MiFreePageList)) {
            KeReleaseSpinLock(&MiPfnLock, OldIrql);
            break;
        }
        Entry = CONTAINER_OF(MiFreePageList.Next, MMPFN, ListEntry);
        MiUnlinkFreePage(Entry);
        Entry->State = PfnStateActive;
        KeReleaseSpinLock(&MiPfnLock, OldIrql);

        RtlZeroMemory(MmPfnToVirtual(MiPfnIndex(Entry)), KPAGE_SIZE);

        OldIrql = KeAcquireSpinLock(&MiPfnLock);
        Entry->State = PfnStateZeroed;
        RtlInsertTailList(&MiZeroedPageList, &Entry->ListEntry);
        MiPhysicalStats.ZeroedPages++;
        KeReleaseSpinLock(&MiPfnLock, OldIrql);
        Done++;
    }
    return Done;
}
