/*
 * test_rtl.c - Runtime library tests: lists, strings, bitmaps, formatting.
 */

#include "harness.h"
#include "rtl.h"

typedef struct _ITEM {
    LIST_ENTRY Link;
    int Value;
} ITEM;

static void TestListInsertRemove(void)
{
    LIST_ENTRY Head;
    ITEM Items[3] = { { .Value = 1 }, { .Value = 2 }, { .Value = 3 } };
    LIST_ENTRY *Entry;
    int Expected = 1;

    RtlInitializeListHead(&Head);
    CHECK(RtlIsListEmpty(&Head));

    RtlInsertTailList(&Head, &Items[1].Link);
    RtlInsertTailList(&Head, &Items[2].Link);
    RtlInsertHeadList(&Head, &Items[0].Link);

    for (Entry = Head.Next; Entry != &Head; Entry = Entry->Next) {
        CHECK_EQ(CONTAINER_OF(Entry, ITEM, Link)->Value, Expected);
        Expected++;
    }
    CHECK_EQ(Expected, 4);

    RtlRemoveEntryList(&Items[1].Link);
    CHECK(RtlIsListEmpty(&Items[1].Link));   /* removed entries point at themselves */
    CHECK(RtlRemoveHeadList(&Head) == &Items[0].Link);
    CHECK(RtlRemoveHeadList(&Head) == &Items[2].Link);
    CHECK(RtlRemoveHeadList(&Head) == NULL);
}

static void TestStringCompare(void)
{
    KSTRING Upper = RTL_CONSTANT_STRING("DEVICE");
    KSTRING Lower = RTL_CONSTANT_STRING("device");
    KSTRING Other = RTL_CONSTANT_STRING("devices");

    CHECK(RtlEqualString(&Upper, &Lower, true));
    CHECK(!RtlEqualString(&Upper, &Lower, false));
    CHECK(!RtlEqualString(&Lower, &Other, true));
}

static void TestStringCopy(void)
{
    char Storage[8];
    KSTRING Dest = { 0, sizeof(Storage), Storage };
    KSTRING Short = RTL_CONSTANT_STRING("Null");
    KSTRING Long = RTL_CONSTANT_STRING("Keyboard");

    CHECK_EQ(RtlCopyString(&Dest, &Short), STATUS_SUCCESS);
    CHECK_EQ(Dest.Length, 4);
    CHECK_STR(Storage, "Null");
    CHECK_EQ(RtlCopyString(&Dest, &Long), STATUS_SUCCESS);    /* fits, no terminator */
    CHECK_EQ(Dest.Length, 8);

    Long.Length = 9;
    CHECK_EQ(RtlCopyString(&Dest, &Long), STATUS_BUFFER_TOO_SMALL);
}

static void TestPathComponents(void)
{
    KSTRING Path;
    KSTRING Component;

    RtlInitString(&Path, "\\Device\\\\Null\\");
    CHECK(RtlNextPathComponent(&Path, &Component, '\\'));
    CHECK_EQ(Component.Length, 6);
    CHECK(memcmp(Component.Buffer, "Device", 6) == 0);
    CHECK(RtlNextPathComponent(&Path, &Component, '\\'));
    CHECK_EQ(Component.Length, 4);
    CHECK(memcmp(Component.Buffer, "Null", 4) == 0);
    CHECK(!RtlNextPathComponent(&Path, &Component, '\\'));
    CHECK_EQ(Path.Length, 0);
}

