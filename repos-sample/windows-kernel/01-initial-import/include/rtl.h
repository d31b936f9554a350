/*
 * rtl.h - Runtime library: intrusive lists, counted strings, bitmaps and
 * string formatting. Everything here is pure computation and may be used
 * at any IRQL.
 */

#ifndef RTL_H
#define RTL_H

#include "kbase.h"

#ifdef KERNEL_HOST_TEST
#include <string.h>
#else
/* The compiler may emit calls to these even in freestanding mode. */
void *memset(void *Dest, int Value, size_t Count);
void *memcpy(void *restrict Dest, const void *restrict Source, size_t Count);
void *memmove(void *Dest, const void *Source, size_t Count);
int memcmp(const void *Left, const void *Right, size_t Count);
#endif

#define RtlZeroMemory(Dest, Count)          memset((Dest), 0, (Count))
#define RtlFillMemory(Dest, Count, Value)   memset((Dest), (Value), (Count))
#define RtlCopyMemory(Dest, Source, Count)  memcpy((Dest), (Source), (Count))
#define RtlMoveMemory(Dest, Source, Count)  memmove((Dest), (Source), (Count))
#define RtlEqualMemory(Left, Right, Count)  (memcmp((Left), (Right), (Count)) == 0)

/*
 * Doubly linked circular lists. The head is a LIST_ENTRY that is never
 * part of a containing record. An entry that has been removed points at
 * itself, which makes RtlIsListEmpty() usable as "is this entry linked".
 */
typedef struct _LIST_ENTRY {
    struct _LIST_ENTRY *Next;
    struct _LIST_ENTRY *Prev;
} LIST_ENTRY;

static inline void RtlInitializeListHead(LIST_ENTRY *Head)
{
    Head->Next = Head;
    Head->Prev = Head;
}

static inline bool RtlIsListEmpty(const LIST_ENTRY *Head)
{
    return Head->Next == Head;
}

static inline void RtlInsertTailList(LIST_ENTRY *Head, LIST_ENTRY *Entry)
{
    LIST_ENTRY *Last = Head->Prev;

    Entry->Next = Head;
    Entry->Prev = Last;
    Last->Next = Entry;
    Head->Prev = Entry;
}

static inline void RtlInsertHeadList(LIST_ENTRY *Head, LIST_ENTRY *Entry)
{
    LIST_ENTRY *First = Head->Next;

    Entry->Next = First;
    Entry->Prev = Head;
    First->Prev = Entry;
    Head->Next = Entry;
}

static inline void RtlRemoveEntryList(LIST_ENTRY *Entry)
{
    LIST_ENTRY *Next = Entry->Next;
    LIST_ENTRY *Prev = Entry->Prev;

    Prev->Next = Next;
    Next->Prev = Prev;
    Entry->Next = Entry;
    Entry->Prev = Entry;
}

static inline LIST_ENTRY *RtlRemoveHeadList(LIST_ENTRY *Head)
{
    LIST_ENTRY *Entry = Head->Next;

    if (Entry == Head) {
        return NULL;
    }
    RtlRemoveEntryList(Entry);
    return Entry;
}

/*
 * Counted 8-bit strings. Buffer is not required to be NUL terminated;
 * Length never includes a terminator.
 */
typedef struct _KSTRING {
    uint16_t Length;
    uint16_t MaximumLength;
    char *Buffer;
} KSTRING;

#define RTL_CONSTANT_STRING(s) \
    { (uint16_t)(sizeof(s) - 1), (uint16_t)sizeof(s), (char *)(s) }

#define RTL_MAX_STRING_LENGTH   0xFFFEu

void RtlInitString(KSTRING *Dest, const char *Source);
bool RtlEqualString(const KSTRING *Left, const KSTRING *Right, bool CaseInsensitive);
KSTATUS RtlCopyString(KSTRING *Dest, const KSTRING *Source);
size_t RtlStringLength(const char *String, size_t Maximum);
bool RtlNextPathComponent(KSTRING *Remaining, KSTRING *Component, char Separator);

/*
 * Bitmaps over caller-supplied storage, 64 bits per word.
 */
typedef struct _RTL_BITMAP {
    uint32_t SizeInBits;
    uint64_t *Buffer;
} RTL_BITMAP;

#define RTL_BITMAP_NOT_FOUND    0xFFFFFFFFu
#define RTL_BITMAP_WORDS(Bits)  (((Bits) + 63) / 64)

void RtlInitializeBitmap(RTL_BITMAP *Bitmap, uint64_t *Buffer, uint32_t SizeInBits);
void RtlClearAllBits(RTL_BITMAP *Bitmap);
void RtlSetBits(RTL_BITMAP *Bitmap, uint32_t Start, uint32_t Count);
void RtlClearBits(RTL_BITMAP *Bitmap, uint32_t Start, uint32_t Count);
uint32_t RtlFindClearBitsAndSet(RTL_BITMAP *Bitmap, uint32_t Count, uint32_t Hint);
uint32_t RtlNumberOfSetBits(const RTL_BITMAP *Bitmap);

static inline bool RtlTestBit(const RTL_BITMAP *Bitmap, uint32_t Bit)
{
    KASSERT(Bit < Bitmap->SizeInBits);
    return (Bitmap->Buffer[Bit / 64] >> (Bit % 64)) & 1;
}

/*
 * A small printf subset: %c %s %d %i %u %x %X %p %%, flags '-' and '0',
 * field width and precision (including '*'), and the 'l', 'll' and 'z'
 * length modifiers. Returns the length the full output would have had,
 * like snprintf; the buffer is always terminated when Size > 0.
 */
int RtlFormatStringV(char *Buffer, size_t Size, const char *Format, va_list Args);
int RtlFormatString(char *Buffer, size_t Size, const char *Format, ...) PRINTF_LIKE(3, 4);

#endif /* RTL_H */
