/*
 * null.c - The Null and Zero devices.
 *
 * \Device\Null discards every write and reports end of file on every
 * read. \Device\Zero reads as an endless run of zero bytes and discards
 * writes. Both complete every request before returning, which makes them
 * the natural first target when testing the I/O path itself.
 */

#include "null.h"

typedef enum _NULL_DEVICE_KIND {
    NullDeviceNull,
    NullDeviceZero,
} NULL_DEVICE_KIND;

typedef struct _NULL_EXTENSION {
    NULL_DEVICE_KIND Kind;
    uint32_t Reserved;
    uint64_t BytesRead;                     /* updated atomically */
    uint64_t BytesWritten;
} NULL_EXTENSION;

static KSTATUS NullComplete(IRP *Irp, KSTATUS Status, size_t Information)
{
    Irp->IoStatus.Status = Status;
    Irp->IoStatus.Information = Information;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return Status;
}

static KSTATUS NullCreateClose(DEVICE_OBJECT *Device, IRP *Irp)
{
    UNUSED(Device);
    return NullComplete(Irp, STATUS_SUCCESS, 0);
}

static KSTATUS NullRead(DEVICE_OBJECT *Device, IRP *Irp)
{
    NULL_EXTENSION *Extension = Device->DeviceExtension;
    void *Buffer = Irp->Parameters.ReadWrite.Buffer;
    size_t Length = Irp->Parameters.ReadWrite.Length;

    if (Extension->Kind == NullDeviceNull) {
        return NullComplete(Irp, STATUS_END_OF_FILE, 0);
    }
    if (Length != 0 && Buffer == NULL) {
        return NullComplete(Irp, STATUS_INVALID_PARAMETER, 0);
    }

    RtlZeroMemory(Buffer, Length);
    __atomic_add_fetch(&Extension->BytesRead, Length, __ATOMIC_RELAXED);
    return NullComplete(Irp, STATUS_SUCCESS, Length);
}

static KSTATUS NullWrite(DEVICE_OBJECT *Device, IRP *Irp)
{
    NULL_EXTENSION *Extension = Device->DeviceExtension;
    size_t Length = Irp->Parameters.ReadWrite.Length;

    __atomic_add_fetch(&Extension->BytesWritten, Length, __ATOMIC_RELAXED);
    return NullComplete(Irp, STATUS_SUCCESS, Length);
}

static KSTATUS NullDeviceControl(DEVICE_OBJECT *Device, IRP *Irp)
{
    NULL_EXTENSION *Extension = Device->DeviceExtension;
    NULL_STATISTICS *Statistics;

    if (Irp->Parameters.DeviceControl.ControlCode != IOCTL_NULL_QUERY_STATISTICS) {
        return NullComplete(Irp, STATUS_INVALID_DEVICE_REQUEST, 0);
    }
    if (Irp->Parameters.DeviceControl.OutputLength < sizeof(NULL_STATISTICS)) {
        return NullComplete(Irp, STATUS_BUFFER_TOO_SMALL, 0);
    }

    Statistics = Irp->Parameters.DeviceControl.OutputBuffer;
    Statistics->BytesRead = __atomic_load_n(&Extension->BytesRead, __ATOMIC_RELAXED);
    Statistics->BytesWritten = __atomic_load_n(&Extension->BytesWritten, __ATOMIC_RELAXED);
    return NullComplete(Irp, STATUS_SUCCESS, sizeof(NULL_STATISTICS));
}

static KSTATUS NullCreateDevice(DRIVER_OBJECT *Driver, const char *Name, NULL_DEVICE_KIND Kind)
{
    NULL_EXTENSION *Extension;
    DEVICE_OBJECT *Device;
    KSTATUS Status;

    Status = IoCreateDevice(Driver, sizeof(NULL_EXTENSION), Name, DEVICE_TYPE_NULL, &Device);
    if (!K_SUCCESS(Status)) {
        return Status;
    }
    Extension = Device->DeviceExtension;
    Extension->Kind = Kind;
    return STATUS_SUCCESS;
}

static void NullUnload(DRIVER_OBJECT *Driver)
{
    while (Driver->DeviceList != NULL) {
        IoDeleteDevice(Driver->DeviceList);
    }
}

KSTATUS NullDriverEntry(DRIVER_OBJECT *Driver)
{
    KSTATUS Status;

    Driver->MajorFunction[IRP_MJ_CREATE] = NullCreateClose;
    Driver->MajorFunction[IRP_MJ_CLOSE] = NullCreateClose;
    Driver->MajorFunction[IRP_MJ_READ] = NullRead;
    Driver->MajorFunction[IRP_MJ_WRITE] = NullWrite;
    Driver->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NullDeviceControl;
    Driver->Unload = NullUnload;

    /* On failure IoCreateDriver deletes whatever devices already exist. */
    Status = NullCreateDevice(Driver, "Null", NullDeviceNull);
    if (!K_SUCCESS(Status)) {
        return Status;
    }
    return NullCreateDevice(Driver, "Zero", NullDeviceZero);
}
