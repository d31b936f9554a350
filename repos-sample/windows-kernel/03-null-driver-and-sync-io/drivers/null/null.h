/*
 * null.h - Interface of the Null and Zero devices.
 */

#ifndef NULL_DRIVER_H
#define NULL_DRIVER_H

#include "io.h"

#define NULL_DEVICE_PATH        "\\Device\\Null"
#define ZERO_DEVICE_PATH        "\\Device\\Zero"

/* Output: NULL_STATISTICS. Works on either device. */
#define IOCTL_NULL_QUERY_STATISTICS     IO_CONTROL_CODE(DEVICE_TYPE_NULL, 1)

typedef struct _NULL_STATISTICS {
    uint64_t BytesRead;
    uint64_t BytesWritten;
} NULL_STATISTICS;

KSTATUS NullDriverEntry(DRIVER_OBJECT *Driver);

#endif /* NULL_DRIVER_H */
