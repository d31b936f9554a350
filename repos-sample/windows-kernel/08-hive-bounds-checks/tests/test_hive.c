/*
 * test_hive.c - Hive reader tests.
 *
 * The tests build a small hive in memory with the helpers below, then
 * damage it in specific ways. Every damaged image must be rejected with
 * STATUS_REGISTRY_CORRUPT and must never be read outside its bounds;
 * running these tests under AddressSanitizer checks the second half.
 */

#include "harness.h"
#include "cm.h"
#include "rtl.h"

#define TEST_HIVE_CAPACITY  2048

typedef struct _HIVE_BUILDER {
    uint8_t Image[TEST_HIVE_CAPACITY] __attribute__((aligned(8)));
    uint32_t Length;
} HIVE_BUILDER;

/* Cells the corruption tests want to poke at. */
typedef struct _SAMPLE_CELLS {
    CM_CELL_INDEX Root;
    CM_CELL_INDEX Kernel;
    CM_CELL_INDEX Services;
    CM_CELL_INDEX ServicesList;
    CM_CELL_INDEX LevelValue;
    CM_CELL_INDEX LabelData;
} SAMPLE_CELLS;

static HIVE_BUILDER Builder;
static SAMPLE_CELLS Cells;
static CM_HIVE Hive;

static CM_CELL_INDEX BuildCell(HIVE_BUILDER *B, uint16_t Kind, uint32_t Size, uint16_t NameLength)
{
    CM_CELL_INDEX Index = B->Length;
    CM_CELL_HEADER *Header = (CM_CELL_HEADER *)&B->Image[Index];

    Size = ALIGN_UP(Size, CM_CELL_ALIGNMENT);
    KASSERT(Index + Size <= sizeof(B->Image));
    memset(Header, 0, Size);
    Header->Size = Size;
    Header->Kind = Kind;
    Header->NameLength = NameLength;
    B->Length += Size;
    return Index;
}

static CM_CELL_INDEX BuildList(HIVE_BUILDER *B, const CM_CELL_INDEX *Entries, uint32_t Count)
{
    CM_CELL_INDEX Index;

    if (Count == 0) {
        return CM_NULL_CELL;
    }
    Index = BuildCell(B, CM_CELL_LIST, sizeof(CM_CELL_HEADER) + Count * sizeof(CM_CELL_INDEX), 0);
    memcpy(((CM_LIST_CELL *)&B->Image[Index])->Entries, Entries, Count * sizeof(CM_CELL_INDEX));
    return Index;
}

static CM_CELL_INDEX BuildValue(HIVE_BUILDER *B, const char *Name, uint32_t Type,
                                const void *Data, uint32_t DataLength, CM_CELL_INDEX *DataCell)
{
    uint16_t NameLength = (uint16_t)strlen(Name);
    CM_CELL_INDEX DataIndex = BuildCell(B, CM_CELL_DATA, sizeof(CM_CELL_HEADER) + DataLength, 0);
    CM_CELL_INDEX Index = BuildCell(B, CM_CELL_VALUE, sizeof(CM_VALUE_CELL) + NameLength, NameLength);
    CM_VALUE_CELL *Value = (CM_VALUE_CELL *)&B->Image[Index];

    memcpy(&B->Image[DataIndex + sizeof(CM_CELL_HEADER)], Data, DataLength);
    Value->Type = Type;
    Value->DataLength = DataLength;
    Value->Data = DataIndex;
    memcpy(Value->Name, Name, NameLength);
    if (DataCell != NULL) {
        *DataCell = DataIndex;
    }
    return Index;
}

static CM_CELL_INDEX BuildUint32(HIVE_BUILDER *B, const char *Name, uint32_t Data)
{
    return BuildValue(B, Name, CM_TYPE_UINT32, &Data, sizeof(Data), NULL);
}

static CM_CELL_INDEX BuildKey(HIVE_BUILDER *B, const char *Name,
                              const CM_CELL_INDEX *Subkeys, uint32_t SubkeyCount,
                              const CM_CELL_INDEX *Values, uint32_t ValueCount)
{
    uint16_t NameLength = (uint16_t)strlen(Name);
    CM_CELL_INDEX SubkeyList = BuildList(B, Subkeys, SubkeyCount);
    CM_CELL_INDEX ValueList = BuildList(B, Values, ValueCount);
    CM_CELL_INDEX Index = BuildCell(B, CM_CELL_KEY, sizeof(CM_KEY_CELL) + NameLength, NameLength);
    CM_KEY_CELL *Key = (CM_KEY_CELL *)&B->Image[Index];

    Key->SubkeyCount = SubkeyCount;
    Key->SubkeyList = SubkeyList;
    Key->ValueCount = ValueCount;
    Key->ValueList = ValueList;
    memcpy(Key->Name, Name, NameLength);
    return Index;
}

