/*
 * kd.h - Kernel debugger print helpers.
 *
 * Output goes to a 16550 UART (if the boot manager configured one) and to
 * an in-memory ring that survives until the next boot. Safe to call at any
 * IRQL, including from interrupt service routines and the bug check path.
 */

#ifndef KD_H
#define KD_H

#include "kbase.h"

#define KD_LEVEL_ERROR      0
#define KD_LEVEL_WARNING    1
#define KD_LEVEL_INFO       2
#define KD_LEVEL_TRACE      3

#define KD_LOG_SIZE         16384u
#define KD_LINE_MAX         256u

void KdInitialize(uint16_t SerialPort);
void KdSetPrintLevel(uint32_t Level);
void KdEnterBugCheckMode(void);

void KdVPrintEx(uint32_t Level, const char *Format, va_list Args);
void KdPrintEx(uint32_t Level, const char *Format, ...) PRINTF_LIKE(2, 3);

/*
 * Copies the most recent output, oldest byte first, into Buffer. Returns
 * the number of bytes copied (at most KD_LOG_SIZE). No terminator.
 */
size_t KdCopyLog(char *Buffer, size_t Size);

#define KdPrint(...)        KdPrintEx(KD_LEVEL_INFO, __VA_ARGS__)
#define KdPrintError(...)   KdPrintEx(KD_LEVEL_ERROR, __VA_ARGS__)
#define KdPrintTrace(...)   KdPrintEx(KD_LEVEL_TRACE, __VA_ARGS__)

#endif /* KD_H */
