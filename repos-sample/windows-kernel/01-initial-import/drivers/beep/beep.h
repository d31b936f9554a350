/*
 * beep.h - Interface of the PC speaker driver (\Device\Beep).
 */

#ifndef BEEP_H
#define BEEP_H

#include "io.h"

#define BEEP_DEVICE_PATH        "\\Device\\Beep"

#define BEEP_MIN_FREQUENCY      37u         /* Hz */
#define BEEP_MAX_FREQUENCY      32767u

/* Input: BEEP_PARAMETERS. Starts (or retunes) a continuous tone. */
#define IOCTL_BEEP_START        IO_CONTROL_CODE(DEVICE_TYPE_BEEP, 1)

/* No buffers. Silences the speaker; harmless if it is already quiet. */
#define IOCTL_BEEP_STOP         IO_CONTROL_CODE(DEVICE_TYPE_BEEP, 2)

/* Output: BEEP_STATE. */
#define IOCTL_BEEP_QUERY        IO_CONTROL_CODE(DEVICE_TYPE_BEEP, 3)

typedef struct _BEEP_PARAMETERS {
    uint32_t Frequency;
    uint32_t Reserved;
} BEEP_PARAMETERS;

typedef struct _BEEP_STATE {
    uint32_t Frequency;                     /* 0 when silent */
    uint32_t Reserved;
    uint64_t TonesStarted;
} BEEP_STATE;

KSTATUS BeepDriverEntry(DRIVER_OBJECT *Driver);

#endif /* BEEP_H */
