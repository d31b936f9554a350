/*
 * string.c - Counted strings and the memory primitives the compiler
 * expects to find even in a freestanding image.
 */

#include "rtl.h"

#ifndef KERNEL_HOST_TEST

/*
 * The kernel is built with -mno-sse, so the compiler cannot vectorise a
 * plain loop here anyway. "rep movsb/stosb" is fast on every processor we
 * support (ERMS) and keeps the code obvious.
 */
void *memset(void *Dest, int Value, size_t Count)
{
    void *Result = Dest;

    __asm__ volatile("rep stosb"
                     : "+D"(Dest), "+c"(Count)
                     : "a"(Value)
                     : "memory");
    return Result;
}

void *memcpy(void *restrict Dest, const void *restrict Source, size_t Count)
{
    void *Result = Dest;

    __asm__ volatile("rep movsb"
                     : "+D"(Dest), "+S"(Source), "+c"(Count)
                     :
                     : "memory");
    return Result;
}

void *memmove(void *Dest, const void *Source, size_t Count)
{
    unsigned char *To = Dest;
    const unsigned char *From = Source;

    if (To == From || Count == 0) {
        return Dest;
    }
    if (To < From || To >= From + Count) {
        return memcpy(Dest, Source, Count);
    }
    while (Count-- != 0) {
        To[Count] = From[Count];
    }
    return Dest;
}

int memcmp(const void *Left, const void *Right, size_t Count)
{
    const unsigned char *A = Left;
    const unsigned char *B = Right;
    size_t Index;

    for (Index = 0; Index < Count; Index++) {
        if (A[Index] != B[Index]) {
            return (int)A[Index] - (int)B[Index];
        }
    }
    return 0;
}

#endif /* !KERNEL_HOST_TEST */

static inline char RtlpToUpper(char Character)
{
    return (Character >= 'a' && Character <= 'z') ? (char)(Character - 'a' + 'A') : Character;
}

size_t RtlStringLength(const char *String, size_t Maximum)
{
    size_t Length = 0;

    while (Length < Maximum && String[Length] != '\0') {
        Length++;
    }
    return Length;
}

void RtlInitString(KSTRING *Dest, const char *Source)
{
    size_t Length = 0;

    if (Source != NULL) {
        Length = RtlStringLength(Source, RTL_MAX_STRING_LENGTH);
    }
    Dest->Buffer = (char *)Source;
    Dest->Length = (uint16_t)Length;
    Dest->MaximumLength = (uint16_t)(Source != NULL ? Length + 1 : 0);
}

bool RtlEqualString(const KSTRING *Left, const KSTRING *Right, bool CaseInsensitive)
{
    uint16_t Index;

    if (Left->Length != Right->Length) {
        return false;
    }
    if (!CaseInsensitive) {
        return RtlEqualMemory(Left->Buffer, Right->Buffer, Left->Length);
    }
    for (Index = 0; Index < Left->Length; Index++) {
        if (RtlpToUpper(Left->Buffer[Index]) != RtlpToUpper(Right->Buffer[Index])) {
            return false;
        }
    }
    return true;
}

KSTATUS RtlCopyString(KSTRING *Dest, const KSTRING *Source)
{
    if (Source->Length > Dest->MaximumLength) {
        return STATUS_BUFFER_TOO_SMALL;
    }
    RtlCopyMemory(Dest->Buffer, Source->Buffer, Source->Length);
    Dest->Length = Source->Length;
    if (Dest->Length < Dest->MaximumLength) {
        Dest->Buffer[Dest->Length] = '\0';
    }
    return STATUS_SUCCESS;
}

/*
 * Splits the first component off a path such as "\Device\Null".
 * Leading separators are skipped; Remaining is advanced past the
 * component. Returns false once there is nothing left.
 */
bool RtlNextPathComponent(KSTRING *Remaining, KSTRING *Component, char Separator)
{
    uint16_t Start = 0;
    uint16_t End;

    while (Start < Remaining->Length && Remaining->Buffer[Start] == Separator) {
        Start++;
    }
    if (Start == Remaining->Length) {
        Remaining->Buffer += Remaining->Length;
        Remaining->Length = 0;
        Remaining->MaximumLength = 0;
        return false;
    }

    End = Start;
    while (End < Remaining->Length && Remaining->Buffer[End] != Separator) {
        End++;
    }

    Component->Buffer = Remaining->Buffer + Start;
    Component->Length = (uint16_t)(End - Start);
    Component->MaximumLength = Component->Length;

    Remaining->Buffer += End;
    Remaining->MaximumLength = (uint16_t)(Remaining->MaximumLength - End);
    Remaining->Length = (uint16_t)(Remaining->Length - End);
    return true;
}
