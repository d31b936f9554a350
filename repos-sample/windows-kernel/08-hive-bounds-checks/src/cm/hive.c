/*
 * hive.c - Read-only hive access.
 *
 * The image is used in place; nothing is copied or cached. Lookups are
 * linear scans of the subkey and value lists, which is fine for the few
 * dozen keys the kernel reads at boot.
 *
 * The image comes from disk and the boot manager only checks the header
 * checksum, so nothing in it is trusted: every cell is reached through
 * CmpGetCell, CmpGetList or CmpGetData, which check that everything the
 * caller is about to read lies inside both the cell and the image.
 */

#include "cm.h"
#include "rtl.h"
#include "kd.h"

static CM_HIVE CmpSystemHive;
static bool CmpSystemHiveValid;

static uint32_t CmpHeaderChecksum(const CM_HIVE_HEADER *Header)
{
    const uint32_t *Words = (const uint32_t *)Header;
    uint32_t Sum = 0;
    uint32_t Index;

    for (Index = 0; Index < sizeof(CM_HIVE_HEADER) / sizeof(uint32_t); Index++) {
        if (&Words[Index] != &Header->Checksum) {
            Sum ^= Words[Index];
        }
    }
    return Sum;
}

/* Size of the fixed part of a cell of the given kind. */
static uint32_t CmpFixedCellSize(uint16_t Kind)
{
    switch (Kind) {
    case CM_CELL_KEY:
        return sizeof(CM_KEY_CELL);
    case CM_CELL_VALUE:
        return sizeof(CM_VALUE_CELL);
    default:
        return sizeof(CM_CELL_HEADER);
    }
}

/*
 * Returns the cell at Index if it has the right kind, lies entirely
 * inside the image, and is large enough for its fixed fields and (for
 * keys and values) its name.
 */
static const void *CmpGetCell(const CM_HIVE *Hive, CM_CELL_INDEX Index, uint16_t Kind)
{
    const CM_CELL_HEADER *Cell;
    uint32_t Needed;

    if (Index == CM_NULL_CELL || !IS_ALIGNED(Index, CM_CELL_ALIGNMENT) ||
        Index < sizeof(CM_HIVE_HEADER) ||
        Index > Hive->Length - sizeof(CM_CELL_HEADER)) {
        return NULL;
    }

    Cell = (const CM_CELL_HEADER *)(Hive->Image + Index);
    if (Cell->Kind != Kind || Cell->Size > Hive->Length - Index) {
        return NULL;
    }

    Needed = CmpFixedCellSize(Kind);
    if (Kind == CM_CELL_KEY || Kind == CM_CELL_VALUE) {
        if (Cell->NameLength > CM_MAX_NAME) {
            return NULL;
        }
        Needed += Cell->NameLength;
    }
    if (Cell->Size < Needed) {
        return NULL;
    }
    return Cell;
}

/* A list cell that really holds Count entries. */
static const CM_LIST_CELL *CmpGetList(const CM_HIVE *Hive, CM_CELL_INDEX Index, uint32_t Count)
{
    const CM_LIST_CELL *List = CmpGetCell(Hive, Index, CM_CELL_LIST);

    if (List == NULL ||
        Count > (List->Header.Size - sizeof(CM_CELL_HEADER)) / sizeof(CM_CELL_INDEX)) {
        return NULL;
    }
    return List;
}

/* The payload of a data cell that really holds Length bytes. */
static const uint8_t *CmpGetData(const CM_HIVE *Hive, CM_CELL_INDEX Index, uint32_t Length)
{
    const CM_CELL_HEADER *Cell = CmpGetCell(Hive, Index, CM_CELL_DATA);

    if (Cell == NULL || Length > Cell->Size - sizeof(CM_CELL_HEADER)) {
        return NULL;
    }
    return (const uint8_t *)(Cell + 1);
}

static KSTATUS CmpCopyName(char *Dest, size_t DestSize, const char *Name, uint16_t Length)
{
    if (Dest == NULL || DestSize <= Length) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(Dest, Name, Length);
    Dest[Length] = '\0';
    return STATUS_SUCCESS;
}

static bool CmpNameMatches(const char *CellName, uint16_t CellNameLength,
                           const KSTRING *Name)
{
    KSTRING Stored;

    Stored.Buffer = (char *)CellName;
    Stored.Length = CellNameLength;
    Stored.MaximumLength = CellNameLength;
    return RtlEqualString(&Stored, Name, true);
}

