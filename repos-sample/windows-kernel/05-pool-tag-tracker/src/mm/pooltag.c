/*
 * pooltag.c - Per-tag pool accounting.
 *
 * Each pool descriptor owns a POOL_TAG_TABLE, an open-addressing hash
 * table keyed by tag, updated under that descriptor's lock on every
 * allocation and free. It answers the first question of every leak hunt:
 * which tag keeps growing?
 *
 * The table never shrinks and never allocates. Once it is full, tags that
 * have no slot are accounted to a single overflow entry reported as "????".
 */

#include "mi.h"

#define POOL_TAG_OVERFLOW   POOL_TAG('?', '?', '?', '?')

/* Fibonacci hashing spreads the four ASCII bytes of a tag well enough. */
static inline uint32_t MiHashPoolTag(uint32_t Tag)
{
    return (uint32_t)((Tag * 2654435761u) >> (32 - POOL_TAG_TABLE_SHIFT));
}

void MiInitializePoolTagTable(POOL_TAG_TABLE *Table)
{
    RtlZeroMemory(Table, sizeof(*Table));
    Table->Overflow.Tag = POOL_TAG_OVERFLOW;
}

/*
 * Finds the entry for Tag, claiming an empty slot for it if necessary.
 * Returns the overflow entry when the table is full.
 */
static POOL_TAG_ENTRY *MiLookupPoolTag(POOL_TAG_TABLE *Table, uint32_t Tag)
{
    uint32_t Index = MiHashPoolTag(Tag);
    uint32_t Probe;

    for (Probe = 0; Probe < POOL_TAG_TABLE_SIZE; Probe++) {
        POOL_TAG_ENTRY *Entry = &Table->Entries[(Index + Probe) & (POOL_TAG_TABLE_SIZE - 1)];

        if (Entry->InUse && Entry->Tag == Tag) {
            return Entry;
        }
        if (!Entry->InUse) {
            Entry->InUse = 1;
            Entry->Tag = Tag;
            Table->EntriesUsed++;
            return Entry;
        }
    }
    return &Table->Overflow;
}

void MiPoolTagAllocate(POOL_TAG_TABLE *Table, uint32_t Tag, uint64_t Bytes)
{
    POOL_TAG_ENTRY *Entry = MiLookupPoolTag(Table, Tag);

    Entry->Allocations++;
    Entry->BytesInUse += Bytes;
}

void MiPoolTagFree(POOL_TAG_TABLE *Table, uint32_t Tag, uint64_t Bytes)
{
    POOL_TAG_ENTRY *Entry = MiLookupPoolTag(Table, Tag);

    /*
     * A free for a tag that has no bytes outstanding means the table and
     * the pool disagree. Do not bug check over statistics; clamp instead
     * and let the mismatch show up as Frees > Allocations.
     */
    Entry->Frees++;
    Entry->BytesInUse = (Entry->BytesInUse >= Bytes) ? Entry->BytesInUse - Bytes : 0;
}

static void MiCopyTagEntry(POOL_TAG_INFO *Info, const POOL_TAG_ENTRY *Entry, POOL_TYPE PoolType)
{
    Info->Tag = Entry->Tag;
    Info->PoolType = (uint8_t)PoolType;
    Info->Reserved[0] = 0;
    Info->Reserved[1] = 0;
    Info->Reserved[2] = 0;
    Info->Allocations = Entry->Allocations;
    Info->Frees = Entry->Frees;
    Info->BytesInUse = Entry->BytesInUse;
}

/*
 * Appends the table's live entries to Buffer starting at *Count, without
 * writing past Capacity. *Count is advanced by the number of entries the
 * table holds, whether or not they fitted, so the caller can report the
 * size it would have needed.
 */
void MiPoolTagSnapshot(const POOL_TAG_TABLE *Table, POOL_TYPE PoolType,
                       POOL_TAG_INFO *Buffer, uint32_t Capacity, uint32_t *Count)
{
    uint32_t Index;

    for (Index = 0; Index < POOL_TAG_TABLE_SIZE; Index++) {
        if (Table->Entries[Index].InUse) {
            if (*Count < Capacity) {
                MiCopyTagEntry(&Buffer[*Count], &Table->Entries[Index], PoolType);
            }
            (*Count)++;
        }
    }

    if (Table->Overflow.Allocations != 0) {
        if (*Count < Capacity) {
            MiCopyTagEntry(&Buffer[*Count], &Table->Overflow, PoolType);
        }
        (*Count)++;
    }
}

void MmFormatPoolTag(uint32_t Tag, char Text[5])
{
    uint32_t Index;

    for (Index = 0; Index < 4; Index++) {
        char Character = (char)((Tag >> (Index * 8)) & 0xFF);

        Text[Index] = (Character >= 0x20 && Character < 0x7F) ? Character : '.';
    }
    Text[4] = '\0';
}
