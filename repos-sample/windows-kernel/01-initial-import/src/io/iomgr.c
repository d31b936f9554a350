/*
 * iomgr.c - Driver and device objects.
 *
 * Drivers live in \Driver, devices in \Device. A device holds a reference
 * on its driver, so a driver object outlives all of its devices. The
 * reference returned by IoCreateDevice belongs to the driver and is
 * dropped by IoDeleteDevice.
 */

#include "io.h"
#include "kd.h"

#define IO_TAG_DRIVER   POOL_TAG('I', 'o', 'D', 'r')
#define IO_TAG_DEVICE   POOL_TAG('I', 'o', 'D', 'v')

#define IO_PATH_MAX     (OB_NAME_MAX + 16)

OBJECT_TYPE *IoDriverObjectType;
OBJECT_TYPE *IoDeviceObjectType;

/* Protects every driver's DeviceList. */
static KSPIN_LOCK IopDatabaseLock = KSPIN_LOCK_INIT;

static KSTATUS IopInvalidDeviceRequest(DEVICE_OBJECT *Device, IRP *Irp)
{
    UNUSED(Device);

    Irp->IoStatus.Status = STATUS_INVALID_DEVICE_REQUEST;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_INVALID_DEVICE_REQUEST;
}

static void IopDeleteDevice(void *Object)
{
    DEVICE_OBJECT *Device = Object;

    ObDereferenceObject(Device->Driver);
}

KSTATUS IoInitSystem(void)
{
    KSTATUS Status;

    Status = ObCreateObjectType("Driver", NonPagedPool, IO_TAG_DRIVER, NULL,
                                &IoDriverObjectType);
    if (!K_SUCCESS(Status)) {
        return Status;
    }
    return ObCreateObjectType("Device", NonPagedPool, IO_TAG_DEVICE, IopDeleteDevice,
                              &IoDeviceObjectType);
}

static KSTATUS IopBuildPath(char *Buffer, size_t Size, const char *Directory, const char *Name)
{
    int Length = RtlFormatString(Buffer, Size, "\\%s\\%s", Directory, Name);

    if (Length < 0 || (size_t)Length >= Size) {
        return STATUS_NAME_TOO_LONG;
    }
    return STATUS_SUCCESS;
}

KSTATUS IoCreateDriver(const char *Name, DRIVER_ENTRY Entry, DRIVER_OBJECT **DriverOut)
{
    char Path[IO_PATH_MAX];
    DRIVER_OBJECT *Driver;
    KSTATUS Status;
    uint32_t Index;

    if (Name == NULL || Entry == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    Status = IopBuildPath(Path, sizeof(Path), "Driver", Name);
    if (!K_SUCCESS(Status)) {
        return Status;
    }

    Status = ObCreateObject(IoDriverObjectType, sizeof(DRIVER_OBJECT), (void **)&Driver);
    if (!K_SUCCESS(Status)) {
        return Status;
    }
    for (Index = 0; Index < IRP_MJ_MAXIMUM; Index++) {
        Driver->MajorFunction[Index] = IopInvalidDeviceRequest;
    }

    Status = ObInsertObject(Driver, Path);
    if (!K_SUCCESS(Status)) {
        ObDereferenceObject(Driver);
        return Status;
    }

    Status = Entry(Driver);
    if (!K_SUCCESS(Status)) {
        KdPrintError("io: %s failed to initialise (0x%08x)\n", Path, (unsigned int)Status);

        /* Clean up after a driver that gave up halfway. */
        while (Driver->DeviceList != NULL) {
            IoDeleteDevice(Driver->DeviceList);
        }
        ObMakeTemporaryObject(Driver);
        ObDereferenceObject(Driver);
        return Status;
    }

    KdPrint("io: started %s\n", Path);
    if (DriverOut != NULL) {
        *DriverOut = Driver;
    } else {
        ObDereferenceObject(Driver);
    }
    return STATUS_SUCCESS;
}

KSTATUS IoCreateDevice(DRIVER_OBJECT *Driver, size_t ExtensionSize, const char *Name,
                       uint32_t DeviceType, DEVICE_OBJECT **DeviceOut)
{
    char Path[IO_PATH_MAX];
    DEVICE_OBJECT *Device;
    size_t BodySize;
    KSTATUS Status;
    KIRQL OldIrql;

    if (Driver == NULL || DeviceOut == NULL) {
        return STATUS_INVALID_PARAMETER;
    }
    if (Name != NULL) {
        Status = IopBuildPath(Path, sizeof(Path), "Device", Name);
        if (!K_SUCCESS(Status)) {
            return Status;
        }
    }

    BodySize = ALIGN_UP(sizeof(DEVICE_OBJECT), (size_t)16) + ExtensionSize;
    Status = ObCreateObject(IoDeviceObjectType, BodySize, (void **)&Device);
    if (!K_SUCCESS(Status)) {
        return Status;
    }

    ObReferenceObject(Driver);              /* dropped by IopDeleteDevice */
    Device->Driver = Driver;
    Device->DeviceType = DeviceType;
    if (ExtensionSize != 0) {
        Device->DeviceExtension = (uint8_t *)Device + ALIGN_UP(sizeof(DEVICE_OBJECT), (size_t)16);
    }

    if (Name != NULL) {
        Status = ObInsertObject(Device, Path);
        if (!K_SUCCESS(Status)) {
            ObDereferenceObject(Device);
            return Status;
        }
    }

    OldIrql = KeAcquireSpinLock(&IopDatabaseLock);
    Device->NextDevice = Driver->DeviceList;
    Driver->DeviceList = Device;
    KeReleaseSpinLock(&IopDatabaseLock, OldIrql);

    *DeviceOut = Device;
    return STATUS_SUCCESS;
}

void IoDeleteDevice(DEVICE_OBJECT *Device)
{
    DEVICE_OBJECT **Link;
    KIRQL OldIrql;

    OldIrql = KeAcquireSpinLock(&IopDatabaseLock);
    for (Link = &Device->Driver->DeviceList; *Link != NULL; Link = &(*Link)->NextDevice) {
        if (*Link == Device) {
            *Link = Device->NextDevice;
            break;
        }
    }
    Device->NextDevice = NULL;
    KeReleaseSpinLock(&IopDatabaseLock, OldIrql);

    ObMakeTemporaryObject(Device);
    ObDereferenceObject(Device);
}

KSTATUS IoGetDeviceObject(const char *Path, DEVICE_OBJECT **Device)
{
    return ObReferenceObjectByName(Path, IoDeviceObjectType, (void **)Device);
}