static void SealHeader(HIVE_BUILDER *B)
{
    CM_HIVE_HEADER *Header = (CM_HIVE_HEADER *)B->Image;
    const uint32_t *Words = (const uint32_t *)Header;
    uint32_t Checksum = 0;
    uint32_t Index;

    Header->Checksum = 0;
    for (Index = 0; Index < sizeof(*Header) / sizeof(uint32_t); Index++) {
        Checksum ^= Words[Index];
    }
    Header->Checksum = Checksum;
}

/*
 *  (root)
 *    Control\Kernel     DebugPrintLevel = 3, BuildLabel = "lab-main"
 *    Services\Beep      Start = 4
 *    Services\Null      Start = 0
 */
static void BuildSampleHive(void)
{
    static const char Label[] = "lab-main";
    CM_CELL_INDEX Values[2];
    CM_CELL_INDEX Keys[2];
    CM_CELL_INDEX Value;
    CM_CELL_INDEX Control;
    CM_HIVE_HEADER *Header = (CM_HIVE_HEADER *)Builder.Image;

    memset(&Builder, 0, sizeof(Builder));
    Builder.Length = sizeof(CM_HIVE_HEADER);

    Cells.LevelValue = BuildUint32(&Builder, "DebugPrintLevel", 3);
    Values[0] = Cells.LevelValue;
    Values[1] = BuildValue(&Builder, "BuildLabel", CM_TYPE_STRING, Label, sizeof(Label),
                           &Cells.LabelData);
    Cells.Kernel = BuildKey(&Builder, "Kernel", NULL, 0, Values, 2);
    Control = BuildKey(&Builder, "Control", &Cells.Kernel, 1, NULL, 0);

    Value = BuildUint32(&Builder, "Start", 4);
    Keys[0] = BuildKey(&Builder, "Beep", NULL, 0, &Value, 1);
    Value = BuildUint32(&Builder, "Start", 0);
    Keys[1] = BuildKey(&Builder, "Null", NULL, 0, &Value, 1);
    Cells.Services = BuildKey(&Builder, "Services", Keys, 2, NULL, 0);
    Cells.ServicesList = ((CM_KEY_CELL *)&Builder.Image[Cells.Services])->SubkeyList;

    Keys[0] = Control;
    Keys[1] = Cells.Services;
    Cells.Root = BuildKey(&Builder, "", Keys, 2, NULL, 0);

    Header->Signature = CM_HIVE_SIGNATURE;
    Header->Version = CM_HIVE_VERSION;
    Header->Length = Builder.Length;
    Header->RootCell = Cells.Root;
    SealHeader(&Builder);

    CHECK_EQ(CmInitializeHive(&Hive, Builder.Image, Builder.Length), STATUS_SUCCESS);
}

static void TestOpenAndQuery(void)
{
    CM_CELL_INDEX Key;
    char Label[16];
    uint32_t Length = sizeof(Label);
    uint32_t Value = 0;
    uint32_t Type;

    BuildSampleHive();
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "Control\\Kernel", &Key), STATUS_SUCCESS);
    CHECK_EQ(Key, Cells.Kernel);
    CHECK_EQ(CmQueryUint32(&Hive, Key, "DebugPrintLevel", &Value), STATUS_SUCCESS);
    CHECK_EQ(Value, 3);

    CHECK_EQ(CmQueryValue(&Hive, Key, "buildlabel", &Type, Label, &Length), STATUS_SUCCESS);
    CHECK_EQ(Type, CM_TYPE_STRING);
    CHECK_EQ(Length, 9);
    CHECK_STR(Label, "lab-main");

    /* Lookups are case-insensitive and tolerate doubled separators. */
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "\\CONTROL\\\\kernel", &Key), STATUS_SUCCESS);
    CHECK_EQ(Key, Cells.Kernel);
}

static void TestMissingKeysAndValues(void)
{
    CM_CELL_INDEX Key;
    uint32_t Value;

    BuildSampleHive();
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "Control\\Nope", &Key), STATUS_OBJECT_NAME_NOT_FOUND);
    CHECK_EQ(CmQueryUint32(&Hive, Cells.Kernel, "Nope", &Value), STATUS_OBJECT_NAME_NOT_FOUND);
    CHECK_EQ(CmQueryUint32(&Hive, Cells.Kernel, "BuildLabel", &Value), STATUS_OBJECT_TYPE_MISMATCH);
}

static void TestSmallBufferReportsLength(void)
{
    char Small[4];
    uint32_t Length = sizeof(Small);

    BuildSampleHive();
    CHECK_EQ(CmQueryValue(&Hive, Cells.Kernel, "BuildLabel", NULL, Small, &Length),
             STATUS_BUFFER_TOO_SMALL);
    CHECK_EQ(Length, 9);
}