KSTATUS CmInitializeHive(CM_HIVE *Hive, const void *Image, uint32_t Length)
{
    const CM_HIVE_HEADER *Header = Image;

    if (Image == NULL || Length < sizeof(CM_HIVE_HEADER)) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Header->Signature != CM_HIVE_SIGNATURE || Header->Version != CM_HIVE_VERSION) {
        return STATUS_REGISTRY_CORRUPT;
    }
    if (Header->Checksum != CmpHeaderChecksum(Header)) {
        return STATUS_REGISTRY_CORRUPT;
    }

    /* The header may claim less than the loader read, never more. */
    if (Header->Length > Length ||
        Header->Length < sizeof(CM_HIVE_HEADER) + sizeof(CM_KEY_CELL)) {
        return STATUS_REGISTRY_CORRUPT;
    }

    Hive->Image = Image;
    Hive->Length = Header->Length;
    Hive->RootCell = Header->RootCell;

    if (CmpGetCell(Hive, Hive->RootCell, CM_CELL_KEY) == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }
    return STATUS_SUCCESS;
}

static KSTATUS CmpFindSubkey(const CM_HIVE *Hive, CM_CELL_INDEX Parent,
                             const KSTRING *Name, CM_CELL_INDEX *Found)
{
    const CM_KEY_CELL *Key = CmpGetCell(Hive, Parent, CM_CELL_KEY);
    const CM_LIST_CELL *List;
    uint32_t Index;

    if (Key == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }
    if (Key->SubkeyCount == 0) {
        return STATUS_OBJECT_NAME_NOT_FOUND;
    }

    List = CmpGetList(Hive, Key->SubkeyList, Key->SubkeyCount);
    if (List == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }

    for (Index = 0; Index < Key->SubkeyCount; Index++) {
        const CM_KEY_CELL *Child = CmpGetCell(Hive, List->Entries[Index], CM_CELL_KEY);

        if (Child == NULL) {
            return STATUS_REGISTRY_CORRUPT;
        }
        if (CmpNameMatches(Child->Name, Child->Header.NameLength, Name)) {
            *Found = List->Entries[Index];
            return STATUS_SUCCESS;
        }
    }
    return STATUS_OBJECT_NAME_NOT_FOUND;
}

KSTATUS CmOpenKey(const CM_HIVE *Hive, CM_CELL_INDEX Parent, const char *Path,
                  CM_CELL_INDEX *Key)
{
    CM_CELL_INDEX Current = (Parent == CM_NULL_CELL) ? Hive->RootCell : Parent;
    KSTRING Remaining;
    KSTRING Component;
    uint32_t Depth = 0;
    KSTATUS Status;

    RtlInitString(&Remaining, Path);
    while (RtlNextPathComponent(&Remaining, &Component, '\\')) {
        if (++Depth > CM_MAX_PATH_DEPTH) {
            return STATUS_INVALID_PARAMETER;
        }
        Status = CmpFindSubkey(Hive, Current, &Component, &Current);
        if (!K_SUCCESS(Status)) {
            return Status;
        }
    }

    *Key = Current;
    return STATUS_SUCCESS;
}

static const CM_VALUE_CELL *CmpFindValue(const CM_HIVE *Hive, CM_CELL_INDEX KeyIndex,
                                         const char *Name, KSTATUS *Status)
{
    const CM_KEY_CELL *Key = CmpGetCell(Hive, KeyIndex, CM_CELL_KEY);
    const CM_LIST_CELL *List;
    KSTRING Wanted;
    uint32_t Index;

    *Status = STATUS_REGISTRY_CORRUPT;
    if (Key == NULL) {
        return NULL;
    }
    if (Key->ValueCount == 0) {
        *Status = STATUS_OBJECT_NAME_NOT_FOUND;
        return NULL;
    }
    List = CmpGetList(Hive, Key->ValueList, Key->ValueCount);
    if (List == NULL) {
        return NULL;
    }

    RtlInitString(&Wanted, Name);
    for (Index = 0; Index < Key->ValueCount; Index++) {
        const CM_VALUE_CELL *Value = CmpGetCell(Hive, List->Entries[Index], CM_CELL_VALUE);

        if (Value == NULL) {
            return NULL;
        }
        if (CmpNameMatches(Value->Name, Value->Header.NameLength, &Wanted)) {
            *Status = STATUS_SUCCESS;
            return Value;
        }
    }
    *Status = STATUS_OBJECT_NAME_NOT_FOUND;
    return NULL;
}

