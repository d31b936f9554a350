/*
 * io.h - I/O manager: driver and device objects, I/O request packets.
 *
 * A request travels as an IRP from IoCallDriver to the driver's dispatch
 * routine for the IRP's major function. The driver either completes it
 * right away (IoCompleteRequest, then return the final status) or marks
 * it pending (return STATUS_PENDING) and completes it later, possibly from
 * another thread or at DISPATCH_LEVEL.
 *
 * There is a single device per stack: no filter drivers, no IRP stack
 * locations. That keeps IRPs small until something needs layering.
 */

#ifndef IO_H
#define IO_H

#include "kbase.h"
#include "ke.h"
#include "ob.h"

typedef enum _IRP_MAJOR_FUNCTION {
    IRP_MJ_CREATE = 0,
    IRP_MJ_CLOSE,
    IRP_MJ_READ,
    IRP_MJ_WRITE,
    IRP_MJ_DEVICE_CONTROL,
    IRP_MJ_MAXIMUM
} IRP_MAJOR_FUNCTION;

#define DEVICE_TYPE_UNKNOWN     0u
#define DEVICE_TYPE_NULL        1u
#define DEVICE_TYPE_BEEP        2u
#define DEVICE_TYPE_SERIAL      3u
#define DEVICE_TYPE_DISK        4u

/* Device control codes: device type in the high half, function in the low. */
#define IO_CONTROL_CODE(DeviceType, Function) \
    (((uint32_t)(DeviceType) << 16) | ((uint32_t)(Function) & 0xFFFFu))

/* Priority increments for IoCompleteRequest. */
#define IO_NO_INCREMENT         0
#define IO_SOUND_INCREMENT      8
#define IO_SERIAL_INCREMENT     2

struct _IRP;
struct _DEVICE_OBJECT;
struct _DRIVER_OBJECT;

typedef KSTATUS (*DRIVER_DISPATCH)(struct _DEVICE_OBJECT *Device, struct _IRP *Irp);
typedef KSTATUS (*DRIVER_ENTRY)(struct _DRIVER_OBJECT *Driver);
typedef void (*DRIVER_UNLOAD)(struct _DRIVER_OBJECT *Driver);
typedef void (*IO_COMPLETION_ROUTINE)(struct _IRP *Irp, void *Context);

typedef struct _DRIVER_OBJECT {
    struct _DEVICE_OBJECT *DeviceList;
    DRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM];
    DRIVER_UNLOAD Unload;
    void *DriverContext;
} DRIVER_OBJECT;

#define DO_EXCLUSIVE            0x0001u /* one open at a time */

typedef struct _DEVICE_OBJECT {
    DRIVER_OBJECT *Driver;
    struct _DEVICE_OBJECT *NextDevice;
    uint32_t DeviceType;
    uint32_t Flags;                         /* DO_* */
    void *DeviceExtension;                  /* driver-private, zeroed */
} DEVICE_OBJECT;

typedef struct _IO_STATUS_BLOCK {
    KSTATUS Status;
    size_t Information;                     /* usually bytes transferred */
} IO_STATUS_BLOCK;

#define IRP_FLAG_COMPLETED      0x01u

typedef struct _IRP {
    uint8_t MajorFunction;
    uint8_t Flags;                          /* IRP_FLAG_* */
    uint16_t Reserved;
    DEVICE_OBJECT *Device;
    IO_STATUS_BLOCK IoStatus;

    union {
        struct {
            void *Buffer;
            size_t Length;
            uint64_t ByteOffset;
        } ReadWrite;
        struct {
            uint32_t ControlCode;
            const void *InputBuffer;
            size_t InputLength;
            void *OutputBuffer;
            size_t OutputLength;
        } DeviceControl;
    } Parameters;

    IO_COMPLETION_ROUTINE CompletionRoutine;
    void *CompletionContext;
    KEVENT *UserEvent;                      /* signalled on completion */
    LIST_ENTRY DriverQueueEntry;            /* free for the driver's use */
} IRP;

extern OBJECT_TYPE *IoDriverObjectType;
extern OBJECT_TYPE *IoDeviceObjectType;

KSTATUS IoInitSystem(void);

KSTATUS IoCreateDriver(const char *Name, DRIVER_ENTRY Entry, DRIVER_OBJECT **Driver);
KSTATUS IoCreateDevice(DRIVER_OBJECT *Driver, size_t ExtensionSize, const char *Name,
                       uint32_t DeviceType, DEVICE_OBJECT **Device);
void IoDeleteDevice(DEVICE_OBJECT *Device);
KSTATUS IoGetDeviceObject(const char *Path, DEVICE_OBJECT **Device);

IRP *IoAllocateIrp(void);
void IoFreeIrp(IRP *Irp);
void IoSetCompletionRoutine(IRP *Irp, IO_COMPLETION_ROUTINE Routine, void *Context);
KSTATUS IoCallDriver(DEVICE_OBJECT *Device, IRP *Irp);
void IoCompleteRequest(IRP *Irp, KPRIORITY PriorityBoost);

/*
 * Synchronous helpers: build an IRP, send it, wait if the driver pends it,
 * and free it. Callers must be below DISPATCH_LEVEL. The return value is
 * the final IoStatus.Status; IoStatus may be NULL.
 */
KSTATUS IoSendSynchronousRequest(DEVICE_OBJECT *Device, uint8_t MajorFunction,
                                 void *Buffer, size_t Length, uint64_t ByteOffset,
                                 IO_STATUS_BLOCK *IoStatus);
KSTATUS IoSendDeviceControl(DEVICE_OBJECT *Device, uint32_t ControlCode,
                            const void *InputBuffer, size_t InputLength,
                            void *OutputBuffer, size_t OutputLength,
                            IO_STATUS_BLOCK *IoStatus);

#endif /* IO_H */