static void TestEnumeration(void)
{
    CM_CELL_INDEX Subkey;
    char Name[16];
    uint32_t Type;
    uint32_t Length;

    BuildSampleHive();
    CHECK_EQ(CmEnumerateSubkey(&Hive, Cells.Services, 0, &Subkey, Name, sizeof(Name)),
             STATUS_SUCCESS);
    CHECK_STR(Name, "Beep");
    CHECK_EQ(CmEnumerateSubkey(&Hive, Cells.Services, 1, &Subkey, Name, sizeof(Name)),
             STATUS_SUCCESS);
    CHECK_STR(Name, "Null");
    CHECK_EQ(CmEnumerateSubkey(&Hive, Cells.Services, 2, &Subkey, Name, sizeof(Name)),
             STATUS_NO_MORE_ENTRIES);

    CHECK_EQ(CmEnumerateValue(&Hive, Cells.Kernel, 1, Name, sizeof(Name), &Type, &Length),
             STATUS_SUCCESS);
    CHECK_STR(Name, "BuildLabel");
    CHECK_EQ(Type, CM_TYPE_STRING);
    CHECK_EQ(Length, 9);
    CHECK_EQ(CmEnumerateValue(&Hive, Cells.Kernel, 0, Name, 4, NULL, NULL),
             STATUS_BUFFER_TOO_SMALL);
}

static void TestRejectsBadHeader(void)
{
    CM_HIVE_HEADER *Header = (CM_HIVE_HEADER *)Builder.Image;

    BuildSampleHive();
    CHECK_EQ(CmInitializeHive(&Hive, Builder.Image, Builder.Length - 8), STATUS_REGISTRY_CORRUPT);

    Header->Version = 7;
    CHECK_EQ(CmInitializeHive(&Hive, Builder.Image, Builder.Length), STATUS_REGISTRY_CORRUPT);
    SealHeader(&Builder);
    CHECK_EQ(CmInitializeHive(&Hive, Builder.Image, Builder.Length), STATUS_REGISTRY_CORRUPT);

    BuildSampleHive();
    Header->Length = 12;
    SealHeader(&Builder);
    CHECK_EQ(CmInitializeHive(&Hive, Builder.Image, Builder.Length), STATUS_REGISTRY_CORRUPT);
}

static void TestCellRunningPastImage(void)
{
    CM_CELL_INDEX Key;

    BuildSampleHive();
    ((CM_CELL_HEADER *)&Builder.Image[Cells.Kernel])->Size = TEST_HIVE_CAPACITY;
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "Control\\Kernel", &Key), STATUS_REGISTRY_CORRUPT);
}

static void TestNameLongerThanCell(void)
{
    CM_CELL_INDEX Key;

    BuildSampleHive();
    ((CM_CELL_HEADER *)&Builder.Image[Cells.Kernel])->NameLength = 200;
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "Control\\Kernel", &Key), STATUS_REGISTRY_CORRUPT);
}

static void TestListCountBeyondList(void)
{
    CM_CELL_INDEX Key;

    BuildSampleHive();
    ((CM_KEY_CELL *)&Builder.Image[Cells.Services])->SubkeyCount = 100000;
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "Services\\Zero", &Key), STATUS_REGISTRY_CORRUPT);

    BuildSampleHive();
    ((CM_LIST_CELL *)&Builder.Image[Cells.ServicesList])->Entries[1] = 4;
    CHECK_EQ(CmOpenKey(&Hive, CM_NULL_CELL, "Services\\Null", &Key), STATUS_REGISTRY_CORRUPT);
}

static void TestDataLengthBeyondCell(void)
{
    char Buffer[64];
    uint32_t Length = sizeof(Buffer);

    BuildSampleHive();
    ((CM_VALUE_CELL *)&Builder.Image[Cells.LevelValue])->DataLength = 40;
    CHECK_EQ(CmQueryValue(&Hive, Cells.Kernel, "DebugPrintLevel", NULL, Buffer, &Length),
             STATUS_REGISTRY_CORRUPT);
}

static const HARNESS_TEST HiveTests[] = {
    HARNESS_TEST_ENTRY(TestOpenAndQuery),
    HARNESS_TEST_ENTRY(TestMissingKeysAndValues),
    HARNESS_TEST_ENTRY(TestSmallBufferReportsLength),
    HARNESS_TEST_ENTRY(TestEnumeration),
    HARNESS_TEST_ENTRY(TestRejectsBadHeader),
    HARNESS_TEST_ENTRY(TestCellRunningPastImage),
    HARNESS_TEST_ENTRY(TestNameLongerThanCell),
    HARNESS_TEST_ENTRY(TestListCountBeyondList),
    HARNESS_TEST_ENTRY(TestDataLengthBeyondCell),
};

int main(void)
{
    return HarnessRunTests("hive", HiveTests, ARRAY_COUNT(HiveTests));
}