KSTATUS CmQueryValue(const CM_HIVE *Hive, CM_CELL_INDEX Key, const char *Name,
                     uint32_t *Type, void *Data, uint32_t *DataLength)
{
    const CM_VALUE_CELL *Value;
    const uint8_t *Payload = NULL;
    uint32_t BufferLength = *DataLength;
    KSTATUS Status;

    Value = CmpFindValue(Hive, Key, Name, &Status);
    if (Value == NULL) {
        return Status;
    }

    if (Value->DataLength != 0) {
        Payload = CmpGetData(Hive, Value->Data, Value->DataLength);
        if (Payload == NULL) {
            return STATUS_REGISTRY_CORRUPT;
        }
    }

    if (Type != NULL) {
        *Type = Value->Type;
    }
    *DataLength = Value->DataLength;
    if (Value->DataLength > BufferLength) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (Payload != NULL) {
        RtlCopyMemory(Data, Payload, Value->DataLength);
    }
    return STATUS_SUCCESS;
}

KSTATUS CmQueryUint32(const CM_HIVE *Hive, CM_CELL_INDEX Key, const char *Name,
                      uint32_t *Value)
{
    uint32_t Length = sizeof(*Value);
    uint32_t Type;
    KSTATUS Status;

    /*
     * A longer value of another type comes back as BUFFER_TOO_SMALL; to
     * the caller that is the same mistake as a short one.
     */
    Status = CmQueryValue(Hive, Key, Name, &Type, Value, &Length);
    if (Status != STATUS_SUCCESS && Status != STATUS_BUFFER_TOO_SMALL) {
        return Status;
    }
    if (Type != CM_TYPE_UINT32 || Length != sizeof(*Value)) {
        return STATUS_OBJECT_TYPE_MISMATCH;
    }
    return STATUS_SUCCESS;
}

KSTATUS CmEnumerateSubkey(const CM_HIVE *Hive, CM_CELL_INDEX KeyIndex, uint32_t Index,
                          CM_CELL_INDEX *Subkey, char *Name, size_t NameSize)
{
    const CM_KEY_CELL *Key = CmpGetCell(Hive, KeyIndex, CM_CELL_KEY);
    const CM_KEY_CELL *Child;
    const CM_LIST_CELL *List;

    if (Key == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }
    if (Index >= Key->SubkeyCount) {
        return STATUS_NO_MORE_ENTRIES;
    }

    List = CmpGetList(Hive, Key->SubkeyList, Key->SubkeyCount);
    if (List == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }
    Child = CmpGetCell(Hive, List->Entries[Index], CM_CELL_KEY);
    if (Child == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }

    if (Subkey != NULL) {
        *Subkey = List->Entries[Index];
    }
    return CmpCopyName(Name, NameSize, Child->Name, Child->Header.NameLength);
}

KSTATUS CmEnumerateValue(const CM_HIVE *Hive, CM_CELL_INDEX KeyIndex, uint32_t Index,
                         char *Name, size_t NameSize, uint32_t *Type,
                         uint32_t *DataLength)
{
    const CM_KEY_CELL *Key = CmpGetCell(Hive, KeyIndex, CM_CELL_KEY);
    const CM_VALUE_CELL *Value;
    const CM_LIST_CELL *List;

    if (Key == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }
    if (Index >= Key->ValueCount) {
        return STATUS_NO_MORE_ENTRIES;
    }

    List = CmpGetList(Hive, Key->ValueList, Key->ValueCount);
    if (List == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }
    Value = CmpGetCell(Hive, List->Entries[Index], CM_CELL_VALUE);
    if (Value == NULL) {
        return STATUS_REGISTRY_CORRUPT;
    }

    if (Type != NULL) {
        *Type = Value->Type;
    }
    if (DataLength != NULL) {
        *DataLength = Value->DataLength;
    }
    return CmpCopyName(Name, NameSize, Value->Name, Value->Header.NameLength);
}

KSTATUS CmInitSystem(const void *Image, uint32_t Length)
{
    KSTATUS Status = CmInitializeHive(&CmpSystemHive, Image, Length);

    CmpSystemHiveValid = K_SUCCESS(Status);
    if (!CmpSystemHiveValid) {
        KdPrintError("cm: SYSTEM hive rejected (0x%08x); using built-in defaults\n",
                     (unsigned int)Status);
    }
    return Status;
}

/*
 * Reads a 32-bit setting from the system hive. Any failure, including a
 * missing or damaged hive, yields Default: configuration must never be
 * able to stop the boot.
 */
uint32_t CmGetSystemUint32(const char *KeyPath, const char *ValueName, uint32_t Default)
{
    CM_CELL_INDEX Key;
    uint32_t Value;

    if (!CmpSystemHiveValid) {
        return Default;
    }
    if (!K_SUCCESS(CmOpenKey(&CmpSystemHive, CM_NULL_CELL, KeyPath, &Key))) {
        return Default;
    }
    if (!K_SUCCESS(CmQueryUint32(&CmpSystemHive, Key, ValueName, &Value))) {
        return Default;
    }
    return Value;
}
