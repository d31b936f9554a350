/*
 * format.c - The printf subset used by the debug print path and by code
 * that builds object names. No floating point: the kernel has no FPU
 * context of its own.
 */

#include "rtl.h"

#define FMT_LEFT_ALIGN  0x01u
#define FMT_ZERO_PAD    0x02u
#define FMT_UPPER       0x04u
#define FMT_NEGATIVE    0x08u

typedef struct _FORMAT_OUTPUT {
    char *Buffer;
    size_t Size;
    size_t Written;                 /* may exceed Size; like snprintf */
} FORMAT_OUTPUT;

static void RtlpPutChar(FORMAT_OUTPUT *Out, char Character)
{
    if (Out->Written + 1 < Out->Size) {
        Out->Buffer[Out->Written] = Character;
    }
    Out->Written++;
}

static void RtlpPad(FORMAT_OUTPUT *Out, char Character, int Count)
{
    while (Count-- > 0) {
        RtlpPutChar(Out, Character);
    }
}

static void RtlpPutString(FORMAT_OUTPUT *Out, const char *String, int Precision,
                          int Width, uint32_t Flags)
{
    size_t Length;
    size_t Index;

    if (String == NULL) {
        String = "(null)";
    }
    Length = RtlStringLength(String, Precision >= 0 ? (size_t)Precision : SIZE_MAX);

    if (!(Flags & FMT_LEFT_ALIGN)) {
        RtlpPad(Out, ' ', Width - (int)Length);
    }
    for (Index = 0; Index < Length; Index++) {
        RtlpPutChar(Out, String[Index]);
    }
    if (Flags & FMT_LEFT_ALIGN) {
        RtlpPad(Out, ' ', Width - (int)Length);
    }
}

static void RtlpPutNumber(FORMAT_OUTPUT *Out, uint64_t Value, uint32_t Base,
                          int Width, uint32_t Flags)
{
    const char *Digits = (Flags & FMT_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
    char Scratch[24];
    int Length = 0;
    int Sign = (Flags & FMT_NEGATIVE) ? 1 : 0;

    do {
        Scratch[Length++] = Digits[Value % Base];
        Value /= Base;
    } while (Value != 0);

    if (Flags & FMT_LEFT_ALIGN) {
        int Padding = Width - Length - Sign;

        if (Sign) {
            RtlpPutChar(Out, '-');
        }
        while (Length > 0) {
            RtlpPutChar(Out, Scratch[--Length]);
        }
        RtlpPad(Out, ' ', Padding);
        return;
    }

    if (Flags & FMT_ZERO_PAD) {
        if (Sign) {
            RtlpPutChar(Out, '-');
        }
        RtlpPad(Out, '0', Width - Length - Sign);
    } else {
        RtlpPad(Out, ' ', Width - Length - Sign);
        if (Sign) {
            RtlpPutChar(Out, '-');
        }
    }
    while (Length > 0) {
        RtlpPutChar(Out, Scratch[--Length]);
    }
}

int RtlFormatStringV(char *Buffer, size_t Size, const char *Format, va_list Args)
{
    FORMAT_OUTPUT Out = { Buffer, Size, 0 };
    const char *Cursor;

    for (Cursor = Format; *Cursor != '\0'; Cursor++) {
        uint32_t Flags = 0;
        int Width = 0;
        int Precision = -1;
        int LongCount = 0;
        bool SizeT = false;
        uint64_t Value;
        int64_t Signed;

        if (*Cursor != '%') {
            RtlpPutChar(&Out, *Cursor);
            continue;
        }

        /* Flags. */
        for (Cursor++; *Cursor == '-' || *Cursor == '0'; Cursor++) {
            Flags |= (*Cursor == '-') ? FMT_LEFT_ALIGN : FMT_ZERO_PAD;
        }

        /* Width and precision. */
        if (*Cursor == '*') {
            Width = va_arg(Args, int);
            Cursor++;
        } else {
            while (*Cursor >= '0' && *Cursor <= '9') {
                Width = Width * 10 + (*Cursor++ - '0');
            }
        }
        if (*Cursor == '.') {
            Cursor++;
            Precision = 0;
            if (*Cursor == '*') {
                Precision = va_arg(Args, int);
                Cursor++;
            } else {
                while (*Cursor >= '0' && *Cursor <= '9') {
                    Precision = Precision * 10 + (*Cursor++ - '0');
                }
            }
        }

        /* Length modifiers. */
        while (*Cursor == 'l') {
            LongCount++;
            Cursor++;
        }
        if (*Cursor == 'z') {
            SizeT = true;
            Cursor++;
        }

        switch (*Cursor) {
        case 'c':
            RtlpPad(&Out, ' ', (Flags & FMT_LEFT_ALIGN) ? 0 : Width - 1);
            RtlpPutChar(&Out, (char)va_arg(Args, int));
            RtlpPad(&Out, ' ', (Flags & FMT_LEFT_ALIGN) ? Width - 1 : 0);
            break;

        case 's':
            RtlpPutString(&Out, va_arg(Args, const char *), Precision, Width, Flags);
            break;

        case 'd':
        case 'i':
            if (SizeT) {
                Signed = (int64_t)va_arg(Args, ptrdiff_t);
            } else if (LongCount >= 2) {
                Signed = va_arg(Args, long long);
            } else if (LongCount == 1) {
                Signed = va_arg(Args, long);
            } else {
                Signed = va_arg(Args, int);
            }
            if (Signed < 0) {
                Flags |= FMT_NEGATIVE;
                Value = (uint64_t)0 - (uint64_t)Signed;
            } else {
                Value = (uint64_t)Signed;
            }
            RtlpPutNumber(&Out, Value, 10, Width, Flags);
            break;

        case 'u':
        case 'x':
        case 'X':
            if (SizeT) {
                Value = va_arg(Args, size_t);
            } else if (LongCount >= 2) {
                Value = va_arg(Args, unsigned long long);
            } else if (LongCount == 1) {
                Value = va_arg(Args, unsigned long);
            } else {
                Value = va_arg(Args, unsigned int);
            }
            if (*Cursor == 'X') {
                Flags |= FMT_UPPER;
            }
            RtlpPutNumber(&Out, Value, (*Cursor == 'u') ? 10 : 16, Width, Flags);
            break;

        case 'p':
            RtlpPutString(&Out, "0x", -1, 0, 0);
            RtlpPutNumber(&Out, (uintptr_t)va_arg(Args, void *), 16, 16, FMT_ZERO_PAD);
            break;

        case '%':
            RtlpPutChar(&Out, '%');
            break;

        case '\0':
            /* A lone '%' at the end of the format; print it and stop. */
            RtlpPutChar(&Out, '%');
            Cursor--;
            break;

        default:
            /* Unknown conversion: echo it so the mistake is visible. */
            RtlpPutChar(&Out, '%');
            RtlpPutChar(&Out, *Cursor);
            break;
        }
    }

    if (Size != 0) {
        Buffer[(Out.Written < Size) ? Out.Written : Size - 1] = '\0';
    }
    return (int)Out.Written;
}

int RtlFormatString(char *Buffer, size_t Size, const char *Format, ...)
{
    va_list Args;
    int Length;

    va_start(Args, Format);
    Length = RtlFormatStringV(Buffer, Size, Format, Args);
    va_end(Args);
    return Length;
}