static void TestBitmapFindAndSet(void)
{
    uint64_t Storage[RTL_BITMAP_WORDS(130)];
    RTL_BITMAP Bitmap;

    RtlInitializeBitmap(&Bitmap, Storage, 130);
    RtlClearAllBits(&Bitmap);

    RtlSetBits(&Bitmap, 60, 10);            /* crosses a word boundary */
    CHECK(RtlTestBit(&Bitmap, 60));
    CHECK(RtlTestBit(&Bitmap, 69));
    CHECK(!RtlTestBit(&Bitmap, 70));
    CHECK_EQ(RtlNumberOfSetBits(&Bitmap), 10);

    CHECK_EQ(RtlFindClearBitsAndSet(&Bitmap, 8, 55), 70);
    CHECK_EQ(RtlFindClearBitsAndSet(&Bitmap, 60, 0), 0);
    CHECK_EQ(RtlNumberOfSetBits(&Bitmap), 78);

    /* 52 bits remain free at 78..129; a run of 53 cannot wrap to bit 0. */
    CHECK_EQ(RtlFindClearBitsAndSet(&Bitmap, 53, 100), RTL_BITMAP_NOT_FOUND);
    CHECK_EQ(RtlFindClearBitsAndSet(&Bitmap, 52, 100), 78);

    RtlClearBits(&Bitmap, 0, 130);
    CHECK_EQ(RtlNumberOfSetBits(&Bitmap), 0);
}

static void TestFormatIntegers(void)
{
    char Buffer[64];

    RtlFormatString(Buffer, sizeof(Buffer), "%d %i %u", -42, 7, 3000000000u);
    CHECK_STR(Buffer, "-42 7 3000000000");

    RtlFormatString(Buffer, sizeof(Buffer), "[%5d|%-5d|%05d]", -12, 34, -56);
    CHECK_STR(Buffer, "[  -12|34   |-0056]");

    RtlFormatString(Buffer, sizeof(Buffer), "%x %X %08x", 0xBEEFu, 0xBEEFu, 0x1234u);
    CHECK_STR(Buffer, "beef BEEF 00001234");

    RtlFormatString(Buffer, sizeof(Buffer), "%llu %zu %ld",
                    18446744073709551615ull, (size_t)4096, -1L);
    CHECK_STR(Buffer, "18446744073709551615 4096 -1");

    RtlFormatString(Buffer, sizeof(Buffer), "%p", (void *)0x1000);
    CHECK_STR(Buffer, "0x0000000000001000");
}

/* No format attribute: lets the tests feed deliberately odd input. */
static int FormatUnchecked(char *Buffer, size_t Size, const char *Format, ...)
{
    va_list Args;
    int Length;

    va_start(Args, Format);
    Length = RtlFormatStringV(Buffer, Size, Format, Args);
    va_end(Args);
    return Length;
}

static void TestFormatStrings(void)
{
    char Buffer[32];

    RtlFormatString(Buffer, sizeof(Buffer), "<%s|%6s|%-6s|%c>", "ab", "cd", "ef", 'g');
    CHECK_STR(Buffer, "<ab|    cd|ef    |g>");

    RtlFormatString(Buffer, sizeof(Buffer), "%.*s/%.2s", 3, "abcdef", "xyz");
    CHECK_STR(Buffer, "abc/xy");

    FormatUnchecked(Buffer, sizeof(Buffer), "%s %% %q", (const char *)NULL);
    CHECK_STR(Buffer, "(null) % %q");
}

static void TestFormatTruncation(void)
{
    char Buffer[8];

    CHECK_EQ(RtlFormatString(Buffer, sizeof(Buffer), "%s", "truncated"), 9);
    CHECK_STR(Buffer, "truncat");
    CHECK_EQ(RtlFormatString(Buffer, 0, "abc"), 3);
}

static const HARNESS_TEST RtlTests[] = {
    HARNESS_TEST_ENTRY(TestListInsertRemove),
    HARNESS_TEST_ENTRY(TestStringCompare),
    HARNESS_TEST_ENTRY(TestStringCopy),
    HARNESS_TEST_ENTRY(TestPathComponents),
    HARNESS_TEST_ENTRY(TestBitmapFindAndSet),
    HARNESS_TEST_ENTRY(TestFormatIntegers),
    HARNESS_TEST_ENTRY(TestFormatStrings),
    HARNESS_TEST_ENTRY(TestFormatTruncation),
};

int main(void)
{
    return HarnessRunTests("rtl", RtlTests, ARRAY_COUNT(RtlTests));
}
