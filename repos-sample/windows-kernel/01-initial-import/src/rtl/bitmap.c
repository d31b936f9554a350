/*
 * bitmap.c - Bitmaps over caller-supplied storage.
 *
 * Bits past SizeInBits in the last word are kept clear so that counting
 * and searching can work a word at a time without masking.
 */

#include "rtl.h"

void RtlInitializeBitmap(RTL_BITMAP *Bitmap, uint64_t *Buffer, uint32_t SizeInBits)
{
    Bitmap->Buffer = Buffer;
    Bitmap->SizeInBits = SizeInBits;
}

void RtlClearAllBits(RTL_BITMAP *Bitmap)
{
    RtlZeroMemory(Bitmap->Buffer, RTL_BITMAP_WORDS(Bitmap->SizeInBits) * sizeof(uint64_t));
}

/* Mask of Count bits starting at bit Shift of one word; Shift + Count <= 64. */
static inline uint64_t RtlpWordMask(uint32_t Shift, uint32_t Count)
{
    uint64_t Mask = (Count == 64) ? ~0ull : ((1ull << Count) - 1);

    return Mask << Shift;
}

static void RtlpUpdateBits(RTL_BITMAP *Bitmap, uint32_t Start, uint32_t Count, bool Set)
{
    KASSERT(Start <= Bitmap->SizeInBits && Count <= Bitmap->SizeInBits - Start);

    while (Count != 0) {
        uint32_t Shift = Start % 64;
        uint32_t Chunk = 64 - Shift;
        uint64_t Mask;

        if (Chunk > Count) {
            Chunk = Count;
        }
        Mask = RtlpWordMask(Shift, Chunk);
        if (Set) {
            Bitmap->Buffer[Start / 64] |= Mask;
        } else {
            Bitmap->Buffer[Start / 64] &= ~Mask;
        }
        Start += Chunk;
        Count -= Chunk;
    }
}

void RtlSetBits(RTL_BITMAP *Bitmap, uint32_t Start, uint32_t Count)
{
    RtlpUpdateBits(Bitmap, Start, Count, true);
}

void RtlClearBits(RTL_BITMAP *Bitmap, uint32_t Start, uint32_t Count)
{
    RtlpUpdateBits(Bitmap, Start, Count, false);
}

/*
 * Looks for a run of Count clear bits, starting at Hint and wrapping
 * around once. The run is set before returning its first index.
 */
uint32_t RtlFindClearBitsAndSet(RTL_BITMAP *Bitmap, uint32_t Count, uint32_t Hint)
{
    uint32_t Size = Bitmap->SizeInBits;
    uint32_t Scanned = 0;
    uint32_t RunStart = 0;
    uint32_t RunLength = 0;
    uint32_t Bit;

    if (Count == 0 || Count > Size) {
        return RTL_BITMAP_NOT_FOUND;
    }
    if (Hint >= Size) {
        Hint = 0;
    }

    Bit = Hint;
    while (Scanned < Size + Count) {
        if (Bit == Size) {
            /* Runs may not wrap; restart the count at bit 0. */
            Bit = 0;
            RunLength = 0;
        }

        if ((Bitmap->Buffer[Bit / 64] & (1ull << (Bit % 64))) == 0) {
            if (RunLength == 0) {
                RunStart = Bit;
            }
            if (++RunLength == Count) {
                RtlSetBits(Bitmap, RunStart, Count);
                return RunStart;
            }
        } else {
            RunLength = 0;
        }

        Bit++;
        Scanned++;
    }
    return RTL_BITMAP_NOT_FOUND;
}

/*
 * Open-coded population count: the kernel does not link libgcc, and
 * __builtin_popcountll turns into a libgcc call without -mpopcnt.
 */
static inline uint32_t RtlpPopulationCount(uint64_t Word)
{
    Word = Word - ((Word >> 1) & 0x5555555555555555ull);
    Word = (Word & 0x3333333333333333ull) + ((Word >> 2) & 0x3333333333333333ull);
    Word = (Word + (Word >> 4)) & 0x0F0F0F0F0F0F0F0Full;
    return (uint32_t)((Word * 0x0101010101010101ull) >> 56);
}

uint32_t RtlNumberOfSetBits(const RTL_BITMAP *Bitmap)
{
    uint32_t Words = RTL_BITMAP_WORDS(Bitmap->SizeInBits);
    uint32_t Total = 0;
    uint32_t Index;

    for (Index = 0; Index < Words; Index++) {
        Total += RtlpPopulationCount(Bitmap->Buffer[Index]);
    }
    return Total;
}
