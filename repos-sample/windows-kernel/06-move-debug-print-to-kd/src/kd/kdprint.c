/*
 * kdprint.c - Debug print path: format, append to the log ring, and push
 * the text out of the debug UART.
 *
 * The UART is polled. At 115200 baud a full line costs about 20 us, which
 * is why KD_LEVEL_TRACE output is off unless the SYSTEM hive asks for it.
 *
 * The log ring keeps the last KD_LOG_SIZE bytes of output whether or not a
 * UART is attached; KdCopyLog hands it to the crash dump writer.
 */

#include "kd.h"
#include "ke.h"
#include "rtl.h"
#include "arch/x64.h"

/* 16550 register offsets from the I/O base. */
#define UART_DATA           0
#define UART_INT_ENABLE     1
#define UART_DIVISOR_LOW    0
#define UART_DIVISOR_HIGH   1
#define UART_FIFO_CONTROL   2
#define UART_LINE_CONTROL   3
#define UART_MODEM_CONTROL  4
#define UART_LINE_STATUS    5

#define UART_LSR_THR_EMPTY  0x20
#define UART_LCR_DLAB       0x80
#define UART_LCR_8N1        0x03

#define UART_SPIN_LIMIT     100000

static uint16_t KdpPort;
static uint32_t KdpPrintLevel = KD_LEVEL_INFO;
static KSPIN_LOCK KdpLock = KSPIN_LOCK_INIT;
static volatile bool KdpBugCheckMode;

static char KdpLog[KD_LOG_SIZE];
static size_t KdpLogNext;
static bool KdpLogWrapped;

static const char KdpTruncationMarker[] = "...\n";

void KdInitialize(uint16_t SerialPort)
{
    KdpPort = SerialPort;
    if (KdpPort == 0) {
        return;
    }

    ArchOutByte(KdpPort + UART_INT_ENABLE, 0x00);
    ArchOutByte(KdpPort + UART_LINE_CONTROL, UART_LCR_DLAB);
    ArchOutByte(KdpPort + UART_DIVISOR_LOW, 0x01);     /* 115200 baud */
    ArchOutByte(KdpPort + UART_DIVISOR_HIGH, 0x00);
    ArchOutByte(KdpPort + UART_LINE_CONTROL, UART_LCR_8N1);
    ArchOutByte(KdpPort + UART_FIFO_CONTROL, 0xC7);    /* enable, clear, 14-byte threshold */
    ArchOutByte(KdpPort + UART_MODEM_CONTROL, 0x03);   /* DTR | RTS */
}

void KdSetPrintLevel(uint32_t Level)
{
    KdpPrintLevel = Level;
}

/*
 * Once the system is going down, other processors may hold KdpLock
 * forever. From here on the print path runs without it.
 */
void KdEnterBugCheckMode(void)
{
    KdpBugCheckMode = true;
    KdpPrintLevel = KD_LEVEL_TRACE;
}

static void KdpSerialPutChar(char Character)
{
    uint32_t Spins = 0;

    /* Give up on a dead UART rather than hang the caller. */
    while (!(ArchInByte(KdpPort + UART_LINE_STATUS) & UART_LSR_THR_EMPTY)) {
        if (++Spins == UART_SPIN_LIMIT) {
            return;
        }
        ArchPause();
    }
    ArchOutByte(KdpPort + UART_DATA, (uint8_t)Character);
}

static void KdpEmit(const char *Text, size_t Length)
{
    size_t Index;

    for (Index = 0; Index < Length; Index++) {
        KdpLog[KdpLogNext] = Text[Index];
        if (++KdpLogNext == KD_LOG_SIZE) {
            KdpLogNext = 0;
            KdpLogWrapped = true;
        }

        if (KdpPort != 0) {
            if (Text[Index] == '\n') {
                KdpSerialPutChar('\r');
            }
            KdpSerialPutChar(Text[Index]);
        }
    }
}

void KdVPrintEx(uint32_t Level, const char *Format, va_list Args)
{
    char Line[KD_LINE_MAX];
    uint64_t Flags = 0;
    bool UseLock;
    int Length;

    if (Level > KdpPrintLevel) {
        return;
    }

    Length = RtlFormatStringV(Line, sizeof(Line), Format, Args);
    if (Length < 0) {
        return;
    }
    if ((size_t)Length >= sizeof(Line)) {
        /* Make truncation visible instead of silently splicing lines. */
        Length = sizeof(Line) - 1;
        RtlCopyMemory(&Line[Length - (sizeof(KdpTruncationMarker) - 1)],
                      KdpTruncationMarker, sizeof(KdpTruncationMarker));
    }

    /*
     * Decide once. A bug check on another processor can flip the mode
     * while we print; reading it twice could acquire the lock and then
     * skip the release, leaving it held for the bug check's own output.
     */
    UseLock = !KdpBugCheckMode;
    if (UseLock) {
        spin_lock_irqsave(&KdpLock, Flags);
    }
    KdpEmit(Line, (size_t)Length);
    if (UseLock) {
        spin_unlock_irqrestore(&KdpLock, Flags);
    }
}

void KdPrintEx(uint32_t Level, const char *Format, ...)
{
    va_list Args;

    va_start(Args, Format);
    KdVPrintEx(Level, Format, Args);
    va_end(Args);
}

size_t KdCopyLog(char *Buffer, size_t Size)
{
    size_t Oldest;
    size_t Available;
    size_t Copied;
    size_t First;
    uint64_t Flags = 0;
    bool UseLock = !KdpBugCheckMode;

    if (Buffer == NULL || Size == 0) {
        return 0;
    }

    if (UseLock) {
        spin_lock_irqsave(&KdpLock, Flags);
    }

    Available = KdpLogWrapped ? KD_LOG_SIZE : KdpLogNext;
    Oldest = KdpLogWrapped ? KdpLogNext : 0;

    /* Keep the newest text if the buffer cannot hold everything. */
    Copied = (Available < Size) ? Available : Size;
    Oldest = (Oldest + (Available - Copied)) % KD_LOG_SIZE;

    First = KD_LOG_SIZE - Oldest;
    if (First > Copied) {
        First = Copied;
    }
    RtlCopyMemory(Buffer, &KdpLog[Oldest], First);
    RtlCopyMemory(Buffer + First, KdpLog, Copied - First);

    if (UseLock) {
        spin_unlock_irqrestore(&KdpLock, Flags);
    }
    return Copied;
}
